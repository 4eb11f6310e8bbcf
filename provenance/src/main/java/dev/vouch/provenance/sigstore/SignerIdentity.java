package dev.vouch.provenance.sigstore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;

/**
 * Who a Fulcio certificate says signed: the OIDC issuer, the subject (SAN email or URI), and for CI
 * identities the source repository, commit and workflow, read from Fulcio's certificate extensions.
 */
public record SignerIdentity(
        String issuer,
        String subject,
        Optional<String> sourceRepository,
        Optional<String> commit,
        Optional<String> sourceRef,
        Optional<String> workflow) {

    // Fulcio's OIDs (1.3.6.1.4.1.57264.1.*): .8 and later hold DER UTF8Strings; .1 is the legacy raw issuer.
    private static final String ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";
    private static final String ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";
    private static final String BUILD_SIGNER_URI = "1.3.6.1.4.1.57264.1.9";
    private static final String SOURCE_REPOSITORY_URI = "1.3.6.1.4.1.57264.1.12";
    private static final String SOURCE_REPOSITORY_DIGEST = "1.3.6.1.4.1.57264.1.13";
    private static final String SOURCE_REPOSITORY_REF = "1.3.6.1.4.1.57264.1.14";

    public static SignerIdentity of(X509Certificate certificate) {
        String issuer = derString(certificate, ISSUER_V2)
                .or(() -> rawString(certificate, ISSUER_V1))
                .orElse("");
        return new SignerIdentity(
                issuer,
                subjectAlternativeName(certificate),
                derString(certificate, SOURCE_REPOSITORY_URI),
                derString(certificate, SOURCE_REPOSITORY_DIGEST),
                derString(certificate, SOURCE_REPOSITORY_REF),
                derString(certificate, BUILD_SIGNER_URI));
    }

    private static String subjectAlternativeName(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    // 1 = rfc822Name (email), 6 = URI
                    int type = (Integer) name.get(0);
                    if (type == 1 || type == 6) {
                        return name.get(1).toString();
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return "";
        }
        return "";
    }

    private static Optional<byte[]> extension(X509Certificate certificate, String oid) {
        byte[] wrapped = certificate.getExtensionValue(oid);
        if (wrapped == null) {
            return Optional.empty();
        }
        return Optional.of(ASN1OctetString.getInstance(wrapped).getOctets());
    }

    private static Optional<String> derString(X509Certificate certificate, String oid) {
        return extension(certificate, oid).flatMap(bytes -> {
            try {
                ASN1Primitive value = ASN1Primitive.fromByteArray(bytes);
                return value instanceof ASN1String string ? Optional.of(string.getString()) : Optional.empty();
            } catch (IOException | IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<String> rawString(X509Certificate certificate, String oid) {
        return extension(certificate, oid).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }
}
