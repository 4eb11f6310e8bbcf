package dev.vouch.provenance.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.provenance.Check;
import dev.vouch.provenance.Digest;
import dev.vouch.provenance.Hashes;
import dev.vouch.provenance.VerificationException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PublicKeysTest {

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    @Test
    void aPemPublicKeyReadsBackToTheSameKeyAndFingerprint() throws Exception {
        PublicKey key = keyPair().getPublic();

        PublicKey read = PublicKeys.fromPem(pem(key));

        assertThat(read.getEncoded()).isEqualTo(key.getEncoded());
        assertThat(PublicKeys.fingerprint(read))
                .isEqualTo("sha256:" + HexFormat.of().formatHex(Hashes.sha256(key.getEncoded())))
                .hasSize(7 + 64);
    }

    @Test
    void somethingThatIsNotAPublicKeyIsAKeyFormatFailure() {
        for (String text :
                new String[] {"", "not pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"}) {
            assertThatThrownBy(() -> PublicKeys.fromPem(text))
                    .as(text)
                    .isInstanceOfSatisfying(
                            VerificationException.class,
                            e -> assertThat(e.check()).isEqualTo(Check.KEY_FORMAT));
        }
    }

    @Test
    void anEcdsaSignatureVerifiesOverTheBytesAndOverTheirDigest() throws Exception {
        KeyPair pair = keyPair();
        byte[] artifact = "artifact".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(artifact);
        byte[] signature = signer.sign();

        KeySignatures.verify(pair.getPublic(), artifact, signature);
        KeySignatures.verifyPrehashed(pair.getPublic(), Hashes.digest("sha256", artifact), signature);
        assertThatThrownBy(() ->
                        KeySignatures.verify(pair.getPublic(), "other".getBytes(StandardCharsets.UTF_8), signature))
                .isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> KeySignatures.verifyPrehashed(
                        pair.getPublic(), Digest.parse("sha512:" + "ab".repeat(64)), signature))
                .isInstanceOf(VerificationException.class);
    }
}
