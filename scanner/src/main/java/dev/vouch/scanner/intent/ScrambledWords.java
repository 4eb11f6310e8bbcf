package dev.vouch.scanner.intent;

import java.util.List;
import java.util.SplittableRandom;

/**
 * English words whose inner letters are shuffled, the first and last kept ("Ignroe all prveious
 * isntructions"): a reader, and a model, reads them as the words they were, and a matcher of words reads
 * nothing. Each word of the list ({@link WordBreaks}) of four letters or more is found by its first and last
 * letters, its length and the letters between, in any order. A word of the list is never read as another:
 * where two words share those ("form" and "from", "trial" and "trail"), neither is restored, and a word
 * keyed to itself is as written.
 */
final class ScrambledWords {

    /** The shortest word whose inner letters can be shuffled into another order. */
    static final int SHORTEST = 4;

    private static final long[] LETTER_KEYS = letterKeys();
    private static final Table TABLE = Table.load();

    private ScrambledWords() {}

    /** What {@link #reading} finds a word to be. */
    enum Reading {
        /**
         * A word of the list as written, a shuffle of two words of the list at once ("form", "from"), or a word too
         * short or too long to tell.
         */
        LISTED,
        /** A word of the list with its inner letters shuffled. */
        SCRAMBLED,
        /** No word of the list in any order: a name, a term the list lacks, another language. */
        UNKNOWN
    }

    /** What {@code text[from, to)}, ASCII letters, is: a word of the list, one shuffled, or neither. */
    static Reading reading(char[] text, int from, int to) {
        if (to - from < SHORTEST || to - from > WordBreaks.LONGEST_WORD) {
            return Reading.LISTED;
        }
        long spelling = WordBreaks.hashOf(text, from, to);
        // Most words are words of the list as written: a small filter answers them without the table.
        if (TABLE.mayBeListed(spelling)) {
            return Reading.LISTED;
        }
        return switch (TABLE.find(slotOf(text, from, to), spelling)) {
            case Table.ABSENT -> Reading.UNKNOWN;
            case Table.OTHER_SPELLING -> Reading.SCRAMBLED;
            default -> Reading.LISTED;
        };
    }

    /** Each word of the list of two or three letters, by {@link #shortCode}: 4 KB. */
    private static final long[] SHORT_LISTED_BITS = shortListedBits();

    /**
     * Whether {@code text[from, to)}, ASCII letters in any case, shorter than {@link #SHORTEST}, is a word of the list;
     * true for a single letter, which no reading takes apart.
     */
    static boolean isShortListed(char[] text, int from, int to) {
        if (to - from < 2) {
            return true;
        }
        int code = shortCode(text[from], text[from + 1], to - from == 3 ? text[from + 2] : '`');
        return (SHORT_LISTED_BITS[code >>> 6] & 1L << code) != 0;
    }

    /** Every pair and triple of letters asked of the list, so the table answers as {@link WordBreaks#isListed} does. */
    private static long[] shortListedBits() {
        long[] bits = new long[1 << 9];
        for (char first = 'a'; first <= 'z'; first++) {
            for (char second = 'a'; second <= 'z'; second++) {
                // '`' stands for no third letter, as in shortCode.
                for (char third = '`'; third <= 'z'; third++) {
                    char[] word = third == '`' ? new char[] {first, second} : new char[] {first, second, third};
                    if (WordBreaks.isListed(word, 0, word.length, '\0')) {
                        int code = shortCode(first, second, third);
                        bits[code >>> 6] |= 1L << code;
                    }
                }
            }
        }
        return bits;
    }

    /** The word of the list {@code text[from, to)} is a shuffle of, lower case; null where there is none. */
    static String restored(char[] text, int from, int to) {
        if (reading(text, from, to) != Reading.SCRAMBLED) {
            return null;
        }
        return TABLE.words[slotOf(text, from, to)];
    }

    /** The table's slot for the key of {@code text[from, to)}. */
    private static int slotOf(char[] text, int from, int to) {
        int length = to - from;
        long inner = 0;
        for (int i = from + 1; i < to - 1; i++) {
            inner += LETTER_KEYS[(text[i] | 0x20) - 'a'];
        }
        return TABLE.slotOf(key(text[from] | 0x20, text[to - 1] | 0x20, length, inner));
    }

    /**
     * Short English words a shuffle leaves as they are ("the", "to", "you"), and which other languages written in
     * Latin letters seldom write alone; "in", "on", "no", "me", "a" are words of theirs too.
     */
    private static final List<String> ENGLISH_SHORT_WORDS = List.of(
            "the", "to", "of", "and", "or", "is", "are", "it", "you", "for", "not", "its", "was", "can", "but", "any",
            "all", "if", "be", "by", "at", "we", "our", "has", "had", "how", "who", "why", "his", "her", "she", "he");

