package dev.vouch.scanner.match;

import java.util.function.IntPredicate;

/**
 * A question about a character answered by one array read: the scanner's loops ask it of every character
 * of every text, where a method call, a type look-up or a search of a string per character showed in
 * profiles. ASCII as a {@code boolean[]}, the rest of the Basic Multilingual Plane as one bit a char.
 */
public final class CharTables {

    private static final int ASCII = 0x80;
    private static final int PLANE = 0x10000;

    private CharTables() {}

    /** For each ASCII character, whether {@code holds} is true of it. */
    public static boolean[] ascii(IntPredicate holds) {
        boolean[] table = new boolean[ASCII];
        for (char c = 0; c < ASCII; c++) {
            table[c] = holds.test(c);
        }
        return table;
    }

    /** For each character beyond ASCII, whether {@code holds} is true of it, as bits read by {@link #has}. */
    public static long[] wide(IntPredicate holds) {
        long[] bits = new long[PLANE / 64];
        for (int c = ASCII; c < PLANE; c++) {
            if (holds.test(c)) {
                bits[c >>> 6] |= 1L << c;
            }
        }
        return bits;
    }

    /** Whether {@code c} is among the characters of {@code bits}. */
    public static boolean has(long[] bits, char c) {
        return (bits[c >>> 6] & (1L << c)) != 0;
    }

    /**
     * {@link Character#isLetter(char)} by one read: folding, sentence bounds and the token pass ask it of
     * the characters beyond ASCII of every text ("é", but also "—", "’", "→"), where its type look-up showed.
     */
    public static boolean isLetter(char c) {
        return c < ASCII ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : has(WIDE_LETTERS, c);
    }

    /** An ASCII letter, either case: the letters word lists, ciphers and leetspeak are written in. */
    public static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** {@link Character#isLetterOrDigit(char)} by one read, as {@link #isLetter}. */
    public static boolean isLetterOrDigit(char c) {
        return c < ASCII ? ASCII_LETTERS_OR_DIGITS[c] : has(WIDE_LETTERS_OR_DIGITS, c);
    }

    private static final long[] WIDE_LETTERS = wide(Character::isLetter);
    private static final long[] WIDE_LETTERS_OR_DIGITS = wide(Character::isLetterOrDigit);
    private static final boolean[] ASCII_LETTERS_OR_DIGITS = ascii(Character::isLetterOrDigit);

    /** Morse's dot, as {@link #morseSymbol} answers it. */
    public static final int MORSE_DOT = 0;
    /** Morse's dash, as {@link #morseSymbol} answers it. */
    public static final int MORSE_DASH = 1;

    /**
     * {@link #MORSE_DOT} or {@link #MORSE_DASH} for a character Morse is written in, -1 for any other: dots
     * as {@code .}, {@code ·} or {@code •}; dashes as {@code -}, {@code _}, {@code −}, {@code –} or {@code —}.
     * The normaliser keeps the gaps between Morse's words and the decoder reads its letters by this one
     * alphabet.
     */
    public static int morseSymbol(char c) {
        return switch (c) {
            case '.', '\u00B7', '\u2022' -> MORSE_DOT;
            case '-', '_', '\u2212', '\u2013', '\u2014' -> MORSE_DASH;
            default -> -1;
        };
    }
}
