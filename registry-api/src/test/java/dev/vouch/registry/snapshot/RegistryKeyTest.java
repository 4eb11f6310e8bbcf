package dev.vouch.registry.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.provenance.keys.KeySignatures;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.Test;

/** Which operator keys the registry accepts, and that what it signs verifies with the key it publishes. */
class RegistryKeyTest {

    static final byte[] DATA = "DSSEv1 28 application/vnd.in-toto+json 2 {}".getBytes(StandardCharsets.UTF_8);

    static KeyPair keys(String algorithm, String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (curve != null) {
            generator.initialize(new ECGenParameterSpec(curve));
        } else if ("RSA".equals(algorithm)) {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    /** PEM as OpenSSL writes it: SEC 1 ({@code EC PRIVATE KEY}) for a key pair, PKCS#8 for a private key. */
    static String pem(Object object) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    @Test
    void ed25519AndP256KeysInPkcs8OrSec1SignWhatTheirPublishedKeyVerifies() throws Exception {
        KeyPair ed25519 = keys("Ed25519", null);
        KeyPair p256 = keys("EC", "secp256r1");
        // Bouncy Castle encodes the curve and public key inside SEC 1, as `openssl ecparam -genkey` does.
        KeyPairGenerator bc =
                KeyPairGenerator.getInstance("EC", new org.bouncycastle.jce.provider.BouncyCastleProvider());
        bc.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair sec1 = bc.generateKeyPair();
        for (String pem : new String[] {
            pem(new JcaPKCS8Generator(ed25519.getPrivate(), null)),
            pem(new JcaPKCS8Generator(p256.getPrivate(), null)),
            pem(sec1)
        }) {
            RegistryKey key = RegistryKey.fromPem(pem);

            KeySignatures.verify(key.publicKey(), DATA, key.sign(DATA));
            assertThat(key.publicKey().getEncoded())
                    .isIn(
                            (Object) ed25519.getPublic().getEncoded(),
                            (Object) p256.getPublic().getEncoded(),
                            (Object) sec1.getPublic().getEncoded());
        }
    }

    @Test
    void otherCurvesRsaEncryptedKeysAndPublicKeysAreRefused() throws Exception {
        KeyPairGenerator bc =
                KeyPairGenerator.getInstance("EC", new org.bouncycastle.jce.provider.BouncyCastleProvider());
        bc.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair p384 = bc.generateKeyPair();
        KeyPair rsa = keys("RSA", null);
        String encrypted = pem(new JcaPKCS8Generator(
                keys("Ed25519", null).getPrivate(),
                new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.PBE_SHA1_3DES)
                        .setPassword("pw".toCharArray())
                        .build()));

        assertThatThrownBy(() -> RegistryKey.fromPem(pem(p384))).hasMessageContaining("P-256");
        assertThatThrownBy(() -> RegistryKey.fromPem(pem(new JcaPKCS8Generator(rsa.getPrivate(), null))))
                .hasMessageContaining("Ed25519 or ECDSA P-256");
        assertThatThrownBy(() -> RegistryKey.fromPem(encrypted)).hasMessageContaining("unencrypted");
        assertThatThrownBy(() -> RegistryKey.fromPem(pem(rsa.getPublic()))).isInstanceOf(SigningKeyException.class);
        assertThatThrownBy(() -> RegistryKey.fromPem("not pem")).isInstanceOf(SigningKeyException.class);
    }
}
