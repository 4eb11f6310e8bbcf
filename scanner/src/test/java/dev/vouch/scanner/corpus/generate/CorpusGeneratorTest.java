package dev.vouch.scanner.corpus.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.scanner.corpus.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed labelled corpus is exactly what the generator writes from the committed templates, and it
 * keeps the invariants the scanner's training and held-out measurement rely on.
 */
class CorpusGeneratorTest {

    private static final Set<String> POSITIVE_KINDS =
            Set.of("call-first", "cross-tool-trigger", "param-tamper", "exfiltration", "concealment-override");
    private static final Set<String> NEGATIVE_KINDS = Set.of("benign-precondition", "benign-plain", "benign-pushy");
    private static final Set<String> RISKS = Set.of(
            "information-manipulation",
            "privacy-leakage",
            "credential-leakage",
            "service-disruption",
            "data-tampering",
            "infrastructure-damage",
            "code-injection",
            "financial-loss",
            "message-hijacking",
            "instruction-tampering");
    private static final Set<String> STYLES = Set.of(
            "formal",
            "casual",
            "terse",
            "verbose",
            "arguments-section",
            "xml-tag",
            "markdown",
            "schema-property",
            "multilingual",
            "disguised");
    private static final Set<String> LANGS = Set.of("en", "de", "es", "fr", "it", "ru", "zh", "ja", "ko", "pt");

    private static Path corpus;
    private static List<JsonNode> records;

    @BeforeAll
    static void readCommittedCorpus() throws IOException {
        corpus = Corpora.root().resolve("vouch-labelled");
        records = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve(CorpusGenerator.LABELLED))) {
            records.add(Templates.JSON.readTree(line));
        }
    }

    @Test
    void regeneratingGivesTheCommittedFilesByteForByte(@TempDir Path out) throws IOException {
        List<ObjectNode> generated = new CorpusGenerator(corpus).generate();
        CorpusGenerator.write(generated, out);

        assertThat(Files.readAllBytes(out.resolve(CorpusGenerator.LABELLED)))
                .as("labelled.jsonl is stale: rerun CorpusGenerator (see the corpus README)")
                .isEqualTo(Files.readAllBytes(corpus.resolve(CorpusGenerator.LABELLED)));
        assertThat(Files.readAllBytes(out.resolve(CorpusGenerator.STATS)))
                .isEqualTo(Files.readAllBytes(corpus.resolve(CorpusGenerator.STATS)));
    }

    @Test
    void holdsAtLeastFifteenHundredPositivesAndNegatives() {
        long positives = records.stream()
                .filter(r -> r.get("label").asText().equals("positive"))
                .count();
        long negatives = records.stream()
                .filter(r -> r.get("label").asText().equals("negative"))
                .count();

        assertThat(positives).isGreaterThanOrEqualTo(1500);
        assertThat(negatives).isGreaterThanOrEqualTo(1500);
        assertThat(positives + negatives).isEqualTo(records.size());
    }

    @Test
    void everyFamilyLiesInExactlyOneSplit() {
        Map<String, Set<String>> splits = new HashMap<>();
        for (JsonNode r : records) {
            splits.computeIfAbsent(r.get("family").asText(), f -> new HashSet<>())
                    .add(r.get("split").asText());
        }
        assertThat(splits).allSatisfy((family, s) -> assertThat(s).as(family).hasSize(1));
        assertThat(splits.values().stream().flatMap(Set::stream)).containsOnly("train", "test");
    }

    @Test
    void everyKindStyleAndLanguageAppearsInBothSplits() {
        for (String split : List.of("train", "test")) {
            Set<String> kinds = new HashSet<>();
            Set<String> styles = new HashSet<>();
            Set<String> langs = new HashSet<>();
            for (JsonNode r : records) {
                if (r.get("split").asText().equals(split)) {
                    kinds.add(r.get("kind").asText());
                    styles.add(r.get("style").asText());
                    langs.add(r.get("lang").asText());
                }
            }
            assertThat(kinds).as(split).containsAll(POSITIVE_KINDS).containsAll(NEGATIVE_KINDS);
            assertThat(styles).as(split).containsAll(STYLES);
            assertThat(langs).as(split).containsAll(LANGS);
        }
    }

    @Test
    void idsAreUniqueAndFieldsTakeOnlyTheDocumentedValues() {
        Set<String> ids = new HashSet<>();
        for (JsonNode r : records) {
            String id = r.get("id").asText();
            assertThat(ids.add(id)).as("duplicate id " + id).isTrue();
            boolean positive = r.get("label").asText().equals("positive");
            assertThat(r.get("label").asText()).as(id).isIn("positive", "negative");
            assertThat(r.get("kind").asText()).as(id).isIn(positive ? POSITIVE_KINDS : NEGATIVE_KINDS);
            if (positive) {
                assertThat(r.get("risk").asText()).as(id).isIn(RISKS);
            } else {
                assertThat(r.get("risk").asText()).as(id).isEqualTo("none");
            }
            assertThat(r.get("style").asText()).as(id).isIn(STYLES);
            assertThat(r.get("lang").asText()).as(id).isIn(LANGS);
        }
    }

    @Test
    void everyToolNamesAServerOfServersJsonAndHasANameDescriptionAndSchema() throws IOException {
        JsonNode servers =
                Templates.JSON.readTree(corpus.resolve("servers.json").toFile());
        for (JsonNode r : records) {
            String id = r.get("id").asText();
            assertThat(servers.has(r.get("server").asText())).as(id).isTrue();
            JsonNode tool = r.get("tool");
            assertThat(tool.path("name").asText()).as(id).isNotBlank();
            assertThat(tool.path("description").asText()).as(id).isNotBlank();
            assertThat(tool.path("inputSchema").path("type").asText()).as(id).isEqualTo("object");
        }
    }

    @Test
    void serversHoldFourToTenToolsWithTypedDescribedArguments() throws IOException {
        JsonNode servers =
                Templates.JSON.readTree(corpus.resolve("servers.json").toFile());
        assertThat(servers.size()).isGreaterThanOrEqualTo(30);
        servers.fields().forEachRemaining(server -> {
            JsonNode tools = server.getValue().get("tools");
            assertThat(tools.size()).as(server.getKey()).isBetween(4, 10);
            tools.forEach(tool -> tool.path("inputSchema")
                    .path("properties")
                    .fields()
                    .forEachRemaining(p -> {
                        assertThat(p.getValue().path("type").asText())
                                .as(p.getKey())
                                .isNotBlank();
                        assertThat(p.getValue().path("description").asText())
                                .as(p.getKey())
                                .isNotBlank();
                    }));
        });
    }
}
