package dev.vouch.scanner.intent;

/**
 * Which names a tool set may hold, answered without hashing the name: one bit for each (length, first
 * character, last character) of the names added. A name whose bit is clear was never added; one whose bit
 * is set may have been, and only a look-up in the set itself tells.
 *
 * <p>The token pass asks the tool set about every token that is not a plain word ("ID", "JSON",
 * "project_id", "(optional"), four hash look-ups each at most, and nearly all of them are no name of the
 * set: the hash of a fresh string and the probes were a tenth of the pass.
 */
final class NameSieve {

    private static final int BITS = 4096;

    private final long[] bits = new long[BITS / 64];

    void add(String name) {
        int bit = bit(name);
        bits[bit >>> 6] |= 1L << bit;
    }

    /** False when {@code name} was never added; true when it may have been. */
    boolean mayHold(String name) {
        int bit = bit(name);
        return (bits[bit >>> 6] & (1L << bit)) != 0;
    }

    /**
     * As {@link #mayHold(String)} for the word {@code chars[start, end)} lower-cased, asked in place, before
     * any string is made of it: ASCII is lower-cased by its case bit, and a word holding any other character
     * may have been added (lower-casing beyond ASCII can change a word's length).
     */
    boolean mayHoldLowerCased(char[] chars, int start, int end) {
        if (end <= start) {
            return mayHold("");
        }
        for (int i = start; i < end; i++) {
            if (chars[i] >= 0x80) {
                return true;
            }
        }
        int bit = bit(end - start, asciiLower(chars[start]), asciiLower(chars[end - 1]));
        return (bits[bit >>> 6] & (1L << bit)) != 0;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
    }

    private static int bit(String name) {
        int length = name.length();
        return length == 0 ? 0 : bit(length, name.charAt(0), name.charAt(length - 1));
    }

    private static int bit(int length, char first, char last) {
        // Odd multipliers spread the three small numbers over the bits before the low ones are kept.
        int mixed = length * 0x9E3779B1 ^ first * 0x85EBCA6B ^ last * 0xC2B2AE35;
        return (mixed ^ mixed >>> 15) & (BITS - 1);
    }
}
