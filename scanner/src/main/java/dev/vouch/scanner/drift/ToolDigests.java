package dev.vouch.scanner.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.scanner.Hashes;
import dev.vouch.scanner.JsonMappers;
import dev.vouch.scanner.input.ToolDefinition;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Canonical digests of tool definitions: SHA-256 over the RFC 8785 (JCS) canonical JSON of a tool's
 * name, description, input schema and annotations, and of the whole set. Key order, whitespace and
 * number spelling do not change a digest; any change of meaning does.
 */
public final class ToolDigests {

    private static final ObjectMapper JSON = JsonMappers.JSON;
    /** The digested fields, in the order JCS writes them (by name). */
    private static final String[] SORTED = {"annotations", "description", "inputSchema", "name"};

    /**
     * One buffer per thread for the canonical bytes, hashed before the next tool's are written: a kilobyte
     * allocated (and zeroed) for each tool cost as much as writing the tool into it.
     */
    private static final ThreadLocal<CanonicalJson.Utf8> BUFFER =
            ThreadLocal.withInitial(() -> new CanonicalJson.Utf8(1024));

    private ToolDigests() {}

    /** {@code sha256:<hex>} of one tool's digested fields. */
    public static String tool(JsonNode definition) {
        // The digested fields in the canonical order of their names, written without an object of them.
        JsonNode[] values = new JsonNode[SORTED.length];
        for (int i = 0; i < SORTED.length; i++) {
            JsonNode value = definition.get(SORTED[i]);
            if (value == null && "inputSchema".equals(SORTED[i])) {
                // Docker's tools.json spells the schema as "arguments".
                value = definition.get("arguments");
            }
            if (value != null && !value.isNull()) {
                values[i] = value;
            }
        }
        CanonicalJson.Utf8 out = BUFFER.get().cleared();
        if (writeCanonical(values, out)) {
            return "sha256:" + Hashes.sha256Hex(out.buffer(), out.length());
        }
        ObjectNode subset = JSON.createObjectNode();
        for (int i = 0; i < SORTED.length; i++) {
            if (values[i] != null) {
                subset.set(SORTED[i], values[i]);
            }
        }
        return "sha256:" + Hashes.sha256Hex(CanonicalJson.reference(subset));
    }

    /**
     * Writes the object of the digested fields, {@code values} by {@link #SORTED}, without an object of them;
     * false if one holds a value that must take the reference route.
     */
    private static boolean writeCanonical(JsonNode[] values, CanonicalJson.Utf8 out) {
        out.ascii('{');
        boolean first = true;
        for (int i = 0; i < SORTED.length; i++) {
            if (values[i] != null) {
                if (!first) {
                    out.ascii(',');
                }
                first = false;
                out.string(SORTED[i]);
                out.ascii(':');
                if (!CanonicalJson.write(values[i], out)) {
                    return false;
                }
            }
        }
        out.ascii('}');
        return true;
    }

    /** Digest of every tool by name, in name order. */
    public static SortedMap<String, String> byName(List<ToolDefinition> tools) {
        SortedMap<String, String> digests = new TreeMap<>();
        tools.forEach(tool -> digests.put(tool.name(), tool(tool.definition())));
        return digests;
    }

    /** {@code sha256:<hex>} of the whole tool set: the canonical JSON of name → tool digest. */
    public static String toolSet(List<ToolDefinition> tools) {
        return toolSet(byName(tools));
    }

    /** The tool-set digest from tool digests already computed, by tool name. */
    public static String toolSet(Map<String, String> digestsByName) {
        if (!(digestsByName instanceof SortedMap<?, ?> sorted) || sorted.comparator() != null) {
            ObjectNode byName = JSON.createObjectNode();
            digestsByName.forEach(byName::put);
            return "sha256:" + sha256(canonical(byName));
        }
        // In the names' natural order, which is JCS's: the canonical object is written as the map iterates.
        CanonicalJson.Utf8 out = BUFFER.get().cleared();
        out.ascii('{');
        boolean first = true;
        for (Map.Entry<String, String> digest : digestsByName.entrySet()) {
            if (!first) {
                out.ascii(',');
            }
            first = false;
            out.string(digest.getKey());
            out.ascii(':');
            if (digest.getValue() == null) {
                out.asciiText("null");
            } else {
                out.string(digest.getValue());
            }
        }
        out.ascii('}');
        return "sha256:" + Hashes.sha256Hex(out.buffer(), out.length());
    }

    private static byte[] canonical(JsonNode node) {
        return CanonicalJson.of(node);
    }

    private static String sha256(byte[] bytes) {
        return Hashes.sha256Hex(bytes);
    }
}
