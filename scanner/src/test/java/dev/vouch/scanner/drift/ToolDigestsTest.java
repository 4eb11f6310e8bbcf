package dev.vouch.scanner.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.scanner.Hashes;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

class ToolDigestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void digestIgnoresKeyOrderWhitespaceAndFieldsOutsideTheDefinition() throws Exception {
        String a = ToolDigests.tool(
                JSON.readTree(
                        "{\"name\":\"t\",\"description\":\"d\",\"inputSchema\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"number\"}}}}"));
        String b = ToolDigests.tool(
                JSON.readTree(
                        "{ \"inputSchema\" : {\"properties\":{\"a\":{\"type\":\"number\"}}, \"type\":\"object\"},\n \"description\":\"d\", \"name\":\"t\", \"_meta\": {\"x\": 1}}"));

        assertThat(a).isEqualTo(b).startsWith("sha256:").hasSize(71);
    }

    @Test
    void anyChangeOfMeaningChangesTheDigest() throws Exception {
        String a = ToolDigests.tool(JSON.readTree("{\"name\":\"t\",\"description\":\"d\"}"));
        String b = ToolDigests.tool(JSON.readTree("{\"name\":\"t\",\"description\":\"d \"}"));
        String c = ToolDigests.tool(
                JSON.readTree("{\"name\":\"t\",\"description\":\"d\",\"annotations\":{\"readOnlyHint\":false}}"));

        assertThat(a).isNotEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void digestsAreSha256OfTheReferenceCanonicalJson() throws Exception {
        JsonNode tool = JSON.readTree(
                "{\"name\":\"t\u00e9\",\"description\":\"quote \\\" tab\\t \\ud83d\\ude00\","
                        + "\"arguments\":[{\"name\":\"q\",\"n\":9007199254740993,\"x\":1.5}],\"annotations\":{\"b\":true,\"a\":null}}");
        ObjectNode subset = JSON.createObjectNode();
        subset.set("name", tool.get("name"));
        subset.set("description", tool.get("description"));
        subset.set("inputSchema", tool.get("arguments"));
        subset.set("annotations", tool.get("annotations"));
        SortedMap<String, String> digests =
                new TreeMap<>(Map.of("b\u00e9", "sha256:1", "a", "sha256:2", "B", "sha256:3"));
        ObjectNode set = JSON.createObjectNode();
        digests.forEach(set::put);

        assertThat(ToolDigests.tool(tool)).isEqualTo("sha256:" + referenceSha256(subset));
        assertThat(ToolDigests.toolSet(digests)).isEqualTo("sha256:" + referenceSha256(set));
    }

    private static String referenceSha256(JsonNode node) throws Exception {
        byte[] canonical = new JsonCanonicalizer(JSON.writeValueAsString(node)).getEncodedUTF8();
        return Hashes.sha256Hex(canonical);
    }
}
