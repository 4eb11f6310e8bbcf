package dev.vouch.provenance.keys;

import dev.vouch.provenance.Check;
import dev.vouch.provenance.Hashes;
import dev.vouch.provenance.VerificationException;
import java.io.IOException;
import java.io.StringReader;
import java.security.PublicKey;
import java.util.HexFormat;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Reads PEM SubjectPublicKeyInfo keys ({@code -----BEGIN PUBLIC KEY-----}), as cosign writes them. */
public final class PublicKeys {

    private PublicKeys() {}

    public static PublicKey fromPem(String pem) throws VerificationException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            if (!(object instanceof SubjectPublicKeyInfo info)) {
                throw new VerificationException(Check.KEY_FORMAT, "expected a PEM public key (SubjectPublicKeyInfo)");
            }
            return new JcaPEMKeyConverter().getPublicKey(info);
        } catch (IOException e) {
            throw new VerificationException(Check.KEY_FORMAT, "unreadable PEM: " + e.getMessage(), e);
        }
    }

    /** {@code sha256:<hex>} of the key's DER SubjectPublicKeyInfo, the form cosign and Rekor show. */
    public static String fingerprint(PublicKey key) {
        return "sha256:" + HexFormat.of().formatHex(Hashes.sha256(key.getEncoded()));
    }
}
