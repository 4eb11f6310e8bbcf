package dev.vouch.scanner.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
}
