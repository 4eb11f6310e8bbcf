package dev.vouch.provenance.dsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.provenance.Check;
import dev.vouch.provenance.VerificationException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DsseEnvelopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static ObjectNode envelope(String payloadType, byte[] payload, byte[] sig) {
        ObjectNode envelope = JSON.createObjectNode()
                .put("payloadType", payloadType)
                .put("payload", Base64.getEncoder().encodeToString(payload));
        envelope.putArray("signatures")
                .addObject()
                .put("keyid", "")
                .put("sig", Base64.getEncoder().encodeToString(sig));
        return envelope;
    }

    @Test
    void thePreAuthenticationEncodingIsTheSpecsExample() throws Exception {
        DsseEnvelope envelope = DsseEnvelope.fromJson(envelope(
                "http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8), new byte[] {1}));

        assertThat(new String(envelope.preAuthenticationEncoding(), StandardCharsets.UTF_8))
                .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    }

    @Test
    void aSignatureOverThePreAuthenticationEncodingVerifiesAndNothingElseDoes() throws Exception {
        KeyPair pair = keyPair();
        byte[] payload = "{\"_type\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        DsseEnvelope unsigned =
                DsseEnvelope.fromJson(envelope("application/vnd.in-toto+json", payload, new byte[] {1}));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(unsigned.preAuthenticationEncoding());
        byte[] sig = signer.sign();

        DsseEnvelope.fromJson(envelope("application/vnd.in-toto+json", payload, sig))
                .verifySignature(pair.getPublic());
        assertThatThrownBy(() -> DsseEnvelope.fromJson(envelope("application/vnd.in-toto+json", payload, sig))
                        .verifySignature(keyPair().getPublic()))
                .isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> DsseEnvelope.fromJson(envelope("text/plain", payload, sig))
                        .verifySignature(pair.getPublic()))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void anEnvelopeWithoutPayloadOrSignaturesIsRefused() {
        ObjectNode noSignatures =
                JSON.createObjectNode().put("payloadType", "t").put("payload", "aGk=");
        ObjectNode notBase64 = envelope("t", new byte[] {1}, new byte[] {1}).put("payload", "%%%");

        for (ObjectNode envelope : new ObjectNode[] {JSON.createObjectNode(), noSignatures, notBase64}) {
            assertThatThrownBy(() -> DsseEnvelope.fromJson(envelope))
                    .as(envelope.toString())
                    .isInstanceOfSatisfying(
                            VerificationException.class,
                            e -> assertThat(e.check()).isEqualTo(Check.ENVELOPE_FORMAT));
        }
    }
}
