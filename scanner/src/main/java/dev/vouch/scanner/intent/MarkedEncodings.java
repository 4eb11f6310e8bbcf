package dev.vouch.scanner.intent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Binary-to-text encodings that mark themselves, which a language model decodes as readily as base64 and a
 * matcher reads as noise: quoted-printable ("=49=67=6E=6F"), Ascii85 between its delimiters ("&lt;~87cURD]i~&gt;")
 * and uuencode between its {@code begin 644 name} line and {@code end}. Each is decoded at its span where it
 * holds UTF-8 text; {@link EncodedSpans} keeps what is printable.
 */
final class MarkedEncodings {

    /** The fewest {@code =XX} escapes read as quoted-printable: "a=1F" or a colour written "=FF" is not. */
    private static final int MIN_QUOTED = 6;

    private static final int ASCII85_FIRST = '!';
    private static final int ASCII85_LAST = 'u';
    private static final int ASCII85_GROUP = 5;
    private static final int ASCII85_BASE = 85;

    /** uuencode's characters stand for six bits each, ' ' (and '`') for 0. */
    private static final int SIX_BITS = 0x3F;

    private MarkedEncodings() {}

    static void find(String text, List<EncodedSpans.Decoded> found) {
        if (text.indexOf('=') >= 0) {
            quotedPrintable(text, found);
        }
        // Each "~>" closes the "<~" nearest before it, so that a stray "<~" earlier ("a <~ b") hides nothing.
        int open = -1;
        for (int tilde = text.indexOf('~'); tilde >= 0; tilde = text.indexOf('~', tilde + 1)) {
            if (tilde > 0 && text.charAt(tilde - 1) == '<') {
                open = tilde - 1;
            } else if (open >= 0 && tilde + 1 < text.length() && text.charAt(tilde + 1) == '>') {
                EncodedSpans.add(found, open, tilde + 2, "ascii85", ascii85(text, open + 2, tilde));
                open = -1;
            }
        }
        int begin = text.indexOf("begin ");
        while (begin >= 0) {
            int next = uuencoded(text, begin, found);
            begin = text.indexOf("begin ", next);
        }
    }

