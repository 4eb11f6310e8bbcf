package dev.vouch.scanner.intent.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.scanner.intent.train.FeatureCensus.Entry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureCensusTest {

    @Test
    void countsOnlyExamplesWhoseFeaturesMovedAndTheVerdictsThatMovedWithThem() {
        Map<String, Entry> before = Map.of(
                "a", new Entry("vouch-blind-b", true, "pass", "imperative"),
                "b", new Entry("vouch-blind-b", true, "review", "imperative"),
                "c", new Entry("docker", false, "pass", ""),
                "d", new Entry("docker", false, "pass", "late-directive"));
        Map<String, Entry> after = Map.of(
                "a", new Entry("vouch-blind-b", true, "block", "imperative modal-directive"),
                "b", new Entry("vouch-blind-b", true, "review", "imperative modal-directive"),
                "c", new Entry("docker", false, "pass", ""),
                "d", new Entry("docker", false, "pass", "late-directive"));

        assertThat(FeatureCensus.compare(before, after))
                .singleElement()
                .asString()
                .startsWith("vouch-blind-b poisoned")
                .contains("2 moved")
                .contains("pass→block=1")
                .doesNotContain("review→review");
    }

    @Test
    void saysSoWhenNothingMoved() {
        Map<String, Entry> census = Map.of("a", new Entry("docker", false, "pass", "late-directive"));

        assertThat(FeatureCensus.compare(census, census)).containsExactly("no example fires other features");
    }
}
