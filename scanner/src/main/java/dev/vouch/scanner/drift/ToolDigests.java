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
    private static final List<String> DIGESTED = List.of("name", "description", "inputSchema", "annotations");

    private ToolDigests() {}

    /** {@code sha256:<hex>} of one tool's digested fields. */
    public static String tool(JsonNode definition) {
        ObjectNode subset = JSON.createObjectNode();
        for (String field : DIGESTED) {
            JsonNode value = definition.get(field);
            if (value == null && "inputSchema".equals(field)) {
                // Docker's tools.json spells the schema as "arguments".
                value = definition.get("arguments");
            }
            if (value != null && !value.isNull()) {
                subset.set(field, value);
            }
        }
        return "sha256:" + sha256(canonical(subset));
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
        ObjectNode byName = JSON.createObjectNode();
        digestsByName.forEach(byName::put);
        return "sha256:" + sha256(canonical(byName));
    }

    private static byte[] canonical(JsonNode node) {
        return CanonicalJson.of(node);
    }

    private static String sha256(byte[] bytes) {
        return Hashes.sha256Hex(bytes);
    }
}
