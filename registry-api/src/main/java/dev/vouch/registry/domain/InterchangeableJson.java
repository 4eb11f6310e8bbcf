package dev.vouch.registry.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A published body must be I-JSON (RFC 7493): every number a finite IEEE 754 double and every string and
 * member name well-formed Unicode. Tool digests are SHA-256 over RFC 8785 canonical JSON, which is defined
 * for I-JSON alone: a 309-digit integer has no canonical form, and a lone surrogate escape ({@code "\ud800"})
 * would be stored as sent but served as something else. Well-formed UTF-8 bytes ({@link Utf8}) can still
 * spell both.
 */
public final class InterchangeableJson {

    private InterchangeableJson() {}

    /**
     * Refuses the first number or string that is not I-JSON, naming where it stands.
     *
     * @throws InvalidRequestException naming the value's JSON pointer
     */
    public static void require(JsonNode tree) {
        require(tree, "");
    }

    private static void require(JsonNode node, String pointer) {
        if (node.isNumber()) {
            if (!Double.isFinite(node.doubleValue())) {
                throw InvalidRequestException.of(
                        pointer,
                        "the number at " + where(pointer) + " does not fit an IEEE 754 double (RFC 7493 I-JSON, which"
                                + " canonical JSON digests need)");
            }
        } else if (node.isTextual()) {
            requireWellFormed(node.textValue(), pointer);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> members = node.fields(); members.hasNext(); ) {
                Map.Entry<String, JsonNode> member = members.next();
                String at = pointer + "/" + escape(member.getKey());
                requireWellFormed(member.getKey(), at);
                require(member.getValue(), at);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                require(node.get(i), pointer + "/" + i);
            }
        }
    }

    private static void requireWellFormed(String text, String pointer) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw InvalidRequestException.of(
                        pointer,
                        "the text at " + where(pointer) + " holds an unpaired surrogate (\\u"
                                + Integer.toHexString(c) + " at character " + i + "); send well-formed Unicode"
                                + " (RFC 7493 I-JSON)");
            }
        }
    }

    private static String where(String pointer) {
        return pointer.isEmpty() ? "the top level" : pointer;
    }

    /** RFC 6901: "~" as "~0" and "/" as "~1" in a member name. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
