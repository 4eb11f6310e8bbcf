package dev.vouch.scanner.match;

import java.util.function.IntPredicate;

/**
 * A question about a character answered for ASCII by one array read: the scanner's loops ask it of every
 * character of every text, where a method call or a search of a string per character showed in profiles.
 */
public final class AsciiTable {

    private AsciiTable() {}

    /** For each ASCII character, whether {@code holds} is true of it. */
    public static boolean[] of(IntPredicate holds) {
        boolean[] table = new boolean[0x80];
        for (char c = 0; c < 0x80; c++) {
            table[c] = holds.test(c);
        }
        return table;
    }
}
