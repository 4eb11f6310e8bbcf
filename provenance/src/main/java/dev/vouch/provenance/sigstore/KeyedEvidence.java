package dev.vouch.provenance.sigstore;

import dev.vouch.provenance.Digest;
import dev.vouch.provenance.intoto.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * What a signature by a known key proves: the key (by fingerprint) signed the artifact, logged at a
 * time when a transparency log entry came with it, and for an attestation what its statement says.
 */
public record KeyedEvidence(
        Digest artifact, String keyFingerprint, Optional<Instant> loggedAt, Optional<Statement> statement) {}
