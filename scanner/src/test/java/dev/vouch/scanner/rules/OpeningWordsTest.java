package dev.vouch.scanner.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
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
    void theWordsAreTheLiteralOpeningsOfEachBranchShortOfAQuantifiedCharacter() {
        OpeningWords words = words("\\b(Include|sends?|exfiltrat\\w*|polic(y|ies))\\s+secrets|\\$\\(curl");

        String text = "we EXFILTRATE, then send; include it $(curl";
        assertThat(words.next(text, 0, 0, text.length())).isEqualTo(3);
        assertThat(words.next(text, 4, 0, text.length())).isEqualTo(20);
        assertThat(words.next(text, 21, 0, text.length())).isEqualTo(26);
        assertThat(words.next(text, 27, 0, text.length())).isEqualTo(37);
        assertThat(words.next(text, 26, 0, 32)).isEqualTo(-1);
    }

    @Test
    void aWordAfterABoundaryIsPassedOverInsideAWordButNotWhereTheWindowStarts() {
        OpeningWords words = words("\\b(send)\\s+x");

        assertThat(words.next("resend x; send x", 0, 0, 16)).isEqualTo(10);
        assertThat(words.next("resend x; send x", 2, 2, 16)).isEqualTo(2);
    }

    @Test
    void aPatternWithABranchThatMayOpenOtherwiseHasNone() {
        assertThat(words("(send|post)?\\s+x")).isNull();
        assertThat(words("(send|\\w+)\\s+x")).isNull();
        assertThat(words("(s?end|post)\\s+x")).isNull();
        assertThat(words("(?:send|post)\\s+x")).isNull();
        assertThat(words("((send|post)|mail)\\s+x")).isNull();
        assertThat(words("(send|post)\\s+x|\\d+")).isNull();
        assertThat(words("[a-z]+ send")).isNull();
    }

    @Test
    void lettersBeyondAsciiThatFoldOntoTheWordsAreTakenAsPlacesToTry() {
        OpeningWords words = words("(send|keep)\\s+x");

        assertThat(words.next("\u017Fend x", 0, 0, 6)).isEqualTo(0);
        assertThat(words.next("\u212Aeep x", 0, 0, 6)).isEqualTo(0);
    }

    @Test
    void aWordBeyondAsciiIsFoundInEachOfItsCaseForms() {
        OpeningWords words = words("(отключи|禁用|σβήσε)\\s+x");

        assertThat(words.next("ну, ОТКЛЮЧИ x", 0, 0, 13)).isEqualTo(4);
        assertThat(words.next("请禁用 x", 0, 0, 5)).isEqualTo(1);
        assertThat(words.next("ΣΒΉΣΕ x", 0, 0, 7)).isEqualTo(0);
        assertThat(words.next("禁止 x", 0, 0, 4)).isEqualTo(-1);
    }

    @Test
    void aBranchOpeningWithAnOptionalGroupOpensWithItsWordsOrWithWhatFollows() {
        OpeningWords words = words("(important\\s+)?side[- ]effects?\\s+on");

        assertThat(words.next("an important side effect on", 0, 0, 27)).isEqualTo(3);
        assertThat(words.next("a side effect on", 0, 0, 16)).isEqualTo(2);
        assertThat(words("(important\\s+)*side")).isNull();
        assertThat(words("(important\\s+)?\\bside")).isNull();
    }

    @Test
    void noCharacterRe2JMatchesCaselesslyWithALetterBeyondAsciiHasAnotherCaseKey() {
        // Every character beyond ASCII the rule pack's patterns hold, asked of RE2/J against every char: where
        // RE2/J's caseless match joins two, the opening search must try the one wherever the other stands, and
        // it tries a word's character beyond ASCII only against characters beyond ASCII.
        StringBuilder wide = new StringBuilder();
        PACK.rules().stream()
                .flatMap(rule -> rule.patterns().stream())
                .flatMapToInt(pattern -> pattern.regex().pattern().chars())
                .filter(c -> OpeningWords.isWideLiteral((char) c))
                .distinct()
                .forEach(c -> wide.append((char) c));
        assertThat(wide.length()).isGreaterThan(100);
        Pattern anyOfThem = Pattern.compile("[" + wide + "]", Pattern.CASE_INSENSITIVE);
        Pattern[] each = new Pattern[wide.length()];
        for (int i = 0; i < each.length; i++) {
            each[i] = Pattern.compile(Pattern.quote(String.valueOf(wide.charAt(i))), Pattern.CASE_INSENSITIVE);
        }
        int joined = 0;
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (Character.isSurrogate(c) || !anyOfThem.matches(String.valueOf(c))) {
                continue;
            }
            for (int i = 0; i < wide.length(); i++) {
                char w = wide.charAt(i);
                if (c != w && each[i].matches(String.valueOf(c))) {
                    // A word's character beyond ASCII is never tried against ASCII text.
                    assertThat((int) c).as("%s and %s", c, w).isGreaterThanOrEqualTo(0x80);
                    assertThat(OpeningWords.caseKey(c)).as("%s and %s", c, w).isEqualTo(OpeningWords.caseKey(w));
                    joined++;
                }
            }
        }
        assertThat(joined).isGreaterThan(50);
    }

    private static OpeningWords words(String source) {
        return OpeningWords.of(source, Pattern.compile(RulePack.nonCapturing(source), Pattern.CASE_INSENSITIVE));
    }

    @Test
    void aWindowMadeToRunEveryTryToItsEndIsSearchedOnceTheTriesHaveReadAFewTimesItsLength() {
        String source = "(send|exfiltrat\\w*)\\s+(the\\s+)?secrets";
        Pattern regex = Pattern.compile(RulePack.nonCapturing(source), Pattern.CASE_INSENSITIVE);
        String word = "exfiltrat".repeat(20_000);
        // The first word holds no match: its tries read it to its end from every place, and the budget runs out.
        String text = word + " and " + word + " the secrets, and " + word + " the secrets";

        WindowSearch search = words(source).search(text, 0, text.length());
        int[] first = search.next(0);
        int[] second = search.next(first[1]);

        Matcher searched = regex.matcher(text);
        assertThat(searched.find()).isTrue();
        assertThat(first).containsExactly(searched.start(), searched.end());
        assertThat(searched.find(first[1])).isTrue();
        assertThat(second).containsExactly(searched.start(), searched.end());
        assertThat(search.reads()).isGreaterThan(2L * text.length());
        assertThat(search.reads()).isLessThanOrEqualTo(6L * text.length() + 1_024);
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
                for (int[] window : windows(text)) {
                    List<List<int[]>> windows = sameWindow(rule, window);
                    Optional<int[]> anchored = rule.match(text, windows);
                    Optional<int[]> searched = searching.match(text, windows);
                    assertThat(anchored.map(Arrays::toString))
                            .as("%s on %s in %s", rule.id(), text, Arrays.toString(window))
                            .isEqualTo(searched.map(Arrays::toString));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    /** The whole text, and windows that start and end inside words, where the context differs. */
    private static List<int[]> windows(String text) {
        List<int[]> windows = new ArrayList<>();
        windows.add(new int[] {0, text.length()});
        for (int cut = 1; cut < Math.min(5, text.length()); cut++) {
            windows.add(new int[] {cut, text.length() - cut / 2});
        }
        return windows;
    }

    private static List<List<int[]>> sameWindow(Rule rule, int[] window) {
        return Stream.generate(() -> List.of(window))
                .limit(rule.patterns().size())
                .toList();
    }

    /** The same rule searching with RE2/J alone, or null when none of its patterns has opening words. */
    private static Rule withoutOpeningWords(Rule rule) {
        if (rule.patterns().stream().allMatch(pattern -> pattern.opening() == null)) {
            return null;
        }
        List<RulePattern> searching = rule.patterns().stream()
                .map(pattern -> new RulePattern(
                        pattern.regex(), pattern.keywords(), null, pattern.unlessAfter(), pattern.unlessWithin()))
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
                rule.unlessAfter(),
                rule.unlessWindow(),
                rule.fields(),
                rule.positiveExamples(),
                rule.negativeExamples());
    }
}