    /** Two or three letters, each five bits, a bit each: 4 KB. */
    private static final long[] SHORT_WORD_BITS = shortWordBits();

    /** Whether {@code text[from, to)}, two or three ASCII letters in any case, is an English short word. */
    static boolean isEnglishShortWord(char[] text, int from, int to) {
        int length = to - from;
        if (length < 2 || length > 3) {
            return false;
        }
        int code = shortCode(text[from], text[from + 1], length == 3 ? text[from + 2] : '`');
        return (SHORT_WORD_BITS[code >>> 6] & 1L << code) != 0;
    }

    private static int shortCode(char first, char second, char third) {
        return ((first | 0x20) - '`') << 10 | ((second | 0x20) - '`') << 5 | ((third | 0x20) - '`');
    }

    private static long[] shortWordBits() {
        long[] bits = new long[1 << 9];
        for (String word : ENGLISH_SHORT_WORDS) {
            if (word.length() <= 3) {
                int code = shortCode(word.charAt(0), word.charAt(1), word.length() == 3 ? word.charAt(2) : '`');
                bits[code >>> 6] |= 1L << code;
            }
        }
        return bits;
    }

    private static long key(int first, int last, int length, long inner) {
        long key = inner + (first * 31L + last) * 0x9E3779B97F4A7C15L + length * 0xC2B2AE3D27D4EB4FL;
        // 0 marks an empty slot.
        return key == 0 ? 1 : key;
    }

    /** A random key for each letter: the inner letters' sum is the same in any order. */
    private static long[] letterKeys() {
        SplittableRandom random = new SplittableRandom(0x5C4A3B1EL);
        long[] keys = new long[26];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextLong();
        }
        return keys;
    }

    /** The list's words by key, open-addressed: a key and the spelling of its one word side by side. */
    private static final class Table {
        /** For each slot, its key and then the spelling's hash; a key shared by two words has spelling 0. */
        private final long[] slots;

        private final String[] words;
        private final int mask;
        /**
         * A Bloom filter of the words' spellings, two bits a word, 64 KB: it stays in the cache where the table,
         * two megabytes, does not. A word it takes for listed and is not goes unread (one in twenty).
         */
        private final long[] listed = new long[1 << 13];

        private Table(int capacity) {
            int size = Integer.highestOneBit(capacity * 2 - 1) << 1;
            slots = new long[size * 2];
            words = new String[size];
            mask = size - 1;
        }

        boolean mayBeListed(long spelling) {
            int first = (int) spelling >>> 13;
            int second = (int) (spelling >>> 32) >>> 13;
            return (listed[first >>> 6] & 1L << first) != 0 && (listed[second >>> 6] & 1L << second) != 0;
        }

        private void markListed(long spelling) {
            int first = (int) spelling >>> 13;
            int second = (int) (spelling >>> 32) >>> 13;
            listed[first >>> 6] |= 1L << first;
            listed[second >>> 6] |= 1L << second;
        }

        static final int ABSENT = 0;
        static final int SAME_SPELLING = 1;
        static final int OTHER_SPELLING = 2;
        static final int TWO_WORDS = 3;

        /** Whether slot {@code slot} holds a key, and whether its one word is spelled {@code spelling}. */
        int find(int slot, long spelling) {
            long known = slots[2 * slot + 1];
            if (slots[2 * slot] == 0) {
                return ABSENT;
            }
            return known == 0 ? TWO_WORDS : known == spelling ? SAME_SPELLING : OTHER_SPELLING;
        }

        private int slotOf(long key) {
            int slot = (int) (key ^ (key >>> 29)) & mask;
            while (slots[2 * slot] != 0 && slots[2 * slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void put(String word) {
            char[] letters = word.toCharArray();
            for (char c : letters) {
                if (c < 'a' || c > 'z') {
                    return;
                }
            }
            long inner = 0;
            for (int i = 1; i < letters.length - 1; i++) {
                inner += LETTER_KEYS[letters[i] - 'a'];
            }
            long spelling = WordBreaks.hashOf(letters, 0, letters.length);
            markListed(spelling);
            long key = key(letters[0], letters[letters.length - 1], letters.length, inner);
            int slot = slotOf(key);
            if (slots[2 * slot] == 0) {
                slots[2 * slot] = key;
                slots[2 * slot + 1] = spelling;
                words[slot] = word;
            } else if (slots[2 * slot + 1] != spelling) {
                slots[2 * slot + 1] = 0;
                words[slot] = null;
            }
        }

        static Table load() {
            List<String> list = WordBreaks.wordList();
            Table table = new Table(list.size());
            for (String word : list) {
                if (word.length() >= SHORTEST && word.length() <= WordBreaks.LONGEST_WORD) {
                    table.put(word);
                }
            }
            return table;
        }
    }
}
