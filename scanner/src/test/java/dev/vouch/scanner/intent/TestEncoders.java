package dev.vouch.scanner.intent;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Encodings written for the tests, apart from the decoders they test. */
public final class TestEncoders {

    /** The phonetic alphabet's words for a to z, as ICAO spells them. */
    public static final List<String> PHONETIC = List.of(
            "Alfa",
            "Bravo",
            "Charlie",
            "Delta",
            "Echo",
            "Foxtrot",
            "Golf",
            "Hotel",
            "India",
            "Juliett",
            "Kilo",
            "Lima",
            "Mike",
            "November",
            "Oscar",
            "Papa",
            "Quebec",
            "Romeo",
            "Sierra",
            "Tango",
            "Uniform",
            "Victor",
            "Whiskey",
            "X-ray",
            "Yankee",
            "Zulu");

    private TestEncoders() {}

    /** Ascii85 as btoa writes it: each four bytes five digits of base 85 from '!', a last short group cut. */
    public static String ascii85(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length; i += 4) {
            int n = Math.min(4, bytes.length - i);
            long value = 0;
            for (int k = 0; k < 4; k++) {
                value = value << 8 | (k < n ? bytes[i + k] & 0xFF : 0);
            }
            char[] digits = new char[5];
            for (int k = 4; k >= 0; k--) {
                digits[k] = (char) ('!' + value % 85);
                value /= 85;
            }
            out.append(digits, 0, n + 1);
        }
        return out.toString();
    }

    /**
     * uuencode's lines of up to 45 bytes, each ended by a line break: a length character, then four characters of six
     * bits for each three bytes, '`' for zero bits.
     */
    public static String uuencode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (int line = 0; line < bytes.length; line += 45) {
            int n = Math.min(45, bytes.length - line);
            out.append((char) (' ' + n));
            for (int i = line; i < line + n; i += 3) {
                int group = 0;
                for (int k = 0; k < 3; k++) {
                    group = group << 8 | (i + k < line + n ? bytes[i + k] & 0xFF : 0);
                }
                for (int shift = 18; shift >= 0; shift -= 6) {
                    int six = group >> shift & 0x3F;
                    out.append(six == 0 ? '`' : (char) (' ' + six));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }
}
