package dev.vouch.provenance.dsse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.provenance.Check;
import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.keys.KeySignatures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A DSSE envelope: a typed payload and signatures over its pre-authentication encoding.
 *
 * <p>The encoding counts lengths in UTF-8 bytes, as the DSSE specification says; counting characters
 * would reject every valid attestation whose payload type or payload is not ASCII.
 */
public record DsseEnvelope(String payloadType, byte[] payload, List<Signature> signatures) {

    /** One signature: the key id hint, if any, and the signature bytes. */
    public record Signature(String keyId, byte[] sig) {}

    public DsseEnvelope {
        signatures = List.copyOf(signatures);
    }

    public static DsseEnvelope fromJson(JsonNode envelope) throws VerificationException {
        if (envelope == null
                || !envelope.path("payloadType").isTextual()
                || !envelope.path("payload").isTextual()) {
            throw new VerificationException(Check.ENVELOPE_FORMAT, "a DSSE envelope needs payloadType and payload");
        }
        List<Signature> signatures = new ArrayList<>();
        for (JsonNode signature : envelope.path("signatures")) {
            signatures.add(new Signature(
                    signature.path("keyid").asText(""),
                    base64(signature.path("sig").asText(""))));
        }
        if (signatures.isEmpty()) {
            throw new VerificationException(Check.ENVELOPE_FORMAT, "the DSSE envelope has no signatures");
        }
        return new DsseEnvelope(
                envelope.get("payloadType").asText(),
                base64(envelope.get("payload").asText()),
                signatures);
    }

    /** {@code "DSSEv1" SP LEN(type) SP type SP LEN(payload) SP payload}, lengths in UTF-8 bytes. */
    public byte[] preAuthenticationEncoding() {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** Succeeds when at least one signature verifies with {@code key}. */
    public void verifySignature(PublicKey key) throws VerificationException {
        byte[] signed = preAuthenticationEncoding();
        VerificationException last = null;
        for (Signature signature : signatures) {
            try {
                KeySignatures.verify(key, signed, signature.sig());
                return;
            } catch (VerificationException e) {
                last = e;
            }
        }
        throw last;
    }

    private static byte[] base64(String text) throws VerificationException {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            try {
                return Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException again) {
                throw new VerificationException(Check.ENVELOPE_FORMAT, "payload or signature is not base64");
            }
        }
    }
}
