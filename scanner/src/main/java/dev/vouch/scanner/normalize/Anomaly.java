package dev.vouch.scanner.normalize;

/** Something in a text a reader cannot see: what kind, and a visible rendering of it. */
public record Anomaly(Kind kind, String shown) {

    public enum Kind {
        /** Zero-width characters between visible ones. */
        ZERO_WIDTH,
        /** Bidirectional controls, which reorder what a reader sees. */
        BIDI_CONTROL,
        /** Unicode tag characters (U+E0000–U+E007F), which smuggle invisible ASCII. */
        TAG_CHARACTERS,
        /** Runs of zero-width characters that spell text in bits, one character for 0 and another for 1. */
        INVISIBLE_BITS,
        /** Long runs of zero-width characters that spell nothing the normaliser can read. */
        INVISIBLE_RUN,
        /** Variation selectors beyond emoji use, which can encode hidden bytes. */
        VARIATION_SELECTORS,
        /** Terminal escape sequences (ANSI CSI, OSC) and other control characters. */
        TERMINAL_ESCAPE,
        /** Escape sequences written out as text ({@code \x1b[}, {@code \u202e}) for a later decoder. */
        ESCAPED_SEQUENCE,
        /** Long runs of blank space that push text out of view. */
        WHITESPACE_PADDING
    }
}
