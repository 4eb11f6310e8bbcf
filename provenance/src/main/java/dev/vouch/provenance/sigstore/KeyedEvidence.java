package dev.vouch.provenance.sigstore;

import dev.vouch.provenance.Digest;
import java.time.Instant;

/** What a verified managed-key bundle proves: the key's fingerprint signed the artifact, logged at a time. */
public record KeyedEvidence(Digest artifact, String keyFingerprint, Instant loggedAt) {
}
