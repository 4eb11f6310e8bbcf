package dev.vouch.registry.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.scanner.input.IJson;

/**
 * A published body must be I-JSON (RFC 7493): every number a finite IEEE 754 double and every string and
 * member name well-formed Unicode. Tool digests are SHA-256 over RFC 8785 canonical JSON, which is defined
 * for I-JSON alone: a 309-digit integer has no canonical form, and a lone surrogate escape ({@code "\ud800"})
 * would be stored as sent but served as something else. Well-formed UTF-8 bytes ({@link Utf8}) can still
 * spell both. The walk is the scanner's ({@link IJson}), which refuses such a tool too.
 */
public final class InterchangeableJson {

    private InterchangeableJson() {}

    /**
     * Refuses the first number or string that is not I-JSON, naming where it stands.
     *
     * @throws InvalidRequestException naming the value's JSON pointer
     */
    public static void require(JsonNode tree) {
        IJson.Flaw flaw = IJson.firstFlaw(tree);
        if (flaw != null) {
            String where = flaw.pointer().isEmpty() ? "the top level" : flaw.pointer();
            throw InvalidRequestException.of(
                    flaw.pointer(),
                    flaw.number()
                            ? "the number at " + where + " " + flaw.problem()
                                    + " (RFC 7493 I-JSON, which canonical JSON digests need)"
                            : "the text at " + where + " " + flaw.problem()
                                    + "; send well-formed Unicode (RFC 7493 I-JSON)");
        }
    }
}
