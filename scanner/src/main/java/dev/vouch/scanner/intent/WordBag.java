package dev.vouch.scanner.intent;

import dev.vouch.scanner.intent.IntentFeatures.Span;
import dev.vouch.scanner.intent.IntentFeatures.Text;
import dev.vouch.scanner.match.CharTables;
import java.util.Arrays;

/**
 * The words of a tool's prose, hashed into a fixed number of buckets: each word, and each pair of
 * neighbouring words, sets one input. The cues name what a sentence does; many attacks do harm that no
 * cue names ("declare half the actual weight", "say the note was archived"), and the words let the trees
 * learn it. Whether that generalises is measured the way the cues are, across writers the trees never
 * read: with the words, the out-of-fold recall of the hand-written sets rose from 0.83 to 0.89 at the same
 * share of hard negatives flagged.
 *
 * <p>The words of the sentences that instruct the agent are hashed once more, into inputs of their own
 * ({@code instruction-words}): "delete" in "Deletes a draft." describes the tool, in "then delete the
 * backup" it is asked of the agent, and the trees could tell the two apart only through a cue the word
 * happens to share. Over two seeds they cut the clean tools of the blind sets a-f flagged by 0.7 point
 * with their attacks flagged unchanged.
 *
 * <p>Words are read in the folded text, so a disguise does not hide them, and each input remembers where
 * its first word stood, so an explanation can show the word.
 */
final class WordBag {

    /**
     * How many inputs the words are hashed into. A power of two, as {@link #INSTRUCTION_BUCKETS} is:
     * {@link #bucket} takes the low bits. Collisions cost more than precision: a word of a language the
     * trees rarely saw weighs what the English word sharing its bucket weighs ("les deux" weighed as an
     * attack's word at 1,024). At 2,048 and 1,024 rather than 1,024 and 512, the blind sets' attacks flagged
     * and blocked rose under each of three seeds (by 0.7 and 0.8 point on average), their clean tools flagged
     * unchanged; at 4,096 and 2,048 the fit took twice as long and blocked more of Docker's tools in other
     * languages.
     */
    static final int BUCKETS = 2048;

    /** How many inputs the words of the sentences that instruct the agent are hashed into: far fewer words. */
    static final int INSTRUCTION_BUCKETS = 1024;

    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;
    private static final int PAIR_SEED = 0x9e3779b9;

    private WordBag() {}

    /** Sets the inputs of {@code field}'s words and word pairs, read in its folding, from {@code offset} on. */
    static void read(Text field, FoldedText folded, double[] values, Span[] spans, int offset) {
        read(field, folded, 0, folded.chars().length, values, spans, offset, BUCKETS, true);
    }

    /**
     * Sets the inputs, from {@code offset} on, of the words of one sentence that instructs the agent, the
     * folded chars {@code [from, to)}. Words alone, no pairs: the sentences are few and short, and their
     * pairs are mostly in the tool's own word pairs already.
     */
    static void readInstruction(
            Text field, FoldedText folded, int from, int to, double[] values, Span[] spans, int offset) {
        read(field, folded, from, to, values, spans, offset, INSTRUCTION_BUCKETS, false);
    }

    /**
     * Sets the inputs, from {@code offset} on, of the words of the folded chars {@code [from, to)} and, with
     * {@code pairs}, of each pair of neighbouring words, hashed into {@code buckets} inputs.
     */
    private static void read(
            Text field,
            FoldedText folded,
            int from,
            int to,
            double[] values,
            Span[] spans,
            int offset,
            int buckets,
            boolean pairs) {
        // Read by index from its chars: the folded text is UTF-16, whose charAt checks and switches coder per call.
        char[] f = folded.chars();
        int previous = 0;
        int previousStart = -1;
        boolean previousQuantifier = false;
        int i = from;
        while (i < to) {
            if (!isWordChar(f[i])) {
                i++;
                continue;
            }
            int start = i;
            int hash = FNV_OFFSET;
            while (i < to && (isWordChar(f[i]) || isElision(f, i, to))) {
                hash = (hash ^ f[i]) * FNV_PRIME;
                i++;
            }
            boolean quantifier = (QUANTIFIER_BITS >>> hash & 1) != 0 && Arrays.binarySearch(QUANTIFIERS, hash) >= 0;
            if (!quantifier) {
                set(values, spans, offset + bucket(hash, buckets), field, folded, start, i);
            }
            // The instruction words hold no pairs but a quantifier's: "every" alone is said of calls and of contacts.
            if (previousStart >= 0 && (pairs || previousQuantifier)) {
                set(
                        values,
                        spans,
                        offset + bucket(previous * 31 + hash + PAIR_SEED, buckets),
                        field,
                        folded,
                        previousStart,
                        i);
            }
            previousQuantifier = quantifier;
            previous = hash;
            previousStart = start;
        }
    }

