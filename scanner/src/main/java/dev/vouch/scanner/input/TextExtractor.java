package dev.vouch.scanner.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists every string of a JSON value with its pointer and kind: names, descriptions, property names,
 * defaults, enums, examples. Every string counts; the kind only decides which rules read it.
 */
public final class TextExtractor {

    // MCP's inputSchema and outputSchema, Docker's arguments, and the input_schema and parameters under which other
    // tool-calling APIs put the same JSON Schema.
    private static final Set<String> SCHEMA_CONTAINERS =
            Set.of("inputSchema", "outputSchema", "arguments", "input_schema", "parameters");
    private static final Set<String> SCHEMA_VALUE_KEYS = Set.of("default", "enum", "const", "examples", "example");
    private static final Set<String> PROSE_KEYS = Set.of("description", "desc", "title");
    /** How deep the walk reads; what lies deeper is marked {@link FieldKind#UNREAD}, not dropped. */
    public static final int MAX_DEPTH = 64;

    private TextExtractor() {}

    /** The strings of one tool definition. */
    public static List<TextField> tool(ToolDefinition tool) {
        return extract(tool.definition(), tool.pointer(), Context.TOOL);
    }

    /** The strings of a prompt, resource or instructions value. */
    public static List<TextField> prose(ScanInput.Located located) {
        return extract(located.node(), located.pointer(), Context.PROSE);
    }

    /** The strings of a server.json manifest. */
    public static List<TextField> manifest(ScanInput.Located located) {
        return extract(located.node(), located.pointer(), Context.MANIFEST);
    }

    private static List<TextField> extract(JsonNode node, String pointer, Context context) {
        List<TextField> fields = new ArrayList<>();
        // One buffer holds the pointer of the node being walked: a string is made for each text alone.
        walk(node, new StringBuilder(64).append(pointer), "", context, fields, 0);
        return fields;
    }

    private enum Context {
        TOOL,
        SCHEMA,
        PROSE,
        MANIFEST
    }

    private static void walk(
            JsonNode node, StringBuilder pointer, String key, Context context, List<TextField> out, int depth) {
        if (depth > MAX_DEPTH) {
            // Past the depth the walk goes to, a string or a container of them is marked, not dropped: a model reads
            // the whole definition, and what the scan did not read must not pass as if it had.
            if (node.isTextual() || node.isContainerNode() && !node.isEmpty()) {
                out.add(new TextField(pointer.toString(), FieldKind.UNREAD, key, ""));
            }
            return;
        }
        int length = pointer.length();
        if (node.isTextual()) {
            out.add(new TextField(pointer.toString(), kindOf(context, key), key, node.asText()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer.append('/').append(i), key, context, out, depth + 1);
                pointer.setLength(length);
            }
        } else if (node.isObject()) {
            // An environment variable or header {"name": "API_TOKEN", "value": "..."}: its value is keyed by its name.
            JsonNode nameNode = node.get("name");
            String objectName = nameNode != null && nameNode.isTextual() ? nameNode.asText() : null;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                appendEscaped(pointer.append('/'), field.getKey());
                Context childContext = context == Context.TOOL && SCHEMA_CONTAINERS.contains(field.getKey())
                        ? Context.SCHEMA
                        : context;
                if (context == Context.SCHEMA
                        && ("properties".equals(field.getKey()) || "patternProperties".equals(field.getKey()))
                        && field.getValue().isObject()) {
                    int childLength = pointer.length();
                    for (Iterator<String> names = field.getValue().fieldNames(); names.hasNext(); ) {
                        String property = names.next();
                        appendEscaped(pointer.append('/'), property);
                        out.add(new TextField(pointer.toString(), FieldKind.PROPERTY_NAME, property, property));
                        pointer.setLength(childLength);
                    }
                }
                String childKey = objectName != null
                                && ("value".equals(field.getKey()) || "default".equals(field.getKey()))
                                && context != Context.SCHEMA
                        ? objectName
                        : field.getKey();
                walk(field.getValue(), pointer, childKey, childContext, out, depth + 1);
                pointer.setLength(length);
            }
        }
    }

    /** A reference token as {@link Pointers#escape} writes it. */
    private static void appendEscaped(StringBuilder pointer, String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            pointer.append(token);
        } else {
            pointer.append(Pointers.escape(token));
        }
    }

    private static FieldKind kindOf(Context context, String key) {
        switch (context) {
            case MANIFEST:
                return FieldKind.MANIFEST;
            case PROSE:
                return FieldKind.PROMPT;
            case SCHEMA:
                if (SCHEMA_VALUE_KEYS.contains(key)) {
                    return FieldKind.SCHEMA_VALUE;
                }
                if ("name".equals(key)) {
                    return FieldKind.PROPERTY_NAME;
                }
                return PROSE_KEYS.contains(key) ? FieldKind.SCHEMA_TEXT : FieldKind.OTHER;
            default:
                if ("name".equals(key)) {
                    return FieldKind.NAME;
                }
                return PROSE_KEYS.contains(key) ? FieldKind.DESCRIPTION : FieldKind.OTHER;
        }
    }
}
