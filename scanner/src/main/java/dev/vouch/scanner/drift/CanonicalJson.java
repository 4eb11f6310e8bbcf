package dev.vouch.scanner.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.vouch.scanner.JsonMappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
        try {
            if (!isPlain(node)) {
                return new JsonCanonicalizer(JSON.writeValueAsString(node)).getEncodedUTF8();
            }
            StringBuilder out = new StringBuilder(256);
            write(node, out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether every value of the tree is one whose canonical form follows from its Java value alone. */
    private static boolean isPlain(JsonNode node) {
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

    private static void write(JsonNode node, StringBuilder out) throws IOException {
        JsonNodeType type = node.getNodeType();
        if (type == JsonNodeType.OBJECT) {
            List<String> names = new ArrayList<>(node.size());
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            // JCS orders members by the UTF-16 code units of their names: String's natural order.
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(names.get(i), out);
                out.append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (type == JsonNodeType.ARRAY) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (type == JsonNodeType.STRING) {
            string(node.textValue(), out);
        } else if (type == JsonNodeType.NUMBER) {
            // The reference parses every number as a double and writes it the ECMAScript way.
            out.append(NumberToJSON.serializeNumber(node.doubleValue()));
        } else if (type == JsonNodeType.BOOLEAN) {
            out.append(node.booleanValue());
        } else {
            out.append("null");
        }
    }

    /**
     * A string as JCS writes it: the two-character escapes, other controls as lower-case \\u00xx,
     * everything else as it is (copied a run at a time, as nearly every character needs no escape).
     */
    private static void string(String value, StringBuilder out) {
        out.append('"');
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(value, run, i);
            run = i + 1;
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"', '\\' -> out.append('\\').append(c);
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(value, run, value.length());
        out.append('"');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