    /**
     * The bucket, of {@code buckets}, of a word's (or a pair's) hash: its unsigned remainder, which for a
     * power of two is its low bits. {@code Integer.remainderUnsigned} divided, twice a word.
     */
    private static int bucket(int hash, int buckets) {
        return mix(hash) & (buckets - 1);
    }

    /** The lexicon's word characters, and the underscore: {@code send_email} is one word here. */
    private static boolean isWordChar(char c) {
        // Every character of every text is tested: ASCII, nearly all of them, is looked up.
        return c < 0x80 ? ASCII_WORD[c] : dev.vouch.scanner.match.KeywordAutomaton.isWordChar(c);
    }

    /**
     * Whether the apostrophe at {@code i}, inside a word, goes on with it: "user's", "don't" and
     * "l'utilisateur" are one word each, so a possessive's "s" is neither an input of its own nor the word an
     * explanation names.
     */
    private static boolean isElision(char[] f, int i, int to) {
        return (f[i] == '\'' || f[i] == '\u2019') && i + 1 < to && isWordChar(f[i + 1]);
    }

    /**
     * Quantifiers are read only with the word they quantify: "every" alone weighed as an attack's word, since
     * attacks say "before every call", and flagged "resets every option" and "targets every contact in the
     * profile". A quantifier sets no input of its own; the pair it opens does, in both bags.
     */
    private static final int[] QUANTIFIERS = sortedHashes(
            "every", "each", "all", "any", "jede", "jeder", "jedes", "jeden", "alle", "cada", "chaque", "tous",
            "toutes", "ogni", "tutti", "tutte", "todos", "todas");

    /**
     * One bit for each quantifier's hash modulo 64 (a long's shift takes its low six bits): most words' bits are not
     * set, and they are spared the binary search, a tenth of the word bag's time.
     */
    private static final long QUANTIFIER_BITS =
            Arrays.stream(QUANTIFIERS).mapToLong(hash -> 1L << hash).reduce(0, (a, b) -> a | b);

    /** The words' hashes as {@link #read} hashes a word, sorted for a binary search (no boxing per word). */
    private static int[] sortedHashes(String... words) {
        int[] hashes = new int[words.length];
        for (int w = 0; w < words.length; w++) {
            int hash = FNV_OFFSET;
            for (int i = 0; i < words[w].length(); i++) {
                hash = (hash ^ words[w].charAt(i)) * FNV_PRIME;
            }
            hashes[w] = hash;
        }
        Arrays.sort(hashes);
        return hashes;
    }

    private static final boolean[] ASCII_WORD = CharTables.ascii(c -> Character.isLetterOrDigit(c) || c == '_');

    /** Murmur3's finaliser: every bit of the hash moves the bucket. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /**
     * Sets an input and, the first time, its span; either array may be null, to be left as it is (only the
     * word bag sets these inputs, so an input is set exactly when its span is).
     */
    private static void set(
            double[] values, Span[] spans, int index, Text field, FoldedText folded, int start, int end) {
        if (values != null) {
            values[index] = 1;
        }
        if (spans != null && spans[index] == null) {
            int[] original = folded.originalSpan(start, end);
            spans[index] = new Span(field.pointer(), original[0], original[1], field.text(), -1, -1, null);
        }
    }
}
