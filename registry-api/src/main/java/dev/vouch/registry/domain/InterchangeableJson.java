package dev.vouch.registry.domain;

import com.fasterxml.jackson.core.JsonPointer;
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
        Flaw flaw = firstFlaw(tree);
        if (flaw != null) {
            String pointer = flaw.at().toString();
            String where = pointer.isEmpty() ? "the top level" : pointer;
            throw InvalidRequestException.of(pointer, flaw.subject() + " at " + where + " " + flaw.problem());
        }
    }

    /** What is not I-JSON, and where: the pointer is built on the way back from it, so a clean body costs a walk. */
    private record Flaw(JsonPointer at, String subject, String problem) {

        Flaw under(String member) {
            return new Flaw(JsonPointer.empty().appendProperty(member).append(at), subject, problem);
        }

        Flaw under(int index) {
            return new Flaw(JsonPointer.empty().appendIndex(index).append(at), subject, problem);
        }
    }

    private static Flaw firstFlaw(JsonNode node) {
        if (node.isNumber()) {
            return Double.isFinite(node.doubleValue())
                    ? null
                    : new Flaw(
                            JsonPointer.empty(),
                            "the number",
                            "does not fit an IEEE 754 double (RFC 7493 I-JSON, which canonical JSON digests need)");
        }
        if (node.isTextual()) {
            return unpairedSurrogate(node.textValue());
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> members = node.fields(); members.hasNext(); ) {
                Map.Entry<String, JsonNode> member = members.next();
                Flaw found = unpairedSurrogate(member.getKey());
                found = found != null ? found : firstFlaw(member.getValue());
                if (found != null) {
                    return found.under(member.getKey());
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Flaw found = firstFlaw(node.get(i));
                if (found != null) {
                    return found.under(i);
                }
            }
        }
        return null;
    }

    private static Flaw unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return new Flaw(
                        JsonPointer.empty(),
                        "the text",
                        "holds an unpaired surrogate (\\u" + Integer.toHexString(c) + " at character " + i
                                + "); send well-formed Unicode (RFC 7493 I-JSON)");
            }
        }
        return null;
    }
}
