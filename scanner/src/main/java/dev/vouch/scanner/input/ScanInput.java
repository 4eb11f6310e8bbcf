package dev.vouch.scanner.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one scan reads: tools, prompts, resources, server instructions and the server.json manifest,
 * each with its JSON Pointer in the source document.
 *
 * <p>{@link #fromJson} accepts a tools array, a {@code tools/list} result (bare or inside a JSON-RPC
 * {@code result}, or an array of such pages), Docker's {@code tools.json} (including wrappers such as
 * {@code consolidated}), a server.json, a publish envelope
 * {@code {"server", "tools", "prompts", "resources", "instructions"}}, or a single tool. A tool's schema may sit under {@code inputSchema} (MCP), {@code input_schema} or
 * {@code parameters} (other tool-calling APIs), and a tool may be wrapped as OpenAI's chat completions list it
 * ({@code {"type": "function", "function": {...}}}).
 */
public record ScanInput(
        List<ToolDefinition> tools,
        List<Located> prompts,
        List<Located> resources,
        Optional<Located> instructions,
        Optional<Located> manifest) {

    /** A JSON value and its pointer. */
    public record Located(String pointer, JsonNode node) {}

    /**
     * A tool's digest is SHA-256 over its RFC 8785 canonical JSON, which is defined for numbers an IEEE 754 double
     * holds and strings of Unicode text (I-JSON, RFC 7493): a tool holding a number beyond it ({@code 1e309}, a
     * 309-digit integer) or a string with an unpaired surrogate cannot be digested and is refused here, as a publish
     * refuses it. A manifest, a prompt or a resource is read for its text alone and may hold either.
     */
    public ScanInput {
        for (ToolDefinition tool : tools) {
            requireDepthWithin(tool.definition(), tool.pointer());
        }
        for (List<Located> located : List.of(prompts, resources)) {
            located.forEach(item -> requireDepthWithin(item.node(), item.pointer()));
        }
        instructions.ifPresent(item -> requireDepthWithin(item.node(), item.pointer()));
        manifest.ifPresent(item -> requireDepthWithin(item.node(), item.pointer()));
        for (ToolDefinition tool : tools) {
            IJson.Flaw flaw = IJson.firstFlaw(tool.definition());
            if (flaw != null) {
                throw new InvalidInputException(
                        (flaw.number() ? "the number" : "the text") + " at " + tool.pointer() + flaw.pointer() + " "
                                + flaw.problem() + " (RFC 7493 I-JSON), which canonical tool digests need");
            }
        }
        tools = List.copyOf(tools);
        prompts = List.copyOf(prompts);
        resources = List.copyOf(resources);
    }

    public static ScanInput ofTools(List<ToolDefinition> tools) {
        return new ScanInput(tools, List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    /**
     * The deepest nesting read, as the registry's JSON parser allows: the scan walks trees recursively, and a tree
     * built some other way and nested thousands deep would overflow its stack.
     */
    public static final int MAX_DEPTH = 1_000;

    /** Refuses a value nested deeper than {@link #MAX_DEPTH}, found by a walk that keeps its own stack. */
    private static void requireDepthWithin(JsonNode node, String pointer) {
        // One iterator of children for each container open on the way down: the stack's height is the depth.
        Deque<Iterator<JsonNode>> open = new ArrayDeque<>();
        if (node.isContainerNode()) {
            open.push(node.elements());
        }
        while (!open.isEmpty()) {
            if (open.size() > MAX_DEPTH) {
                throw new InvalidInputException(
                        (pointer.isEmpty() ? "the document" : pointer) + " is nested more than " + MAX_DEPTH + " deep");
            }
            Iterator<JsonNode> children = open.peek();
            if (!children.hasNext()) {
                open.pop();
            } else {
                JsonNode child = children.next();
                if (child.isContainerNode()) {
                    open.push(child.elements());
                }
            }
        }
    }

    /**
     * Reads a sequence of JSON values, as a file or a stream holds them one after another: one value as {@link
     * #fromJson} reads it; JSON-RPC messages as an MCP server's stdio transport writes them (one per line), by the
     * {@code tools/list} results among them; other values (a tool or a page a line) as the array of them. A pointer
     * names the value by its place in the sequence ({@code /1/result/tools/0}).
     */
    public static ScanInput fromJsonSequence(List<JsonNode> values) {
        if (values.isEmpty()) {
            throw new InvalidInputException("empty document");
        }
        if (values.size() == 1) {
            return fromJson(values.get(0));
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode(values.size());
        values.forEach(array::add);
        if (!isMessages(array)) {
            return fromJson(array);
        }
        List<ToolDefinition> tools = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (pageTools(array.get(i)) != null) {
                addPageTools(array.get(i), i, tools);
            }
        }
        if (tools.isEmpty()) {
            throw new InvalidInputException("no tools/list result among " + values.size() + " JSON-RPC messages");
        }
        return ofTools(tools);
    }

    private static boolean isMessages(JsonNode array) {
        for (JsonNode value : array) {
            if (!value.path("jsonrpc").isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** Reads any of the supported forms; {@link InvalidInputException} for anything else. */
    public static ScanInput fromJson(JsonNode document) {
        if (document == null) {
            throw new InvalidInputException("empty document");
        }
        if (document.isArray()) {
            return isPages(document) ? ofTools(pagesOfTools(document)) : ofTools(tools(document, ""));
        }
        if (!document.isObject()) {
            throw new InvalidInputException("expected a JSON array or object, found " + document.getNodeType());
        }
        if (document.path("server").isObject()) {
            return envelope(document, "", Optional.of(new Located("/server", document.get("server"))));
        }
        if (document.path("tools").isArray() || document.has("prompts") || document.has("resources")) {
            return envelope(document, "", Optional.empty());
        }
        if (document.path("result").isObject()) {
            return envelope(document.get("result"), "/result", Optional.empty());
        }
        if (isManifest(document)) {
            return new ScanInput(
                    List.of(), List.of(), List.of(), Optional.empty(), Optional.of(new Located("", document)));
        }
        if (isTool(document)) {
            return ofTools(List.of(tool(document, "")));
        }
        List<ToolDefinition> wrapped = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isArray()
                    && field.getValue().size() > 0
                    && isTool(field.getValue().get(0))) {
                wrapped.addAll(tools(field.getValue(), "/" + Pointers.escape(field.getKey())));
            }
        }
        if (wrapped.isEmpty()) {
            throw new InvalidInputException("not a tools list, server.json or publish envelope");
        }
        return ofTools(wrapped);
    }

    private static ScanInput envelope(JsonNode node, String base, Optional<Located> manifest) {
        List<ToolDefinition> tools =
                node.path("tools").isArray() ? tools(node.get("tools"), base + "/tools") : List.of();
        Optional<Located> instructions = node.path("instructions").isTextual()
                ? Optional.of(new Located(base + "/instructions", node.get("instructions")))
                : Optional.empty();
        return new ScanInput(
                tools,
                located(node.path("prompts"), base + "/prompts"),
                located(node.path("resources"), base + "/resources"),
                instructions,
                manifest);
    }

    private static List<ToolDefinition> tools(JsonNode array, String base) {
        List<ToolDefinition> tools = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isObject()) {
                throw new InvalidInputException("tool at " + base + "/" + i + " is not an object");
            }
            tools.add(tool(array.get(i), base + "/" + i));
        }
        return tools;
    }

    /**
     * The tool at {@code pointer}: the definition itself, or the one an OpenAI chat-completions entry wraps
     * ({@code {"type": "function", "function": {"name", "description", "parameters"}}}), whose name and schema
     * are what a scan reads the tool's text against. A wrapper holding anything else is scanned whole, so that
     * no string of it goes unread.
     */
    private static ToolDefinition tool(JsonNode node, String pointer) {
        return isFunctionWrapper(node)
                ? new ToolDefinition(pointer + "/function", node.get("function"))
                : new ToolDefinition(pointer, node);
    }

    private static boolean isFunctionWrapper(JsonNode node) {
        if (!node.path("function").isObject()
                || !node.get("function").path("name").isTextual()
                || node.has("type") && !"function".equals(node.get("type").asText(null))) {
            return false;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("function") && !name.equals("type")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether an array holds {@code tools/list} pages rather than tools: each a result with its own {@code tools}
     * ({@code nextCursor} pages written one after another), bare or as a JSON-RPC response.
     */
    private static boolean isPages(JsonNode array) {
        if (array.isEmpty()) {
            return false;
        }
        for (JsonNode item : array) {
            if (isTool(item) || pageTools(item) == null) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode pageTools(JsonNode page) {
        if (page.path("tools").isArray()) {
            return page.get("tools");
        }
        JsonNode result = page.path("result").path("tools");
        return result.isArray() ? result : null;
    }

    private static List<ToolDefinition> pagesOfTools(JsonNode pages) {
        List<ToolDefinition> tools = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            addPageTools(pages.get(i), i, tools);
        }
        return tools;
    }

    /** The tools of the page at index {@code i}, bare or in a JSON-RPC result, added to {@code tools}. */
    private static void addPageTools(JsonNode page, int i, List<ToolDefinition> tools) {
        String base = "/" + i + (page.path("tools").isArray() ? "" : "/result");
        tools.addAll(tools(pageTools(page), base + "/tools"));
    }

    private static List<Located> located(JsonNode array, String base) {
        List<Located> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            items.add(new Located(base + "/" + i, array.get(i)));
        }
        return items;
    }

    private static boolean isTool(JsonNode node) {
        if (isFunctionWrapper(node)) {
            return isTool(node.get("function"));
        }
        return node.isObject()
                && node.path("name").isTextual()
                && (node.has("description")
                        || node.has("inputSchema")
                        || node.has("arguments")
                        || node.has("input_schema")
                        || node.has("parameters"));
    }

    private static boolean isManifest(JsonNode node) {
        return node.path("name").isTextual()
                && node.path("version").isTextual()
                && (node.has("$schema") || node.has("packages") || node.has("remotes"));
    }
}
