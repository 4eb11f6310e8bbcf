package dev.vouch.scanner.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.scanner.normalize.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OpeningWordsTest {

    private static final RulePack PACK = RulePack.bundled();

    @Test
    void theWordsAreTheLiteralOpeningsOfEachAlternativeShortOfAQuantifiedLetter() {
        OpeningWords words = OpeningWords.of("(Include|sends?|exfiltrat\\w*|polic(y|ies))\\s+secrets");

        assertThat(words).isNotNull();
        String text = "we EXFILTRATE, then send; include it";
        assertThat(words.next(text, 0, text.length())).isEqualTo(3);
        assertThat(words.next(text, 4, text.length())).isEqualTo(20);
        assertThat(words.next(text, 21, text.length())).isEqualTo(26);
        assertThat(words.next(text, 27, text.length())).isEqualTo(-1);
        assertThat(words.next(text, 26, 32)).isEqualTo(-1);
    }

    @Test
    void aPatternWhoseMatchesNeedNotOpenWithAWordHasNone() {
        assertThat(OpeningWords.of("\\b(send|post)\\s+x")).isNull();
        assertThat(OpeningWords.of("(send|post)?\\s+x")).isNull();
        assertThat(OpeningWords.of("(send|post)\\s+x|curl")).isNull();
        assertThat(OpeningWords.of("(send|\\w+)\\s+x")).isNull();
        assertThat(OpeningWords.of("(s?end|post)\\s+x")).isNull();
        assertThat(OpeningWords.of("(?:send|post)\\s+x")).isNull();
        assertThat(OpeningWords.of("((send|post)|mail)\\s+x")).isNull();
    }

    @Test
    void lettersBeyondAsciiThatFoldOntoTheWordsAreTakenAsPlacesToTry() {
        OpeningWords words = OpeningWords.of("(send|keep)\\s+x");

        assertThat(words.next("\u017Fend x", 0, 6)).isEqualTo(0);
        assertThat(words.next("\u212Aeep x", 0, 6)).isEqualTo(0);
    }

    @Test
    void everyPatternRunAtItsOpeningWordsFindsWhatASearchOfTheWholeTextFinds() {
        List<String> texts = new ArrayList<>();
        for (Rule rule : PACK.rules()) {
            texts.addAll(rule.positiveExamples());
            texts.addAll(rule.negativeExamples());
        }
        List<String> disguised = new ArrayList<>();
        for (String text : texts) {
            disguised.add(text.toUpperCase(java.util.Locale.ROOT));
            disguised.add(text.replace('s', '\u017F').replace('k', '\u212A'));
            disguised.add("Note: " + text + " Then " + text);
        }
        texts.addAll(disguised);
        int compared = 0;
        for (Rule rule : PACK.rules()) {
            Rule searching = withoutOpeningWords(rule);
            if (searching == null) {
                continue;
            }
            for (String example : texts) {
                String text = Normalizer.normalize(example).text();
                List<List<int[]>> whole = wholeText(rule, text);
                Optional<int[]> anchored = rule.match(text, whole);
                Optional<int[]> searched = searching.match(text, whole);
                assertThat(anchored.map(Arrays::toString))
                        .as("%s on %s", rule.id(), text)
                        .isEqualTo(searched.map(Arrays::toString));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    private static List<List<int[]>> wholeText(Rule rule, String text) {
        return Stream.generate(() -> List.of(new int[] {0, text.length()}))
                .limit(rule.patterns().size())
                .toList();
    }

    /** The same rule searching with RE2/J alone, or null when none of its patterns has opening words. */
    private static Rule withoutOpeningWords(Rule rule) {
        if (rule.patterns().stream().allMatch(pattern -> pattern.opening() == null)) {
            return null;
        }
        List<RulePattern> searching = rule.patterns().stream()
                .map(pattern -> new RulePattern(pattern.regex(), pattern.keywords(), null))
                .toList();
        return new Rule(
                rule.id(),
                rule.family(),
                rule.severity(),
                rule.description(),
                rule.keywords(),
                rule.alsoKeywords(),
                searching,
                rule.requires(),
                rule.window(),
                rule.unless(),
                rule.unlessWindow(),
                rule.fields(),
                rule.positiveExamples(),
                rule.negativeExamples());
    }
}
