package dev.vouch.scanner.intent;

import dev.vouch.scanner.match.CharTables;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Where the spaces go in English written without them: "ignoretheusersrequest", "IgnoreTheUsersRequest",
 * and "I g n o r e t h e u s e r s r e q u e s t" spaced out with one space throughout, which reads back
 * as the first. A model reads such text as easily as with its spaces; a matcher of words and phrases reads
 * nothing in it until the words are found again.
 *
 * <p>The words are SCOWL's English lists by frequency tier (see {@code words/README.md}), loaded the first
 * time a long run of letters is read; the commoner a word, the less it costs, and a letter read as no
 * word costs more than any word. The cheapest reading is found by dynamic programming, linear in the
 * length of the run (a word is {@value #LONGEST_WORD} letters at most). A reading is kept only when it
 * reads as English: few letters left over, and at least two of the short words every sentence has ("the",
 * "and", "to"). Names, digests and other languages run together do not.
 */
final class WordBreaks {

    /** The longest word looked up; longer English words are rare and may be read as two. */
    static final int LONGEST_WORD = 24;
    /** The most letters judged at once: a longer run is read in pieces of this length. */
    static final int LONGEST_RUN = 4096;

    /** A letter read as part of no word costs more than the rarest word does. */
    private static final int LETTER_OF_NO_WORD = 30;

    /**
     * The fewest letters of a run read as words run together, in prose or in decoded Morse: shorter runs
     * are one word or a name, and English words this long are few and in the word list, read as one.
     */
    static final int MIN_RUN_TOGETHER = 16;

    /** The short words every English sentence has; at most 64, as a reading counts them in a long's bits. */
    private static final List<String> SHORT_WORDS = List.of(
            "the", "an", "to", "of", "and", "or", "in", "on", "at", "by", "for", "with", "from", "is", "are", "be",
            "this", "that", "it", "you", "your", "do", "not", "all", "any", "if", "then", "when", "before", "after",
            "must", "always", "never", "please", "instead", "about", "into", "than", "as", "its", "their", "our", "we",
            "me", "my", "no", "was", "will", "should", "can", "every", "each", "also", "but", "so", "only");

    private static final int SHORT_WORDS_NEEDED = 2;
    /** The fewest letters a piece of a reading has on average: "do not tell the user" has 3.2. */
    private static final int MIN_MEAN_PIECE = 3;

    private WordBreaks() {}

    /**
     * The offsets in {@code letters[from, to)}, lower-case ASCII letters, before which a space reads the
     * run as English words, in increasing order; null when it does not read as English. {@code loose}
     * says the letters were already disguised (spaced out, or in a text that runs its words together), so
     * fewer words and a few more letters read as no word (names and terms a short list lacks) will do than
     * for one run of letters, which may be a name.
     */
    static int[] of(char[] letters, int from, int to, boolean loose) {
        if (to - from <= LONGEST_RUN) {
            return ofPiece(letters, from, to, loose);
        }
        // A long run is read in pieces, each judged alone: letters that read as nothing before an
        // instruction do not hide it, and the work stays linear.
        int[] all = new int[64];
        int count = 0;
        boolean read = false;
        for (int start = from; start < to; start += LONGEST_RUN) {
            int[] breaks = ofPiece(letters, start, Math.min(to, start + LONGEST_RUN), loose);
            int needed = count + 1 + (breaks == null ? 0 : breaks.length);
            if (needed > all.length) {
                all = Arrays.copyOf(all, Math.max(needed, all.length * 2));
            }
            if (start > from) {
                all[count++] = start - from;
            }
            if (breaks != null) {
                read = true;
                for (int b : breaks) {
                    all[count++] = start - from + b;
                }
            }
        }
        return read ? Arrays.copyOf(all, count) : null;
    }

    /**
     * The breaks of {@code letters[from, to)}, lower-case ASCII letters a writer cut apart one by one ("e v e r y m e
     * s s a g e", "u. p. l. o. a. d. s. c. h. e. c. k. s"), where a space goes between words run together: as
     * {@link #of} reads them loosely, or else when every letter is in a word of the list and the words have four
     * letters or more on average. The disguise already says they are words, so two long words ("every message")
     * read without the short words a sentence has; a run that is one word has no breaks. Null when neither reads.
     */
    static int[] ofCutApart(char[] letters, int from, int to) {
        return ofDisguised(letters, from, to, MIN_MEAN_CUT_APART_WORD_TIMES_TWO);
    }

    /**
     * The breaks of {@code letters[from, to)}, a run of lower-case ASCII letters in a text that runs its words
     * together, as {@link #ofCutApart} gives them but with words of three and a half letters on average: such a text
     * runs its short words together too ("runshop_refund_order", "ittobucket").
     */
    static int[] ofRunTogether(char[] letters, int from, int to) {
        return ofDisguised(letters, from, to, MIN_MEAN_RUN_TOGETHER_WORD_TIMES_TWO);
    }

    private static int[] ofDisguised(char[] letters, int from, int to, int minMeanWordTimesTwo) {
        if (to - from > LONGEST_RUN) {
            return of(letters, from, to, true);
        }
        int[] wordStart = cheapestReading(letters, from, to);
        int[] read = readsAsEnglish(letters, from, to - from, wordStart, true);
        return read != null ? read : wholeWords(to - from, wordStart, minMeanWordTimesTwo);
    }

    /**
     * The breaks, as {@link #of} (or, for letters cut apart, {@link #ofCutApart}) gives them, of every run of
     * lower-case ASCII letters in {@code chars[from, to)} of {@code minRun} letters or more, read loosely, as
     * offsets from {@code from} in increasing order; null when no run reads as English. Other characters between
     * the runs stay as they are.
     */
    static int[] inRuns(char[] chars, int from, int to, int minRun, boolean cutApart) {
        int[] all = null;
        int count = 0;
        int i = from;
        while (i < to) {
            int run = i;
            while (run < to && chars[run] >= 'a' && chars[run] <= 'z') {
                run++;
            }
            int[] breaks = run - i < minRun ? null : cutApart ? ofCutApart(chars, i, run) : of(chars, i, run, true);
            if (breaks != null) {
                all = all == null ? new int[to - from] : all;
                for (int b : breaks) {
                    all[count++] = i - from + b;
                }
            }
            i = Math.max(run, i + 1);
        }
        return all == null ? null : Arrays.copyOf(all, count);
    }

    /**
     * How many of the text's words of two letters or more, each a run of ASCII letters, are words of the
     * list when read as written or, with {@code backwards}, last letter first: how much of a text reads as
     * English one way or the other.
     */
    static int listedWords(CharSequence text, boolean backwards) {
        Words words = Words.INSTANCE;
        int[] listed = {0};
        eachAsciiWord(text, (start, end) -> {
            if (end - start >= 2) {
                long hash = Words.SEED;
                for (int k = 0; k < end - start; k++) {
                    char c = text.charAt(backwards ? end - 1 - k : start + k);
                    hash = Words.step(hash, (char) (c | 0x20));
                }
                listed[0] += words.cost(hash) > 0 ? 1 : 0;
            }
        });
        return listed[0];
    }

    /**
     * Whether the ASCII letters of {@code text[from, to)}, in any case, read without each {@code skip} between them,
     * make a word of the list of two letters or more; false where any other character stands among them.
     */
    static boolean isListed(char[] text, int from, int to, char skip) {
        long hash = Words.SEED;
        int letters = 0;
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (c == skip) {
                continue;
            }
            if (!CharTables.isAsciiLetter(c)) {
                return false;
            }
            hash = Words.step(hash, (char) (c | 0x20));
            letters++;
        }
        return letters >= 2 && Words.INSTANCE.cost(hash) > 0;
    }

    /** Whether the ASCII letters of {@code text[from, to)} with an e after them make a word of the list ("remov"). */
    static boolean isListedWithE(char[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!CharTables.isAsciiLetter(text[i])) {
                return false;
            }
        }
        return to > from && Words.INSTANCE.cost(Words.step(hashOf(text, from, to), 'e')) > 0;
    }

    /**
     * The hash a word of the list is found by, of {@code text[from, to)}, ASCII letters in any case: the same for the
     * same letters whatever their case.
     */
    static long hashOf(char[] text, int from, int to) {
        long hash = Words.SEED;
        for (int i = from; i < to; i++) {
            hash = Words.step(hash, (char) (text[i] | 0x20));
        }
        return hash;
    }

    /** Whether {@code text[from, to)}, ASCII letters in any case, read last letter first is a word of the list. */
    static boolean isListedBackwards(char[] text, int from, int to) {
        long hash = Words.SEED;
        for (int i = to - 1; i >= from; i--) {
            hash = Words.step(hash, (char) (text[i] | 0x20));
        }
        return to - from >= 2 && Words.INSTANCE.cost(hash) > 0;
    }

    /** Whether {@code text[from, to)}, ASCII letters in any case, is one of the short words every sentence has. */
    static boolean isShortWord(char[] text, int from, int to) {
        return to - from <= 8 && Words.INSTANCE.shortWord(hashOf(text, from, to)) >= 0;
    }

    /** Hands {@code word} the bounds of each run of ASCII letters of {@code text}, in order. */
    static void eachAsciiWord(CharSequence text, WordBounds word) {
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && !CharTables.isAsciiLetter(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && CharTables.isAsciiLetter(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                word.at(start, i);
            }
        }
    }

    @FunctionalInterface
    interface WordBounds {
        void at(int start, int end);
    }

    /** {@code letters[0, count)} with a space before each offset of {@code breaks} (none if null). */
    static String withSpaces(char[] letters, int count, int[] breaks) {
        StringBuilder out = new StringBuilder(count + (breaks == null ? 0 : breaks.length));
        int next = 0;
        for (int i = 0; i < count; i++) {
            if (breaks != null && next < breaks.length && breaks[next] == i) {
                out.append(' ');
                next++;
            }
            out.append(letters[i]);
        }
        return out.toString();
    }

    private static int[] ofPiece(char[] letters, int from, int to, boolean loose) {
        return readsAsEnglish(letters, from, to - from, cheapestReading(letters, from, to), loose);
    }

    /**
     * The cheapest reading of {@code letters[from, to)} as words: for each end offset, where its word starts, or
     * {@code -1 - i} where the letter at {@code i} is read as no word.
     */
    private static int[] cheapestReading(char[] letters, int from, int to) {
        int length = to - from;
        Words words = Words.INSTANCE;
        int[] cost = new int[length + 1];
        int[] wordStart = new int[length + 1];
        Arrays.fill(cost, 1, length + 1, Integer.MAX_VALUE);
        for (int i = 0; i < length; i++) {
            if (cost[i] == Integer.MAX_VALUE) {
                continue;
            }
            // A letter read as no word starts no word: it is marked by a start of -1 - i.
            if (cost[i] + LETTER_OF_NO_WORD < cost[i + 1]) {
                cost[i + 1] = cost[i] + LETTER_OF_NO_WORD;
                wordStart[i + 1] = -1 - i;
            }
            long hash = Words.SEED;
            for (int j = i; j < Math.min(length, i + LONGEST_WORD); j++) {
                hash = Words.step(hash, letters[from + j]);
                int wordCost = words.cost(hash);
                if (wordCost > 0 && cost[i] + wordCost < cost[j + 1]) {
                    cost[j + 1] = cost[i] + wordCost;
                    wordStart[j + 1] = i;
                }
            }
        }
        return wordStart;
    }

    /** Twice the fewest letters a word of a reading of letters cut apart has on average ("returns a" has four). */
    private static final int MIN_MEAN_CUT_APART_WORD_TIMES_TWO = 8;

    /** Twice the fewest letters a word of a run in a text that runs its words together has on average ("run shop"). */
    private static final int MIN_MEAN_RUN_TOGETHER_WORD_TIMES_TWO = 7;

    /**
     * The breaks of the cheapest reading when every letter is in a word and the words have, on average, at least half
     * {@code minMeanWordTimesTwo} letters; else null.
     */
    private static int[] wholeWords(int length, int[] wordStart, int minMeanWordTimesTwo) {
        int[] breaks = new int[length];
        int count = 0;
        int end = length;
        while (end > 0) {
            int start = wordStart[end];
            if (start < 0) {
                return null;
            }
            if (end < length) {
                breaks[count++] = end;
            }
            end = start;
        }
        if (length * 2 < (count + 1) * minMeanWordTimesTwo) {
            return null;
        }
        int[] inOrder = new int[count];
        for (int k = 0; k < count; k++) {
            inOrder[k] = breaks[count - 1 - k];
        }
        return inOrder;
    }

    /** The breaks of the cheapest reading, when few of its letters are no word and short words are among them. */
    private static int[] readsAsEnglish(char[] letters, int from, int length, int[] wordStart, boolean loose) {
        int[] breaks = new int[length];
        int count = 0;
        int noWord = 0;
        int wordCount = 0;
        int pieces = 0;
        long shortWordsSeen = 0;
        boolean threeLetterShortWord = false;
        boolean previousWasNoWord = false;
        int end = length;
        // Read back from the end; the breaks are written from the last, and reversed once read.
        while (end > 0) {
            int start = wordStart[end];
            if (start < 0) {
                noWord++;
                // Letters of no word in a row are one piece: a space goes only where a word meets them.
                if (!previousWasNoWord) {
                    pieces++;
                    if (end < length) {
                        breaks[count++] = end;
                    }
                }
                previousWasNoWord = true;
                end = -1 - start;
                continue;
            }
            if (end < length) {
                breaks[count++] = end;
            }
            previousWasNoWord = false;
            wordCount++;
            pieces++;
            int shortWord = Words.INSTANCE.shortWord(letters, from + start, from + end);
            if (shortWord >= 0) {
                shortWordsSeen |= 1L << shortWord;
                threeLetterShortWord |= end - start >= 3;
            }
            end = start;
        }
        // "be hand lungs k on text", "organ is at ion": compounds of other languages read as English words
        // and two-letter ones; an English sentence has a longer short word ("the", "and", "you").
        // "linkToAllDocuments": a name joins a few words; a sentence run together is longer.
        // "a u then t if i cat ion": a word of another language falls apart into letters and short words,
        // where English run together reads as words of four or five letters on average.
        int allowedNoWord = loose ? length / 5 : length / 10;
        int wordsNeeded = loose ? 3 : 6;
        if (noWord > allowedNoWord
                || length < pieces * MIN_MEAN_PIECE
                || wordCount < wordsNeeded
                || Long.bitCount(shortWordsSeen) < SHORT_WORDS_NEEDED
                || !threeLetterShortWord) {
            return null;
        }
        int[] inOrder = new int[count];
        for (int k = 0; k < count; k++) {
            inOrder[k] = breaks[count - 1 - k];
        }
        return inOrder;
    }

    /**
     * The words and their costs, as an open-addressed table of 64-bit hashes: a word is looked up while its
     * letters are read, one step a letter, with nothing made for it.
     */
    private static final class Words {
        static final Words INSTANCE = load();
        static final long SEED = 0xcbf29ce484222325L;

        private final long[] keys;
        private final byte[] costs;
        private final byte[] shortWords;
        private final int mask;

        private Words(int capacity) {
            int size = Integer.highestOneBit(capacity * 2 - 1) << 1;
            keys = new long[size];
            costs = new byte[size];
            shortWords = new byte[size];
            mask = size - 1;
        }

        static long step(long hash, char c) {
            return (hash ^ c) * 0x100000001b3L;
        }

        /** The cost of the word whose letters hash to {@code hash}, or 0 when it is none. */
        int cost(long hash) {
            int slot = slotOf(hash);
            return keys[slot] == 0 ? 0 : costs[slot];
        }

        /** The index among {@link #SHORT_WORDS} of {@code letters[from, to)}, or -1. */
        int shortWord(char[] letters, int from, int to) {
            long hash = SEED;
            for (int i = from; i < to; i++) {
                hash = step(hash, letters[i]);
            }
            return shortWord(hash);
        }

        /** The index among {@link #SHORT_WORDS} of the word whose letters hash to {@code hash}, or -1. */
        int shortWord(long hash) {
            int slot = slotOf(hash);
            return keys[slot] == 0 ? -1 : shortWords[slot] - 1;
        }

        /** The slot holding {@code hash}, or the empty slot where it would go. */
        private int slotOf(long hash) {
            int slot = (int) (hash ^ (hash >>> 32)) & mask;
            while (keys[slot] != 0 && keys[slot] != hash) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void put(String word, int cost, int shortWord) {
            long hash = SEED;
            for (int i = 0; i < word.length(); i++) {
                hash = step(hash, word.charAt(i));
            }
            int slot = slotOf(hash);
            if (keys[slot] == 0) {
                keys[slot] = hash;
                costs[slot] = (byte) cost;
            }
            if (shortWord >= 0) {
                shortWords[slot] = (byte) (shortWord + 1);
            }
        }

        /** Tier costs: the commonest words cost least, so "the user" is read before "theus er". */
        private static int tierCost(String tier) {
            return switch (tier) {
                case "10" -> 10;
                case "20" -> 14;
                case "35", "technical" -> 18;
                case "40" -> 22;
                case "50" -> 26;
                default -> throw new IllegalStateException("english-words.txt: unknown tier " + tier);
            };
        }

        private static Words load() {
            List<String> lines = listLines();
            Words words = new Words(lines.size() + SHORT_WORDS.size());
            int cost = 0;
            for (String line : lines) {
                if (line.startsWith("@ ")) {
                    cost = tierCost(line.substring(2).trim());
                } else if (cost == 0) {
                    throw new IllegalStateException("english-words.txt: a word before any tier");
                } else {
                    words.put(line, cost, -1);
                }
            }
            for (int k = 0; k < SHORT_WORDS.size(); k++) {
                words.put(SHORT_WORDS.get(k), tierCost("10"), k);
            }
            return words;
        }
    }

    /** The words of the list, every tier, in the list's order. */
    static List<String> wordList() {
        return listLines().stream().filter(line -> !line.startsWith("@ ")).toList();
    }

    /** The words of the tiers named ({@code "10"}, {@code "20"}, ...), in the list's order. */
    static List<String> wordsOf(Set<String> tiers) {
        List<String> words = new ArrayList<>();
        String tier = null;
        for (String line : listLines()) {
            if (line.startsWith("@ ")) {
                tier = line.substring(2).trim();
            } else if (tiers.contains(tier)) {
                words.add(line);
            }
        }
        return words;
    }

    /** The list's lines that hold a word or open a tier ({@code "@ 10"}), trimmed. */
    private static List<String> listLines() {
        try (InputStream in = WordBreaks.class.getResourceAsStream("/dev/vouch/scanner/words/english-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("english-words.txt is missing from the scanner's resources");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(String::trim)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
