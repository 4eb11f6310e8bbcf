package dev.vouch.scanner.intent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lexicon's English words written with one letter dropped, added or changed ({@code Ignre all previus
 * instructons}): a model reads through such slips as a person does, and a matcher of the words as written does not.
 * A word is read as one only where it is no English word at all and lies one letter from exactly one word of the
 * list ({@code lexicon-words.txt}: the words of five letters or more of the lexicon's English phrases, which
 * {@code MisspelledWordsTest} holds to the bundled lexicon). Whether a text is read so is the text's matter
 * ({@link FoldedText}): a slip here and there is left as written.
 */
final class MisspelledWords {

    /** The fewest letters of a word of the list; a word one letter shorter may be one of them with a letter dropped. */
    static final int SHORTEST = 5;
    /** The fewest letters of a word read with one letter changed: shorter ones change into too many words. */
    private static final int SHORTEST_CHANGED = 6;

    static final String RESOURCE = "/dev/vouch/scanner/words/lexicon-words.txt";

    private static final long BASE = 0x100000001B3L;
    private static final long[] POWERS = powers();
    /** The words of the list, by their own key. */
    private static final Table WORDS = new Table();
    /** Each word of the list with one letter dropped, by the key of what is left. */
    private static final Table DROPPED = new Table();
    /** Each word of the list with one letter dropped, by the key of what is left and where the letter stood. */
    private static final Table DROPPED_AT = new Table();

    static {
        for (String word : load()) {
            char[] letters = word.toCharArray();
            long[] prefixes = prefixes(letters, 0, letters.length);
            WORDS.put(key(prefixes[letters.length], letters.length), word);
            for (int p = 0; p < letters.length; p++) {
                long without = withoutLetter(prefixes, letters.length, p);
                DROPPED.put(key(without, letters.length - 1), word);
                DROPPED_AT.put(keyAt(without, letters.length - 1, p), word);
            }
        }
    }

    private MisspelledWords() {}

    /**
     * The word of the list that {@code text[from, to)} (ASCII letters, any case, no English word) is one letter
     * from, lower case; null where none is, or more than one.
     */
    static String restored(char[] text, int from, int to) {
        int length = to - from;
        if (length < SHORTEST - 1 || length > WordBreaks.LONGEST_WORD) {
            return null;
        }
        if (isCamelCase(text, from, to)) {
            return null;
        }
        long[] prefixes = prefixes(text, from, to);
        long whole = prefixes[length];
        if (WORDS.get(key(whole, length)) != null) {
            return null;
        }
        // A letter dropped: the text is a word of the list less one letter.
        String found = DROPPED.get(key(whole, length));
        if (found == Table.MANY) {
            return null;
        }
        for (int p = 0; p < length; p++) {
            long without = withoutLetter(prefixes, length, p);
            // A letter added (or doubled): the text less one letter is a word of the list. Not at the end, where
            // English adds its endings ("lookups", "timeouts") to words the list of English words lacks.
            found = agree(found, length > SHORTEST && p < length - 1 ? WORDS.get(key(without, length - 1)) : null);
            // A letter changed: the text and a word of the list are the same less the letter at one place.
            found = agree(found, length >= SHORTEST_CHANGED ? DROPPED_AT.get(keyAt(without, length - 1, p)) : null);
            if (found == Table.MANY) {
                return null;
            }
        }
        return found;
    }

    /** A capital after a small letter ("formatN", "getUser"): a name, not a slip; "IGNRE" is a slip shouted. */
    private static boolean isCamelCase(char[] text, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (text[i] >= 'A' && text[i] <= 'Z' && text[i - 1] >= 'a' && text[i - 1] <= 'z') {
                return true;
            }
        }
        return false;
    }

    /** One word where both readings name it or one names none; {@link Table#MANY} where they name two. */
    private static String agree(String found, String another) {
        if (another == null || another.equals(found)) {
            return found;
        }
        return found == null ? another : Table.MANY;
    }

    /** The key of each prefix of the letters, lower-cased: {@code prefixes[k]} is that of the first k. */
    private static long[] prefixes(char[] text, int from, int to) {
        long[] prefixes = new long[to - from + 1];
        for (int i = from; i < to; i++) {
            prefixes[i - from + 1] = prefixes[i - from] * BASE + ((text[i] | 0x20) - 'a' + 1);
        }
        return prefixes;
    }

    /** The key of the letters less the one at {@code p}, from their prefixes' keys: no copy of the letters made. */
    private static long withoutLetter(long[] prefixes, int length, int p) {
        long after = prefixes[length] - prefixes[p + 1] * POWERS[length - 1 - p];
        return prefixes[p] * POWERS[length - 1 - p] + after;
    }

    private static long key(long letters, int length) {
        long key = letters ^ (length * 0x9E3779B97F4A7C15L);
        return key == 0 ? 1 : key;
    }

    private static long keyAt(long letters, int length, int at) {
        long key = key(letters, length) + (at + 1) * 0xC2B2AE3D27D4EB4FL;
        return key == 0 ? 1 : key;
    }

    private static long[] powers() {
        long[] powers = new long[WordBreaks.LONGEST_WORD + 2];
        powers[0] = 1;
        for (int i = 1; i < powers.length; i++) {
            powers[i] = powers[i - 1] * BASE;
        }
        return powers;
    }

    static List<String> load() {
        List<String> words = new ArrayList<>();
        try (InputStream in = MisspelledWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** Words by key, open-addressed; a key two words share holds {@link #MANY}. */
    private static final class Table {
        static final String MANY = new String("(more than one word)");

        private long[] keys = new long[1 << 10];
        private String[] words = new String[1 << 10];
        private int size;

        String get(long key) {
            int mask = keys.length - 1;
            for (int slot = slot(key, mask); keys[slot] != 0; slot = (slot + 1) & mask) {
                if (keys[slot] == key) {
                    return words[slot];
                }
            }
            return null;
        }

        void put(long key, String word) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int slot = slot(key, mask);
            while (keys[slot] != 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            if (keys[slot] == 0) {
                keys[slot] = key;
                words[slot] = word;
                size++;
            } else if (!word.equals(words[slot])) {
                words[slot] = MANY;
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            String[] oldWords = words;
            keys = new long[oldKeys.length * 2];
            words = new String[oldWords.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    int slot = slot(oldKeys[i], mask);
                    while (keys[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    words[slot] = oldWords[i];
                }
            }
        }

        private static int slot(long key, int mask) {
            return (int) (key ^ (key >>> 31)) & mask;
        }
    }
}
