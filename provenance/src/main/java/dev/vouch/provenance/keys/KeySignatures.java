package dev.vouch.provenance.keys;

import dev.vouch.provenance.Check;
import dev.vouch.provenance.VerificationException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;

/**
 * Verifies a raw signature over bytes with a public key, choosing the algorithm cosign uses for the
 * key's kind: ECDSA (DER) with SHA-256 on P-256 or SHA-384 on P-384, Ed25519, RSA PKCS#1 v1.5 with
 * SHA-256.
 */
public final class KeySignatures {

    private KeySignatures() {
    }

    public static void verify(PublicKey key, byte[] signed, byte[] signature) throws VerificationException {
        String algorithm = algorithmFor(key);
        boolean valid;
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(signed);
            valid = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new VerificationException(Check.SIGNATURE, algorithm + " signature is malformed: " + e.getMessage(), e);
        }
        if (!valid) {
            throw new VerificationException(Check.SIGNATURE, algorithm + " signature does not verify with the given key");
        }
    }

    static String algorithmFor(PublicKey key) throws VerificationException {
        switch (key.getAlgorithm()) {
            case "EC":
                int bits = ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize();
                return bits > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
            case "Ed25519":
            case "EdDSA":
                return "Ed25519";
            case "RSA":
                return "SHA256withRSA";
            default:
                throw new VerificationException(Check.KEY_FORMAT, "unsupported key algorithm " + key.getAlgorithm());
        }
    }
}
