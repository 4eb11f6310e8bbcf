package dev.vouch.scanner.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ScanInputTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A tool list whose one tool's schema nests {@code depth} objects through "properties". */
    private static ArrayNode toolNested(int depth) {
        ArrayNode tools = JSON.arrayNode();
        ObjectNode schema =
                tools.addObject().put("name", "t").put("description", "Nested.").putObject("inputSchema");
        for (int i = 0; i < depth; i++) {
            schema = schema.putObject("properties").putObject("p");
        }
        return tools;
    }

    @Test
    void aTreeNestedDeeperThanTheRegistrysParserAllowsIsRefusedNotOverflowed() {
        // A tree built without a parser's limit once overflowed the stack of the scan's recursive walks.
        assertThatThrownBy(() -> ScanInput.fromJson(toolNested(3_000)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("/0 is nested more than " + ScanInput.MAX_DEPTH + " deep");
        assertThat(ScanInput.fromJson(toolNested(400)).tools()).hasSize(1);
    }

    @Test
    void aToolWhoseStringHoldsAnUnpairedSurrogateIsRefusedWithItsPointer() {
        // Canonical JSON, which a tool's digest is taken over, has no form for a string that is no Unicode text.
        ArrayNode lone = JSON.arrayNode();
        lone.addObject().put("name", "t").putObject("inputSchema").put("description", "a \ud800 b");
        ArrayNode loneKey = JSON.arrayNode();
        loneKey.addObject().put("name", "t").putObject("annotations").put("x\udc00", "y");
        ArrayNode paired = JSON.arrayNode();
        paired.addObject().put("name", "t").put("description", "an emoji \ud83d\ude00 is a pair");

        assertThatThrownBy(() -> ScanInput.fromJson(lone))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("/0/inputSchema/description")
                .hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> ScanInput.fromJson(loneKey))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("/0/annotations/x");
        assertThat(ScanInput.fromJson(paired).tools()).hasSize(1);
    }
}