    /**
     * The text read as quoted-printable where it holds {@link #MIN_QUOTED} escapes or more: each {@code =XX}
     * one byte, {@code =} at a line's end (or before the space the normaliser wrote for it) a soft break, every
     * other character itself; kept at the span from the word of the first escape to the word of the last.
     */
    private static void quotedPrintable(String text, List<EncodedSpans.Decoded> found) {
        int first = -1;
        int last = -1;
        int escapes = 0;
        for (int i = text.indexOf('='); i >= 0 && i + 2 < text.length(); i = text.indexOf('=', i + 1)) {
            if (isUpperHex(text.charAt(i + 1)) && isUpperHex(text.charAt(i + 2))) {
                first = first < 0 ? i : first;
                last = i + 3;
                escapes++;
            }
        }
        if (escapes < MIN_QUOTED) {
            return;
        }
        // The words the first and the last escape stand in, whole: "Before=20calling" reads "Before calling".
        while (first > 0 && !Character.isWhitespace(text.charAt(first - 1))) {
            first--;
        }
        while (last < text.length() && !Character.isWhitespace(text.charAt(last))) {
            last++;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(last - first);
        int i = first;
        while (i < last) {
            char c = text.charAt(i);
            if (c == '=' && i + 2 < text.length() && isUpperHex(text.charAt(i + 1)) && isUpperHex(text.charAt(i + 2))) {
                bytes.write(Character.digit(text.charAt(i + 1), 16) << 4 | Character.digit(text.charAt(i + 2), 16));
                i += 3;
            } else if (c == '=' && i + 1 < last && isBlank(text.charAt(i + 1))) {
                // A soft line break: "=" and the line's end, which the normaliser writes as a space.
                i += 2;
                i += i < last && text.charAt(i - 1) == '\r' && text.charAt(i) == '\n' ? 1 : 0;
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < last ? i + 2 : i + 1;
                bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        EncodedSpans.add(found, first, last, "quoted-printable", EncodedSpans.utf8(bytes.toByteArray()));
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\n' || c == '\r';
    }

    private static boolean isUpperHex(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'F';
    }

    /**
     * Ascii85 (btoa's and PostScript's, {@code z} for four zero bytes, blanks ignored) of {@code [from, to)}, as
     * UTF-8, or null where a character is none of its alphabet.
     */
    private static String ascii85(String text, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((to - from) * 4 / ASCII85_GROUP + 4);
        long value = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            if (c == 'z' && digits == 0) {
                bytes.writeBytes(new byte[4]);
                continue;
            }
            if (c < ASCII85_FIRST || c > ASCII85_LAST) {
                return null;
            }
            value = value * ASCII85_BASE + (c - ASCII85_FIRST);
            if (++digits == ASCII85_GROUP) {
                writeGroup(bytes, value, 4);
                value = 0;
                digits = 0;
            }
        }
        if (digits == 1) {
            return null;
        }
        if (digits > 1) {
            // A last group of n digits is padded with the alphabet's last character and gives n - 1 bytes.
            for (int pad = digits; pad < ASCII85_GROUP; pad++) {
                value = value * ASCII85_BASE + (ASCII85_LAST - ASCII85_FIRST);
            }
            writeGroup(bytes, value, digits - 1);
        }
        return EncodedSpans.utf8(bytes.toByteArray());
    }

    private static void writeGroup(ByteArrayOutputStream bytes, long value, int count) {
        for (int shift = 24, n = 0; n < count; shift -= 8, n++) {
            bytes.write((int) (value >>> shift) & 0xFF);
        }
    }

    /**
     * Decodes the uuencoded block whose {@code begin} line starts at {@code begin} (mode in octal digits and a
     * name) into {@code found} at the block's span, line by line until a line of no bytes or {@code end}; returns
     * where to look for the next block. Each line is its length character and as many characters as that many
     * bytes take, then a line break, which the normaliser may have made a space: a line is read by its length,
     * not up to the next break, since a space is one of uuencode's characters.
     */
    private static int uuencoded(String text, int begin, List<EncodedSpans.Decoded> found) {
        int after = begin + "begin ".length();
        int mode = after;
        while (mode < text.length() && text.charAt(mode) >= '0' && text.charAt(mode) <= '7') {
            mode++;
        }
        int nameEnd = mode + 1;
        while (nameEnd < text.length() && !Character.isWhitespace(text.charAt(nameEnd))) {
            nameEnd++;
        }
        boolean header = (begin == 0 || Character.isWhitespace(text.charAt(begin - 1)))
                && mode - after >= 3
                && mode - after <= 4
                && mode < text.length()
                && text.charAt(mode) == ' '
                && nameEnd > mode + 1
                && nameEnd < text.length();
        if (!header) {
            return after;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int line = nameEnd + 1;
        while (line < text.length()) {
            // A line's length is ' ' to '_' (0 to 63 bytes), or '`' (0): the "end" line's 'e' is none.
            char length = text.charAt(line);
            int count = (length - ' ') & SIX_BITS;
            if (length < ' ' || length > '`' || count == 0) {
                break;
            }
            int end = line + 1 + (count + 2) / 3 * 4;
            // Zero bits written as spaces at a line's end merge with the line break the normaliser made a space:
            // such a line is read up to two characters short, the missing ones spaces.
            int dataEnd = end;
            while (dataEnd > end - 3
                    && dataEnd > line + 1
                    && !(dataEnd == text.length() || dataEnd < text.length() && isBlank(text.charAt(dataEnd)))) {
                dataEnd--;
            }
            if (dataEnd > text.length() || dataEnd < text.length() && !isBlank(text.charAt(dataEnd))) {
                break;
            }
            for (int i = line + 1, written = 0; i < end; i += 4) {
                int group = 0;
                for (int k = 0; k < 4; k++) {
                    char c = i + k < dataEnd ? text.charAt(i + k) : ' ';
                    group = group << 6 | (c - ' ') & SIX_BITS;
                }
                for (int k = 0; k < 3 && written < count; k++, written++) {
                    bytes.write(group >>> (16 - 8 * k) & 0xFF);
                }
            }
            line = dataEnd + 1;
        }
        int blockEnd = Math.min(line, text.length());
        if (text.startsWith("end", blockEnd)) {
            // The line of no bytes, a space, went into the space the normaliser wrote for the line breaks.
            blockEnd += "end".length();
        } else if (blockEnd < text.length() && (text.charAt(blockEnd) == '`' || text.charAt(blockEnd) == ' ')) {
            // The line of no bytes, and the "end" line after it.
            int next = blockEnd + 1;
            while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            blockEnd = text.startsWith("end", next) ? next + "end".length() : blockEnd + 1;
        }
        EncodedSpans.add(found, begin, blockEnd, "uuencode", EncodedSpans.utf8(bytes.toByteArray()));
        return blockEnd;
    }
}
