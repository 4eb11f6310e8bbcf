package dev.vouch.provenance.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sigstore.rekor.client.RekorEntry;
import dev.sigstore.rekor.client.RekorVerificationException;
import dev.sigstore.rekor.client.RekorVerifier;
import dev.vouch.provenance.Check;
import dev.vouch.provenance.Digest;
import dev.vouch.provenance.KeyedAttestations;
import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.dsse.DsseEnvelope;
import dev.vouch.provenance.intoto.Statement;
import dev.vouch.provenance.keys.PublicKeys;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Optional;

/**
 * Managed-key bundles whose content is a DSSE envelope (cosign {@code attest --key} into a bundle),
 * which sigstore-java 2.0.0 cannot read: the envelope's signature with the key, the statement's subject
 * for the artifact, the log entry's record of this payload, signature and key in whichever kind logged
 * it ({@link DsseLogEntries}), and the entry itself (inclusion proof and checkpoint; the SET when there
 * is one) with sigstore-java's Rekor verifier. A key has no validity window, so no log time is needed.
 */
final class ManagedKeyAttestations {

    private ManagedKeyAttestations() {}

    static boolean isAttestation(byte[] bundleJson) throws VerificationException {
        return JsonMessageBundles.parse(bundleJson, "bundle")
                .path("dsseEnvelope")
                .isObject();
    }

    static KeyedEvidence verify(byte[] bundleJson, PublicKey key, Digest artifact, RekorVerifier rekor)
            throws VerificationException {
        JsonNode bundle = JsonMessageBundles.parse(bundleJson, "bundle");
        JsonNode material = bundle.path("verificationMaterial");
        if (!material.has("publicKey")) {
            throw new VerificationException(Check.BUNDLE_FORMAT, "not a managed-key bundle (no publicKey material)");
        }
        DsseEnvelope envelope = DsseEnvelope.fromJson(bundle.path("dsseEnvelope"));
        if (!Statement.PAYLOAD_TYPE.equals(envelope.payloadType())) {
            throw new VerificationException(Check.ENVELOPE_FORMAT, "payload type is " + envelope.payloadType());
        }
        if (envelope.signatures().size() != 1) {
            throw new VerificationException(
                    Check.ENVELOPE_FORMAT, "a bundle's DSSE envelope has exactly one signature");
        }
        envelope.verifySignature(key);
        Statement statement =
                KeyedAttestations.readStatement(envelope.payload(), artifact).statement();
        JsonNode logged = material.path("tlogEntries").path(0);
        if (!logged.isObject()) {
            throw new VerificationException(Check.SIGSTORE, "the bundle has no transparency log entry");
        }
        RekorEntry entry = JsonMessageBundles.rekorEntry(
                logged, logged.path("canonicalizedBody").asText());
        DsseLogEntries.requireRecords(
                entry,
                envelope.payloadType(),
                envelope.payload(),
                envelope.signatures().get(0).sig(),
                key.getEncoded());
        try {
            rekor.verifyEntry(entry);
        } catch (RekorVerificationException e) {
            throw new VerificationException(
                    Check.SIGSTORE, "Transparency log entry could not be verified: " + e.getMessage(), e);
        }
        Optional<Instant> loggedAt = entry.getIntegratedTime() > 0
                ? Optional.of(Instant.ofEpochSecond(entry.getIntegratedTime()))
                : Optional.empty();
        return new KeyedEvidence(artifact, PublicKeys.fingerprint(key), loggedAt, Optional.of(statement));
    }
}
