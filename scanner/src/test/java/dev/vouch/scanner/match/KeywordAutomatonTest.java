package dev.vouch.scanner.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class KeywordAutomatonTest {

    /** Few letters, so keywords overlap, nest and share suffixes; some beyond ASCII, and a vowel sign (a mark). */
    private static final String ALPHABET = "abcab c-ÉéжЖ的ik\u093F";

    @Test
    void wordCharactersAreLettersDigitsAndVowelSignsInEveryScript() {
        for (int c = 0; c < 0x10000; c++) {
            int type = Character.getType((char) c);
            boolean word = Character.isLetterOrDigit((char) c)
                    || c >= 0x80 && (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK);
            assertThat(KeywordAutomaton.isWordChar((char) c)).as("U+%04X", c).isEqualTo(word);
        }
    }

    @Test
    void reportsTheHitsOfTheDoubleArrayAutomatonInTheSameOrder() {
        Random random = new Random(20261129);
        for (int round = 0; round < 300; round++) {
            Map<String, Integer> keywords = new TreeMap<>();
            int count = 1 + random.nextInt(30);
            while (keywords.size() < count) {
                keywords.put(word(random, 1 + random.nextInt(5)), keywords.size());
            }
            AhoCorasickDoubleArrayTrie<Integer> reference = new AhoCorasickDoubleArrayTrie<>();
            reference.build(keywords);
            KeywordAutomaton<Integer> automaton = new KeywordAutomaton<>(keywords, false);
            String text = word(random, random.nextInt(200));

            assertThat(hits(automaton, text)).isEqualTo(referenceHits(reference, text));
        }
    }

    @Test
    void aWordStartAutomatonReportsTheReferencesHitsThatBeginAWordOrMayBeAnywhere() {
        Random random = new Random(20261130);
        for (int round = 0; round < 500; round++) {
            Map<String, Integer> keywords = new TreeMap<>();
            int count = 1 + random.nextInt(30);
            while (keywords.size() < count) {
                keywords.put(word(random, 1 + random.nextInt(6)), keywords.size());
            }
            AhoCorasickDoubleArrayTrie<Integer> reference = new AhoCorasickDoubleArrayTrie<>();
            reference.build(keywords);
            // Odd values match inside words too.
            KeywordAutomaton<Integer> automaton = KeywordAutomaton.atWordStarts(keywords, value -> value % 2 == 1);
            String text = word(random, random.nextInt(200));

            assertThat(hits(automaton, text))
                    .isEqualTo(referenceHitsAtWordStarts(reference, text, value -> value % 2 == 1));
        }
    }

    @Test
    void aWordStartAutomatonReportsKeywordsThatEndInCharactersOfNoWord() {
        // Punctuation in and beyond ASCII, ending keywords and standing between words.
        String alphabet = "ab .-—…é";
        Random random = new Random(20261201);
        for (int round = 0; round < 500; round++) {
            Map<String, Integer> keywords = new TreeMap<>();
            int count = 1 + random.nextInt(20);
            while (keywords.size() < count) {
                keywords.put(word(random, alphabet, 1 + random.nextInt(5)), keywords.size());
            }
            AhoCorasickDoubleArrayTrie<Integer> reference = new AhoCorasickDoubleArrayTrie<>();
            reference.build(keywords);
            KeywordAutomaton<Integer> automaton = KeywordAutomaton.atWordStarts(keywords, value -> value % 3 == 0);
            String text = word(random, alphabet, random.nextInt(200));

            assertThat(hits(automaton, text))
                    .isEqualTo(referenceHitsAtWordStarts(reference, text, value -> value % 3 == 0));
        }
    }

    @Test
    void aWordStartAutomatonWithStatesBeyondTheCharRangeFindsWhatTheReferenceFindsAtWordStarts() {
        Random random = new Random(1130);
        Map<String, Integer> keywords = new TreeMap<>();
        while (keywords.size() < 16_000) {
            keywords.put(word(random, 8), keywords.size());
        }
        AhoCorasickDoubleArrayTrie<Integer> reference = new AhoCorasickDoubleArrayTrie<>();
        reference.build(keywords);
        KeywordAutomaton<Integer> automaton = KeywordAutomaton.atWordStarts(keywords, value -> value % 5 == 0);
        assertThat(automaton.states()).isGreaterThan(0x10000);

        for (int round = 0; round < 50; round++) {
            String text = word(random, random.nextInt(400));
            assertThat(hits(automaton, text))
                    .isEqualTo(referenceHitsAtWordStarts(reference, text, value -> value % 5 == 0));
        }
    }

    @Test
    void statesBeyondTheCharRangeOnPathsBeyondAsciiNeedNoFarTransition() {
        Random random = new Random(48_283);
        Map<String, Integer> keywords = new TreeMap<>();
        while (keywords.size() < 12_000) {
            keywords.put(word(random, "abcdefghij ", 8), keywords.size());
            keywords.put(word(random, "абвгдежзий ", 8), keywords.size());
        }
        AhoCorasickDoubleArrayTrie<Integer> reference = new AhoCorasickDoubleArrayTrie<>();
        reference.build(keywords);
        KeywordAutomaton<Integer> automaton = KeywordAutomaton.atWordStarts(keywords, value -> value % 5 == 0);
        assertThat(automaton.states()).isGreaterThan(0x10000);
        // The states beyond the char range are those of paths beyond ASCII, numbered last: they keep compact
        // rows, with targets of 24 bits, so no cell of the full rows is a far one, at any depth of full rows.
        KeywordAutomaton<Integer> allFullRows =
                KeywordAutomaton.withDenseLevels(keywords, false, value -> value % 5 == 0, Integer.MAX_VALUE);
        assertThat(automaton.readsFarTargets()).isFalse();
        assertThat(allFullRows.readsFarTargets()).isFalse();
        assertThat(allFullRows.denseStates()).isLessThan(0x10000);

        for (int round = 0; round < 50; round++) {
            String text = word(random, "abcdefghij ", random.nextInt(300))
                    + word(random, "абвгдежзий ", 100)
                    + word(random, "abcdefghij ", random.nextInt(300));
            List<String> expected = referenceHitsAtWordStarts(reference, text, value -> value % 5 == 0);
            assertThat(hits(automaton, text)).isEqualTo(expected);
            assertThat(hits(allFullRows, text)).isEqualTo(expected);
        }
    }

    @Test
    void aCaselessAutomatonFindsWhatTheReferenceFindsInTheLowerCasedText() {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            Map<String, Integer> keywords = new TreeMap<>();
            int count = 1 + random.nextInt(30);
            while (keywords.size() < count) {
                keywords.put(lowerCase(word(random, 1 + random.nextInt(5))), keywords.size());
            }
            AhoCorasickDoubleArrayTrie<Integer> reference = new AhoCorasickDoubleArrayTrie<>();
            reference.build(keywords);
            KeywordAutomaton<Integer> automaton = new KeywordAutomaton<>(keywords, true);
            String text = word(random, random.nextInt(200)).toUpperCase(java.util.Locale.ROOT)
                    + word(random, random.nextInt(50))
                    + "\u0130\u212A";

            assertThat(hits(automaton, text)).isEqualTo(referenceHits(reference, lowerCase(text)));
        }
    }

    @Test
    void anAutomatonWithStatesBeyondTheCharRangeFindsWhatTheReferenceFinds() {
        Random random = new Random(65536);
        Map<String, Integer> keywords = new TreeMap<>();
        while (keywords.size() < 16_000) {
            keywords.put(lowerCase(word(random, 8)), keywords.size());
        }
        AhoCorasickDoubleArrayTrie<Integer> reference = new AhoCorasickDoubleArrayTrie<>();
        reference.build(keywords);
        KeywordAutomaton<Integer> automaton = new KeywordAutomaton<>(keywords, true);
        assertThat(automaton.states()).isGreaterThan(0x10000);

        for (int round = 0; round < 50; round++) {
            String text = word(random, random.nextInt(400)).toUpperCase(java.util.Locale.ROOT) + "\u0130\u212A";
            assertThat(hits(automaton, text)).isEqualTo(referenceHits(reference, lowerCase(text)));
        }
    }

    @Test
    void fullRowsBeyondTheCharRangeFindWhatTheReferenceFinds() {
        // Over 65,536 states of ASCII paths, every one with a full row: some rows' targets are far ones.
        Random random = new Random(1201);
        Map<String, Integer> keywords = new TreeMap<>();
        while (keywords.size() < 14_000) {
            keywords.put(word(random, "abcdefghij -", 8), keywords.size());
        }
        AhoCorasickDoubleArrayTrie<Integer> reference = new AhoCorasickDoubleArrayTrie<>();
        reference.build(keywords);
        for (boolean atWordStarts : new boolean[] {false, true}) {
            KeywordAutomaton<Integer> automaton = KeywordAutomaton.withDenseLevels(
                    keywords, false, atWordStarts ? value -> value % 5 == 0 : null, Integer.MAX_VALUE);
            assertThat(automaton.denseStates()).isEqualTo(automaton.states());
            assertThat(automaton.readsFarTargets()).isTrue();

            for (int round = 0; round < 30; round++) {
                String text = word(random, "abcdefghij -", random.nextInt(400));
                assertThat(hits(automaton, text))
                        .isEqualTo(referenceHitsAtWordStarts(
                                reference, text, atWordStarts ? value -> value % 5 == 0 : value -> true));
            }
        }
    }

    /**
     * Keywords with long paths of one child each, paths that branch deep down and keywords that are suffixes of
     * others, so that deep states' rows differ from their failure states' in one cell, in several, or in none.
     */
    private static Map<String, Integer> deepAndBranchingKeywords(Random random, String alphabet) {
        Map<String, Integer> keywords = new TreeMap<>();
        int count = 5 + random.nextInt(40);
        while (keywords.size() < count) {
            String stem = word(random, alphabet, 1 + random.nextInt(12));
            keywords.putIfAbsent(stem, keywords.size());
            int branches = random.nextInt(4);
            for (int b = 0; b < branches; b++) {
                keywords.putIfAbsent(stem + word(random, alphabet, 1 + random.nextInt(6)), keywords.size());
            }
            if (stem.length() > 2) {
                keywords.putIfAbsent(stem.substring(1 + random.nextInt(stem.length() - 1)), keywords.size());
            }
        }
        return keywords;
    }

    /**
     * Every occurrence by brute force: by end, and for one end in the reverse of the order the keywords' map
     * iterates in, as the automaton reports them.
     */
    private static List<String> bruteForceHits(Map<String, Integer> keywords, String text, IntPredicate anywhere) {
        List<String> hits = new ArrayList<>();
        List<Map.Entry<String, Integer>> reversed = new ArrayList<>(keywords.entrySet());
        java.util.Collections.reverse(reversed);
        for (int end = 1; end <= text.length(); end++) {
            for (Map.Entry<String, Integer> keyword : reversed) {
                int begin = end - keyword.getKey().length();
                if (begin >= 0
                        && text.startsWith(keyword.getKey(), begin)
                        && (begin == 0
                                || anywhere.test(keyword.getValue())
                                || !KeywordAutomaton.isWordChar(text.charAt(begin - 1)))) {
                    hits.add(begin + "-" + end + ":" + keyword.getValue());
                }
            }
        }
        return hits;
    }

    /** The texts to search: random ones, and ones made of the keywords themselves, so that deep states are met. */
    private static String textOf(Random random, Map<String, Integer> keywords, String alphabet) {
        List<String> list = new ArrayList<>(keywords.keySet());
        StringBuilder text = new StringBuilder();
        while (text.length() < 300) {
            text.append(
                    random.nextBoolean()
                            ? list.get(random.nextInt(list.size()))
                            : word(random, alphabet, random.nextInt(4)));
        }
        return text.toString();
    }

    @Test
    void anyNumberOfLevelsWithFullRowsFindsWhatABruteForceSearchFinds() {
        String alphabet = "ab c-é的";
        Random random = new Random(20261201);
        for (int round = 0; round < 300; round++) {
            Map<String, Integer> keywords = deepAndBranchingKeywords(random, alphabet);
            String text = textOf(random, keywords, alphabet);
            List<String> expected = bruteForceHits(keywords, text, value -> true);
            for (int levels : new int[] {0, 1, 2, 3, 50}) {
                KeywordAutomaton<Integer> automaton = KeywordAutomaton.withDenseLevels(keywords, false, null, levels);

                assertThat(hits(automaton, text)).as("%d levels", levels).isEqualTo(expected);
            }
        }
    }

    @Test
    void anyNumberOfLevelsWithFullRowsFindsAtWordStartsWhatABruteForceSearchFinds() {
        String alphabet = "ab c-.é—的";
        Random random = new Random(1201);
        for (int round = 0; round < 300; round++) {
            Map<String, Integer> keywords = deepAndBranchingKeywords(random, alphabet);
            String text = textOf(random, keywords, alphabet);
            List<String> expected = bruteForceHits(keywords, text, value -> value % 3 == 0);
            for (int levels : new int[] {0, 1, 2, 3, 50}) {
                KeywordAutomaton<Integer> automaton =
                        KeywordAutomaton.withDenseLevels(keywords, false, value -> value % 3 == 0, levels);

                assertThat(hits(automaton, text)).as("%d levels", levels).isEqualTo(expected);
            }
        }
    }

    @Test
    void anyNumberOfLevelsWithFullRowsFindsCaselessWhatABruteForceSearchFindsInTheLowerCasedText() {
        String alphabet = "abAB c-éÉ";
        Random random = new Random(112);
        for (int round = 0; round < 300; round++) {
            Map<String, Integer> keywords = new TreeMap<>();
            deepAndBranchingKeywords(random, alphabet)
                    .keySet()
                    .forEach(keyword -> keywords.putIfAbsent(lowerCase(keyword), keywords.size()));
            String text = textOf(random, keywords, alphabet).toUpperCase(java.util.Locale.ROOT) + "\u0130\u212A";
            List<String> expected = bruteForceHits(keywords, lowerCase(text), value -> true);
            for (int levels : new int[] {0, 1, 2, 3, 50}) {
                KeywordAutomaton<Integer> automaton = KeywordAutomaton.withDenseLevels(keywords, true, null, levels);

                assertThat(hits(automaton, text)).as("%d levels", levels).isEqualTo(expected);
            }
        }
    }

    /** The reference's hits in {@code text}, as "begin-end:value". */
    private static List<String> referenceHits(AhoCorasickDoubleArrayTrie<Integer> reference, String text) {
        return referenceHitsAtWordStarts(reference, text, value -> true);
    }

    /** The reference's hits that begin a word, or whose value {@code anywhere} lets match inside one. */
    private static List<String> referenceHitsAtWordStarts(
            AhoCorasickDoubleArrayTrie<Integer> reference, String text, IntPredicate anywhere) {
        List<String> hits = new ArrayList<>();
        reference.parseText(text, (begin, end, value) -> {
            if (begin == 0 || anywhere.test(value) || !KeywordAutomaton.isWordChar(text.charAt(begin - 1))) {
                hits.add(begin + "-" + end + ":" + value);
            }
        });
        return hits;
    }

    private static List<String> hits(KeywordAutomaton<Integer> automaton, String text) {
        List<String> hits = new ArrayList<>();
        automaton.parse(text, (begin, end, value) -> hits.add(begin + "-" + end + ":" + value));
        return hits;
    }

    /** Lower case char by char, as the rule pack reads texts. */
    private static String lowerCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(Character.toLowerCase(text.charAt(i)));
        }
        return out.toString();
    }

    @Test
    void aCaselessAutomatonReadsTheTextLowerCased() {
        KeywordAutomaton<String> automaton =
                new KeywordAutomaton<>(new TreeMap<>(Map.of("ignore", "i", "жук", "ж")), true);
        List<String> hits = new ArrayList<>();

        automaton.parse(
                "IGNORE all, Ignore ЖУК, \u0130GNORE",
                (begin, end, value) -> hits.add(begin + "-" + end + ":" + value));

        assertThat(hits).containsExactly("0-6:i", "12-18:i", "19-22:ж", "24-30:i");
    }

    @Test
    void refusesAnEmptyKeyword() {
        assertThatThrownBy(() -> new KeywordAutomaton<>(Map.of("", 1), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String word(Random random, int length) {
        return word(random, ALPHABET, length);
    }

    private static String word(Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
