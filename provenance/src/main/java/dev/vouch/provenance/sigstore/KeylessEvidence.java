package dev.vouch.provenance.sigstore;

import dev.vouch.provenance.intoto.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * What a verified keyless Sigstore bundle proves: who signed (per the certificate Fulcio issued), when
 * the transparency log saw it, and for a DSSE attestation, the statement it carries.
 */
public record KeylessEvidence(SignerIdentity signer, Optional<Instant> loggedAt, Optional<Statement> statement) {}
