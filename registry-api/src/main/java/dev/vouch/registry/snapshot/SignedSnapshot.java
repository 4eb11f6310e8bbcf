package dev.vouch.registry.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.dsse.DsseEnvelope;
import dev.vouch.provenance.keys.PublicKeys;
import dev.vouch.registry.domain.JsonMappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.util.Base64;

/**
 * A catalog snapshot in its DSSE envelope: the statement as payload, signed by the registry key over the
 * pre-authentication encoding, the signature's {@code keyid} naming the key.
 */
public final class SignedSnapshot {

    /** DSSE's envelope media type, as cosign and OCI registries use it. */
    public static final String MEDIA_TYPE = "application/vnd.dsse.envelope.v1+json";

    public static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";

    private static final ObjectMapper JSON = JsonMappers.JSON;

    private SignedSnapshot() {}

    /** The envelope's JSON bytes. */
    public static byte[] sign(CatalogSnapshot snapshot, RegistryKey key) {
        byte[] payload = snapshot.statement();
        DsseEnvelope unsigned = new DsseEnvelope(PAYLOAD_TYPE, payload, java.util.List.of());
        ObjectNode envelope = JSON.createObjectNode()
                .put("payloadType", PAYLOAD_TYPE)
                .put("payload", Base64.getEncoder().encodeToString(payload));
        envelope.putArray("signatures")
                .addObject()
                .put("keyid", key.keyId())
                .put("sig", Base64.getEncoder().encodeToString(key.sign(unsigned.preAuthenticationEncoding())));
        try {
            return JSON.writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The snapshot inside {@code envelopeJson}, once a signature by {@code key} verifies over it.
     *
     * @throws SnapshotException when the envelope is malformed, no signature verifies, or the statement is
     *                           not a catalog snapshot
     */
    public static CatalogSnapshot verify(byte[] envelopeJson, PublicKey key) {
        DsseEnvelope envelope;
        try {
            JsonNode json = JSON.readTree(envelopeJson);
            envelope = DsseEnvelope.fromJson(json);
        } catch (IOException e) {
            throw new SnapshotException("the snapshot is not a JSON DSSE envelope");
        } catch (VerificationException e) {
            throw new SnapshotException("the snapshot is not a DSSE envelope: " + e.getMessage(), e);
        }
        if (!PAYLOAD_TYPE.equals(envelope.payloadType())) {
            throw new SnapshotException(
                    "the snapshot's payload type is " + envelope.payloadType() + ", not " + PAYLOAD_TYPE);
        }
        try {
            envelope.verifySignature(key);
        } catch (VerificationException e) {
            throw new SnapshotException(
                    "the snapshot's signature does not verify with key " + PublicKeys.fingerprint(key), e);
        }
        return CatalogSnapshot.parse(envelope.payload());
    }
}
