package dev.vouch.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class InterchangeableJsonTest {

    private static JsonNode tree(String json) throws Exception {
        return JsonMappers.JSON.readTree(json);
    }

    @Test
    void aNumberNoDoubleHoldsIsNamedByItsPointerWithMemberNamesEscaped() throws Exception {
        JsonNode body = tree("{\"tools\": [{\"a/b~c\": {\"max\": 1}}, {\"a/b~c\": {\"max\": 1e309}}]}");

        assertThatThrownBy(() -> InterchangeableJson.require(body))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/tools/1/a~1b~0c/max");
                    assertThat(e.getMessage()).contains("the number at /tools/1/a~1b~0c/max does not fit");
                });
    }

    @Test
    void anUnpairedSurrogateInAMemberNameIsNamedByThatMember() throws Exception {
        // Built as a tree: Jackson's parser already refuses this member name in text.
        com.fasterxml.jackson.databind.node.ObjectNode body = JsonMappers.JSON.createObjectNode();
        body.putObject("server").put("\udc00x", "fine");

        assertThatThrownBy(() -> InterchangeableJson.require(body))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::pointer)
                                .containsExactly("/server/\udc00x"));
    }

    @Test
    void aTopLevelValueIsSaidToStandAtTheTopLevelAndWellFormedJsonPasses() throws Exception {
        assertThatThrownBy(() -> InterchangeableJson.require(tree("\"\\ud800\"")))
                .hasMessageContaining("the text at the top level holds an unpaired surrogate");
        InterchangeableJson.require(tree("{\"name\": \"天気 \\ud83c\\udf24\", \"n\": [1.5, -2, 1e308]}"));
    }
}
