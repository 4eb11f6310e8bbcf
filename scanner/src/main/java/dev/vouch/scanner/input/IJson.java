package dev.vouch.scanner.input;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * I-JSON (RFC 7493): every number a finite IEEE 754 double, every string and member name well-formed Unicode. Tool
 * digests are SHA-256 over RFC 8785 canonical JSON, which is defined for I-JSON alone: a 309-digit integer has no
 * canonical form, and a lone surrogate escape ({@code "\ud800"}) is no text. The registry refuses a publish that is
 * not I-JSON, and the scanner a tool; both find what is not by this one walk.
 */
public final class IJson {

    private IJson() {}

    /**
     * What of a value is not I-JSON: a number ({@code number}) or a string or member name, where it stands (a JSON
     * pointer relative to the value walked, "" for the value itself) and what is wrong with it.
     */
    public record Flaw(boolean number, String pointer, String problem) {}

    /** The first number, string or member name in {@code node} that is not I-JSON, or null where there is none. */
    public static Flaw firstFlaw(JsonNode node) {
        Found found = find(node);
        return found == null ? null : new Flaw(found.number(), found.at().toString(), found.problem());
    }

    /** A flaw while the walk comes back from it: the pointer is built on the way back, so a clean tree costs a walk. */
    private record Found(boolean number, JsonPointer at, String problem) {

        Found under(JsonPointer step) {
            return new Found(number, step.append(at), problem);
        }
    }

    private static Found find(JsonNode node) {
        if (node.isNumber()) {
            return Double.isFinite(node.doubleValue())
                    ? null
                    : new Found(true, JsonPointer.empty(), "does not fit an IEEE 754 double");
        }
        if (node.isTextual()) {
            return unpairedSurrogate(node.textValue());
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> members = node.fields(); members.hasNext(); ) {
                Map.Entry<String, JsonNode> member = members.next();
                Found found = unpairedSurrogate(member.getKey());
                found = found != null ? found : find(member.getValue());
                if (found != null) {
                    return found.under(JsonPointer.empty().appendProperty(member.getKey()));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Found found = find(node.get(i));
                if (found != null) {
                    return found.under(JsonPointer.empty().appendIndex(i));
                }
            }
        }
        return null;
    }

    private static Found unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return new Found(
                        false,
                        JsonPointer.empty(),
                        "holds an unpaired surrogate (\\u" + Integer.toHexString(c) + " at character " + i + ")");
            }
        }
        return null;
    }
}
