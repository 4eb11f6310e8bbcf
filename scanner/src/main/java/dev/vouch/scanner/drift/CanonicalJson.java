package dev.vouch.scanner.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.vouch.scanner.JsonMappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
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
        if (!isPlain(node)) {
            return reference(node);
        }
        Utf8 out = new Utf8(256);
        write(node, out);
        return out.bytes();
    }

    /** The reference route: Jackson's text parsed and written again by the canonicaliser. */
    static byte[] reference(JsonNode node) {
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(node)).getEncodedUTF8();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether every value of the tree is one whose canonical form follows from its Java value alone. */
    static boolean isPlain(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT, ARRAY:
                for (JsonNode child : node) {
                    if (!isPlain(child)) {
                        return false;
                    }
                }
                return true;
            case STRING, BOOLEAN, NULL:
                return true;
            case NUMBER:
                return node.isInt()
                        || node.isLong()
                        || node.isShort()
                        || node.isDouble() && Double.isFinite(node.doubleValue());
            default:
                return false;
        }
    }

    /** Writes a tree {@link #isPlain} holds for. */
    static void write(JsonNode node, Utf8 out) {
        JsonNodeType type = node.getNodeType();
        if (type == JsonNodeType.OBJECT) {
            String[] names = new String[node.size()];
            int n = 0;
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names[n++] = it.next();
            }
            // JCS orders members by the UTF-16 code units of their names: String's natural order.
            Arrays.sort(names);
            out.ascii('{');
            for (int i = 0; i < names.length; i++) {
                if (i > 0) {
                    out.ascii(',');
                }
                out.string(names[i]);
                out.ascii(':');
                write(node.get(names[i]), out);
            }
            out.ascii('}');
        } else if (type == JsonNodeType.ARRAY) {
            out.ascii('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.ascii(',');
                }
                write(node.get(i), out);
            }
            out.ascii(']');
        } else if (type == JsonNodeType.STRING) {
            out.string(node.textValue());
        } else if (type == JsonNodeType.NUMBER) {
            out.asciiText(number(node));
        } else if (type == JsonNodeType.BOOLEAN) {
            out.asciiText(node.booleanValue() ? "true" : "false");
        } else {
            out.asciiText("null");
        }
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
        void string(String value) {
            int count = value.length();
            room(count + 2);
            byte[] out = bytes;
            int at = length;
            out[at++] = '"';
            for (int i = 0; i < count; i++) {
                // At most six bytes a char (an escaped control), and the closing quote.
                if (at + 7 > out.length) {
                    length = at;
                    room(7 + count - i);
                    out = bytes;
                }
                char c = value.charAt(i);
                if (c < 0x80) {
                    if (c >= 0x20 && c != '"' && c != '\\') {
                        out[at++] = (byte) c;
                        continue;
                    }
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

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
