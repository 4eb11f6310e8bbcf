package dev.vouch.scanner.intent;

/**
 * Text written upside down ("sᴉɥʇ ʇnoqɐ ɹǝsn ǝɥʇ llǝʇ ʇou op"): each letter turned by a lookalike, and the
 * text reversed so it reads right when the screen is turned. A model reads it back; a matcher of words reads
 * nothing. Read back here by reversing it and turning each character again.
 */
final class FlippedText {

    /** Turned letters no ordinary text writes: "ɐ", "ǝ", "ɥ", "ᴉ", "ɹ", "ʇ", "ʌ", "ʍ", "ʎ", "ɯ", "ʞ", "ɟ", "ƃ", "ɔ". */
    private static final String TURNED_ONLY = "ɐǝɥᴉɹʇʌʍʎɯʞɟƃɔ∀Ǝ⅄";

    private static final String TURNED = "ɐqɔpǝɟƃɥᴉıɾʞlɯuodbɹsʇnʌʍxʎz∀ƆƎℲ⅁ſ˥WԀ┴∩Λ⅄M˙¿¡‾',()[]{}<>";
    private static final String UPRIGHT = "abcdefghiijklmnopqrstuvwxyzACEFGJLMPTUVYW.?!_,')(][}{><";

    /** The fewest distinct turned-only letters that make a text upside down, not phonetics. */
    private static final int TURNED_LETTERS_NEEDED = 4;

    private FlippedText() {}

    /** Whether {@code text} is written upside down: four distinct turned letters or more. */
    static boolean isFlipped(String text) {
        // "ǝ", the turned e, stands in nearly every English text written upside down; a Latin-1 string
        // (most texts) answers the search without reading a character.
        if (text.indexOf('ǝ') < 0) {
            return false;
        }
        int seen = 0;
        for (int i = 0; i < text.length(); i++) {
            int at = TURNED_ONLY.indexOf(text.charAt(i));
            if (at >= 0) {
                seen |= 1 << at;
            }
        }
        return Integer.bitCount(seen) >= TURNED_LETTERS_NEEDED;
    }

    /** {@code text} reversed and turned upright: each turned character becomes the one it was made from. */
    static String upright(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1))) {
                out.append(text.charAt(i - 1)).append(c);
                i--;
                continue;
            }
            int at = TURNED.indexOf(c);
            out.append(at >= 0 ? UPRIGHT.charAt(at) : c);
        }
        return out.toString();
    }
}
