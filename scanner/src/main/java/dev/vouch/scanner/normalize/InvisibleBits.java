package dev.vouch.scanner.normalize;

/**
 * Text written as bits in invisible characters: one stands for 0, another for 1, seven or eight of them a
 * character, and where there is a third it parts the words ("sneaky bits" write U+2062 and U+2064 and part
 * words with U+200B; zero-width steganography writes U+200B and U+200C). A reader sees nothing, and an agent
 * told how, or a later decoder, reads the text. A run is decoded only if every group of it comes out as
 * printable ASCII that reads as words, whichever character is 1 and whatever the width.
 */
final class InvisibleBits {

    /** The shortest run decoded: two characters of seven bits. Shorter runs are read one character at a time. */
    static final int MIN_RUN = 14;

    /** The fewest characters a decoding keeps: fewer make no instruction. */
    private static final int MIN_CHARS = 4;

    private static final int[] WIDTHS = {8, 7};

    private InvisibleBits() {}

    /**
     * The text the invisible characters {@code [from, to)} of {@code s} spell, or null where they spell none.
     * Linear in the run's length: four readings of it at most.
     */
    static String decode(String s, int from, int to) {
        char[] distinct = new char[3];
        int[] counts = new int[3];
        int kinds = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int k = 0;
            while (k < kinds && distinct[k] != c) {
                k++;
            }
            if (k == kinds) {
                if (kinds == distinct.length) {
                    return null;
                }
                distinct[kinds++] = c;
            }
            counts[k]++;
        }
        if (kinds < 2) {
            return null;
        }
        // The two most frequent are the bits, the third (if any) the word break.
        int separatorIndex = kinds == 3 ? rarest(counts) : -1;
        char separator = separatorIndex >= 0 ? distinct[separatorIndex] : 0;
        char first = 0;
        char second = 0;
        for (int k = 0; k < kinds; k++) {
            if (k != separatorIndex) {
                if (first == 0) {
                    first = distinct[k];
                } else {
                    second = distinct[k];
                }
            }
        }
        for (int width : WIDTHS) {
            for (char one : new char[] {second, first}) {
                String text = read(s, from, to, width, one, separator);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static int rarest(int[] counts) {
        int rarest = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] < counts[rarest]) {
                rarest = k;
            }
        }
        return rarest;
    }

    /** The run read with {@code one} as the 1 bit, or null if a group is not whole characters of printable ASCII. */
    private static String read(String s, int from, int to, int width, char one, char separator) {
        StringBuilder out = new StringBuilder((to - from) / width + 1);
        int letters = 0;
        int value = 0;
        int bits = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == separator) {
                if (bits != 0) {
                    return null;
                }
                out.append(' ');
                continue;
            }
            value = value << 1 | (c == one ? 1 : 0);
            if (++bits == width) {
                if (value < 0x20 && value != '\n' || value > 0x7E) {
                    return null;
                }
                letters += Character.isLetter(value) ? 1 : 0;
                out.append((char) value);
                value = 0;
                bits = 0;
            }
        }
        String text = out.toString().trim();
        boolean words = bits == 0 && text.length() >= MIN_CHARS && letters * 2 >= text.length();
        return words ? text : null;
    }
}
