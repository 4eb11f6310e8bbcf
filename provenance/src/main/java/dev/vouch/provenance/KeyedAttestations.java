package dev.vouch.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.provenance.dsse.DsseEnvelope;
import dev.vouch.provenance.intoto.Sbom;
import dev.vouch.provenance.intoto.SlsaProvenance;
import dev.vouch.provenance.intoto.Statement;
import java.security.PublicKey;
import java.util.Optional;

/**
 * Verifies a DSSE in-toto attestation signed with a known key (cosign {@code attest --key}): the
 * signature over the pre-authentication encoding, the statement, the subject binding to the artifact,
 * and the predicate's shape. Keyless (Sigstore bundle) attestations share everything after the
 * signature check.
 */
public final class KeyedAttestations {

    private KeyedAttestations() {}

    /** A verified attestation: the statement and, by predicate type, its typed content. */
    public record VerifiedAttestation(Statement statement, Optional<SlsaProvenance> provenance, Optional<Sbom> sbom) {}

    public static VerifiedAttestation verify(JsonNode envelopeJson, PublicKey key, Digest artifact)
            throws VerificationException {
        DsseEnvelope envelope = DsseEnvelope.fromJson(envelopeJson);
        if (!Statement.PAYLOAD_TYPE.equals(envelope.payloadType())) {
            throw new VerificationException(
                    Check.ENVELOPE_FORMAT,
                    "payload type is " + envelope.payloadType() + ", not " + Statement.PAYLOAD_TYPE);
        }
        envelope.verifySignature(key);
        return readStatement(envelope.payload(), artifact);
    }

    /** The checks after the signature: statement, subject binding, predicate. */
    public static VerifiedAttestation readStatement(byte[] payload, Digest artifact) throws VerificationException {
        Statement statement = Statement.parse(payload);
        statement.requireSubject(artifact);
        String type = statement.predicateType();
        Optional<SlsaProvenance> provenance = SlsaProvenance.isProvenance(type)
                ? Optional.of(SlsaProvenance.parse(type, statement.predicate()))
                : Optional.empty();
        Optional<Sbom> sbom =
                Sbom.isSbom(type) ? Optional.of(Sbom.parse(type, statement.predicate())) : Optional.empty();
        return new VerifiedAttestation(statement, provenance, sbom);
    }
}
