package dev.vouch.scanner.normalize;

/**
 * Letters drawn as symbols that Unicode's compatibility mappings (NFKC) leave alone, so that a matcher sees a
 * symbol where a language model reads a letter: regional indicators ("🇮🇬🇳🇴🇷🇪"), negative circled and
 * negative squared capitals ("🅘🅖🅝", "🅸🅶🅽") and the cells of six-dot Braille ("⠊⠛⠝⠕⠗⠑").
 */
final class Letterforms {

    private static final int REGIONAL_A = 0x1F1E6;
    private static final int NEGATIVE_CIRCLED_A = 0x1F150;
    private static final int NEGATIVE_SQUARED_A = 0x1F170;
    private static final int BRAILLE_BLANK = 0x2800;

    /**
     * The Braille cell of each letter a to z, as its dots (bit k for dot k + 1): the letters of grade 1 Braille,
     * which every Braille code of the Latin alphabet shares.
     */
    private static final int[] BRAILLE_DOTS_OF_LETTERS = {
        0x01, 0x03, 0x09, 0x19, 0x11, 0x0B, 0x1B, 0x13, 0x0A, 0x1A, 0x05, 0x07, 0x0D,
        0x1D, 0x15, 0x0F, 0x1F, 0x17, 0x0E, 0x1E, 0x25, 0x27, 0x3A, 0x2D, 0x3D, 0x35
    };

    /** The letter of each Braille cell of six dots, or 0. */
    private static final char[] BRAILLE_LETTERS = brailleLetters();

    private Letterforms() {}

    private static char[] brailleLetters() {
        char[] letters = new char[64];
        for (int letter = 0; letter < BRAILLE_DOTS_OF_LETTERS.length; letter++) {
            letters[BRAILLE_DOTS_OF_LETTERS[letter]] = (char) ('a' + letter);
        }
        letters[0] = ' ';
        return letters;
    }

    /** The letter (or, for a blank Braille cell, the space) that {@code cp} draws, or 0 if it draws none. */
    static char letterOf(int cp) {
        if (cp >= REGIONAL_A && cp < REGIONAL_A + 26) {
            // A flag is two of them: "🇫🇷" reads "FR".
            return (char) ('A' + cp - REGIONAL_A);
        }
        if (cp >= NEGATIVE_CIRCLED_A && cp < NEGATIVE_CIRCLED_A + 26) {
            return (char) ('A' + cp - NEGATIVE_CIRCLED_A);
        }
        if (cp >= NEGATIVE_SQUARED_A && cp < NEGATIVE_SQUARED_A + 26) {
            return (char) ('A' + cp - NEGATIVE_SQUARED_A);
        }
        if (cp >= BRAILLE_BLANK && cp < BRAILLE_BLANK + 64) {
            // Cells with dots 7 or 8 belong to eight-dot codes (computer Braille), which spell otherwise.
            return BRAILLE_LETTERS[cp - BRAILLE_BLANK];
        }
        return 0;
    }
}
