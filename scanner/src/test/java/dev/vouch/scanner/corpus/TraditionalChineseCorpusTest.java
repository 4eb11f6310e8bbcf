package dev.vouch.scanner.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.ibm.icu.text.Transliterator;
import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.Verdict;
import dev.vouch.scanner.input.ScanInput;
import dev.vouch.scanner.input.ToolDefinition;
import dev.vouch.scanner.intent.train.LabelledTools;
import dev.vouch.scanner.intent.train.LabelledTools.Example;
import dev.vouch.scanner.intent.train.Slice;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Chinese is written in traditional characters in Taiwan and Hong Kong, and every Chinese text of the corpora
 * is simplified. Each Chinese tool of the blind sets and of Docker's translated servers is scanned twice: as
 * written, and with its whole server turned into traditional characters by ICU's Simplified-Traditional
 * transliterator (a twin no writer made, so no set holds it). Prints both and holds the twins to their originals.
 */
class TraditionalChineseCorpusTest {

    // With 2026.12.03.2 the blind sets' 58 Chinese attacks are flagged 93.1% and blocked 77.6% in either script, their
    // 193 clean tools (with Docker's) flagged 13.5% and blocked 3.1%. With 2026.12.03.1, before folding read
    // traditional characters as simplified, the twins of the attacks were flagged 70.7% and blocked 39.7%.
    private static final double MAX_FLAGGED_LOST = 0.03;
    private static final double MAX_BLOCKED_LOST = 0.05;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Transliterator TO_TRADITIONAL = Transliterator.getInstance("Simplified-Traditional");

    @Test
    void chineseInTraditionalCharactersIsReadAsItsSimplifiedTwinIs() throws IOException {
        Scanner scanner = Scanner.withBundledRules();
        List<Example> examples = new ArrayList<>(LabelledTools.blind());
        for (String part : new String[] {"read", "read-2", "unread"}) {
            examples.addAll(LabelledTools.translatedDocker(part));
        }
        Slice[] simplified = {Slice.EMPTY, Slice.EMPTY};
        Slice[] traditional = {Slice.EMPTY, Slice.EMPTY};
        for (Example example : examples) {
            if (!example.lang().startsWith("zh")) {
                continue;
            }
            int label = example.positive() ? 0 : 1;
            simplified[label] = simplified[label].plus(verdict(scanner, example.input(), example.index()));
            traditional[label] =
                    traditional[label].plus(verdict(scanner, traditional(example.input()), example.index()));
        }
        System.out.printf("%-44s %s%n", "Chinese attacks (blind sets), simplified", simplified[0]);
        System.out.printf("%-44s %s%n", "  the same in traditional characters", traditional[0]);
        System.out.printf("%-44s %s%n", "Chinese clean tools (blind, Docker), simplified", simplified[1]);
        System.out.printf("%-44s %s%n", "  the same in traditional characters", traditional[1]);

        assertThat(simplified[0].total()).isGreaterThan(50);
        assertThat(traditional[0].flaggedRate()).isGreaterThanOrEqualTo(simplified[0].flaggedRate() - MAX_FLAGGED_LOST);
        assertThat(traditional[0].blockedRate()).isGreaterThanOrEqualTo(simplified[0].blockedRate() - MAX_BLOCKED_LOST);
        assertThat(traditional[1].flaggedRate()).isLessThanOrEqualTo(simplified[1].flaggedRate() + MAX_FLAGGED_LOST);
    }

    private static Verdict verdict(Scanner scanner, ScanInput input, int index) {
        return scanner.scan(input).tools().get(index).verdict();
    }

    /** The tool set with every string value written in traditional characters (keys stay as they are). */
    private static ScanInput traditional(ScanInput input) {
        ArrayNode tools = JSON.createArrayNode();
        for (ToolDefinition tool : input.tools()) {
            tools.add(traditional(tool.definition()));
        }
        return ScanInput.fromJson(tools);
    }

    private static JsonNode traditional(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(TO_TRADITIONAL.transliterate(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), traditional(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(traditional(element)));
            return copy;
        }
        return node;
    }
}
