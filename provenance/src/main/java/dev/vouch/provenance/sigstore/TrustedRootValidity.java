package dev.vouch.provenance.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.provenance.Check;
import dev.vouch.provenance.VerificationException;

/**
 * Every key and authority of a trusted root must say from when it is trusted. sigstore-java 2.0.0 reads
 * a missing {@code validFor.start} as the epoch, which turns a malformed root into one that trusts the
 * key for all of history; the Sigstore trusted-root format requires the start, so a root without one is
 * refused instead (sigstore-conformance: {@code trust-root-tlog-missing-validity-start_fail}).
 */
final class TrustedRootValidity {

    private TrustedRootValidity() {}

    static void requireStarts(byte[] trustedRootJson) throws VerificationException {
        JsonNode root = JsonMessageBundles.parse(trustedRootJson, "trusted root");
        requireStarts(root, "tlogs", true);
        requireStarts(root, "ctlogs", true);
        requireStarts(root, "certificateAuthorities", false);
        requireStarts(root, "timestampAuthorities", false);
    }

    private static void requireStarts(JsonNode root, String field, boolean logKey) throws VerificationException {
        JsonNode entries = root.path(field);
        for (int i = 0; i < entries.size(); i++) {
            JsonNode validFor = logKey
                    ? entries.get(i).path("publicKey").path("validFor")
                    : entries.get(i).path("validFor");
            JsonNode start = validFor.path("start");
            if (!start.isTextual() || start.asText().isBlank()) {
                throw new VerificationException(
                        Check.BUNDLE_FORMAT,
                        "trusted root is not usable: " + field + "[" + i + "]" + (logKey ? ".publicKey" : "")
                                + ".validFor has no start");
            }
        }
    }
}
