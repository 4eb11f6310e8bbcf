package dev.vouch.scanner.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.vouch.scanner.JsonMappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;
import org.erdtman.jcs.NumberToJSON;

/**
 * RFC 8785 (JCS) canonical JSON of a Jackson tree, written straight from the tree. The reference
 * route (Jackson writes text, {@link JsonCanonicalizer} parses it back into maps and writes it again)
 * costs two serialisations and a parse per tool; this writes the same bytes in one walk. Trees holding
 * a value whose text Jackson might spell in more than one way (big or decimal numbers, non-finite
 * doubles, binary or POJO nodes) take the reference route, so the result is always the reference's.
 */
final class CanonicalJson {

    private static final ObjectMapper JSON = JsonMappers.JSON;

    private CanonicalJson() {}

    /** The canonical UTF-8 bytes of {@code node}. */
    static byte[] of(JsonNode node) {
        Utf8 out = new Utf8(256);
        return write(node, out) ? out.bytes() : reference(node);
    }

    /** The reference route: Jackson's text parsed and written again by the canonicaliser. */
    static byte[] reference(JsonNode node) {
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(node)).getEncodedUTF8();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the tree's canonical bytes, or returns false at the first value whose canonical form does not
     * follow from its Java value alone (a big or decimal number, a non-finite double, a binary or POJO node):
     * what was written of it is then to be dropped, and the tree taken by the reference route. One walk of
     * the tree, where a walk to ask whether every value was plain came before the walk that wrote them.
     */
    static boolean write(JsonNode node, Utf8 out) {
        JsonNodeType type = node.getNodeType();
        if (type == JsonNodeType.OBJECT) {
            @SuppressWarnings("unchecked")
            Map.Entry<String, JsonNode>[] members = new Map.Entry[node.size()];
            int n = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                members[n++] = it.next();
            }
            // JCS orders members by the UTF-16 code units of their names: String's natural order. The members
            // are sorted with their values, so that no name is looked up again in the object's map.
            Arrays.sort(members, BY_NAME);
            out.ascii('{');
            for (int i = 0; i < members.length; i++) {
                if (i > 0) {
                    out.ascii(',');
                }
                out.string(members[i].getKey());
                out.ascii(':');
                if (!write(members[i].getValue(), out)) {
                    return false;
                }
            }
            out.ascii('}');
        } else if (type == JsonNodeType.ARRAY) {
            out.ascii('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.ascii(',');
                }
                if (!write(node.get(i), out)) {
                    return false;
                }
            }
            out.ascii(']');
        } else if (type == JsonNodeType.STRING) {
            out.string(node.textValue());
        } else if (type == JsonNodeType.NUMBER) {
            if (!isPlainNumber(node)) {
                return false;
            }
            out.asciiText(number(node));
        } else if (type == JsonNodeType.BOOLEAN) {
            out.asciiText(node.booleanValue() ? "true" : "false");
        } else if (type == JsonNodeType.NULL) {
            out.asciiText("null");
        } else {
            return false;
        }
        return true;
    }

    private static final Comparator<Map.Entry<String, JsonNode>> BY_NAME = Map.Entry.comparingByKey();

    /** A number whose canonical form follows from its Java value: an int, a long, a short or a finite double. */
    private static boolean isPlainNumber(JsonNode node) {
        return node.isInt()
                || node.isLong()
                || node.isShort()
                || node.isDouble() && Double.isFinite(node.doubleValue());
    }

    /** Integers below 2^53 are doubles written as their digits; the rest the ECMAScript way, as the reference does. */
    private static String number(JsonNode node) {
        if (node.isInt() || node.isShort()) {
            return Integer.toString(node.intValue());
        }
        if (node.isLong() && Math.abs(node.longValue()) <= EXACT_IN_DOUBLE) {
            return Long.toString(node.longValue());
        }
        try {
            // The reference parses every number as a double and writes it the ECMAScript way.
            return NumberToJSON.serializeNumber(node.doubleValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final long EXACT_IN_DOUBLE = 1L << 53;

    /**
     * Canonical JSON's UTF-8 bytes as they are written: no string of the text and no copy of it to encode.
     * A lone surrogate is written as '?', as {@code String.getBytes(UTF_8)} writes it.
     */
    static final class Utf8 {
        private static final int MAX_KEPT = 1 << 16;

        private byte[] bytes;
        private int length;

        Utf8(int capacity) {
            bytes = new byte[capacity];
        }

        /**
         * This buffer emptied, to be written again; the bytes written before are no longer read. A buffer
         * an unusually large tool grew is let go, so that a thread does not hold it.
         */
        Utf8 cleared() {
            if (bytes.length > MAX_KEPT) {
                bytes = new byte[MAX_KEPT];
            }
            length = 0;
            return this;
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, length);
        }

        byte[] buffer() {
            return bytes;
        }

        int length() {
            return length;
        }

        private void room(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        /**
         * {@code out}, or the grown buffer, with room for {@code needed} bytes from {@code at} on; when it grows, it
         * takes room for the {@code remaining} chars of the string being written and the closing quote as well.
         */
        private byte[] roomFor(byte[] out, int at, int needed, int remaining) {
            if (at + needed <= out.length) {
                return out;
            }
            length = at;
            room(7 + remaining);
            return bytes;
        }

        void ascii(char c) {
            room(1);
            bytes[length++] = (byte) c;
        }

        void asciiText(String text) {
            room(text.length());
            for (int i = 0; i < text.length(); i++) {
                bytes[length++] = (byte) text.charAt(i);
            }
        }

        /**
         * A string as JCS writes it: the two-character escapes, other controls as lower-case \\u00xx,
         * everything else as it is.
         */
        @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): exactly what a run of ASCII needs
        void string(String value) {
            int count = value.length();
            room(count + 2);
            byte[] out = bytes;
            int at = length;
            out[at++] = '"';
            for (int i = 0; i < count; i++) {
                int plain = i;
                while (plain < count && isPlain(value.charAt(plain))) {
                    plain++;
                }
                if (plain > i) {
                    // Most of a tool's text is a run of printable ASCII, written as it is: copied whole, not a
                    // char and a check for room at a time.
                    out = roomFor(out, at, plain - i + 7, count - i);
                    value.getBytes(i, plain, out, at);
                    at += plain - i;
                    i = plain;
                    if (i == count) {
                        break;
                    }
                }
                // At most six bytes a char (an escaped control), and the closing quote.
                out = roomFor(out, at, 7, count - i);
                char c = value.charAt(i);
                if (c < 0x80) {
                    // Not plain, so a control, the quote or the backslash: each is escaped.
                    out[at++] = '\\';
                    switch (c) {
                        case '\n' -> out[at++] = 'n';
                        case '\b' -> out[at++] = 'b';
                        case '\f' -> out[at++] = 'f';
                        case '\r' -> out[at++] = 'r';
                        case '\t' -> out[at++] = 't';
                        case '"', '\\' -> out[at++] = (byte) c;
                        default -> {
                            out[at++] = 'u';
                            out[at++] = '0';
                            out[at++] = '0';
                            out[at++] = (byte) HEX[c >> 4];
                            out[at++] = (byte) HEX[c & 0xF];
                        }
                    }
                } else if (c < 0x800) {
                    out[at++] = (byte) (0xC0 | (c >> 6));
                    out[at++] = (byte) (0x80 | (c & 0x3F));
                } else if (!Character.isSurrogate(c)) {
                    out[at++] = (byte) (0xE0 | (c >> 12));
                    out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    out[at++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isHighSurrogate(c)
                        && i + 1 < count
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, value.charAt(++i));
                    out[at++] = (byte) (0xF0 | (cp >> 18));
                    out[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    out[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    out[at++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    out[at++] = '?';
                }
            }
            out[at++] = '"';
            length = at;
        }
    }

    /** A char JCS writes as its one byte: printable ASCII but the quote and the backslash. */
    private static boolean isPlain(char c) {
        return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
