package dev.vouch.provenance.keys;

import dev.vouch.provenance.Check;
import dev.vouch.provenance.Digest;
import dev.vouch.provenance.VerificationException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;

/**
 * Verifies a raw signature over bytes with a public key, choosing the algorithm cosign uses for the
 * key's kind: ECDSA (DER) with SHA-256 on P-256 or SHA-384 on P-384, Ed25519, RSA PKCS#1 v1.5 with
 * SHA-256.
 */
public final class KeySignatures {

    private KeySignatures() {}

    public static void verify(PublicKey key, byte[] signed, byte[] signature) throws VerificationException {
        String algorithm = algorithmFor(key);
        check(key, algorithm, signed, signature, algorithm);
    }

    /**
     * Verifies a signature made over an artifact the verifier knows only by its SHA-256 digest (as
     * Rekor's hashedrekord entries do): ECDSA on P-256 and RSA PKCS#1 v1.5 sign the digest, so the
     * digest suffices. Ed25519 and P-384 hash the artifact differently and need the artifact itself.
     */
    public static void verifyPrehashed(PublicKey key, Digest artifact, byte[] signature) throws VerificationException {
        if (!"sha256".equals(artifact.algorithm())) {
            throw new VerificationException(
                    Check.SIGNATURE, "a signature is checked over a sha256 digest, not " + artifact.algorithm());
        }
        String algorithm = algorithmFor(key);
        byte[] digest = HexFormat.of().parseHex(artifact.hex());
        String raw;
        byte[] signed;
        switch (algorithm) {
            case "SHA256withECDSA" -> {
                raw = "NONEwithECDSA";
                signed = digest;
            }
            case "SHA256withRSA" -> {
                raw = "NONEwithRSA";
                try {
                    signed = new DigestInfo(
                                    new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE), digest)
                            .getEncoded(ASN1Encoding.DER);
                } catch (IOException e) {
                    throw new IllegalStateException("a DigestInfo always encodes", e);
                }
            }
            default ->
                throw new VerificationException(
                        Check.SIGNATURE,
                        algorithm
                                + " signs the artifact itself, not its digest; sign a payload or send a Sigstore bundle");
        }
        check(key, raw, signed, signature, algorithm);
    }

    private static void check(PublicKey key, String jcaAlgorithm, byte[] signed, byte[] signature, String shown)
            throws VerificationException {
        boolean valid;
        try {
            Signature verifier = Signature.getInstance(jcaAlgorithm);
            verifier.initVerify(key);
            verifier.update(signed);
            valid = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new VerificationException(Check.SIGNATURE, shown + " signature is malformed: " + e.getMessage(), e);
        }
        if (!valid) {
            throw new VerificationException(Check.SIGNATURE, shown + " signature does not verify with the given key");
        }
    }

    static String algorithmFor(PublicKey key) throws VerificationException {
        switch (key.getAlgorithm()) {
            case "EC":
            case "ECDSA":
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
