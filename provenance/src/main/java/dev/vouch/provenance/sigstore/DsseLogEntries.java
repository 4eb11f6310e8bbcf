package dev.vouch.provenance.sigstore;

import static dev.vouch.provenance.sigstore.JsonMessageBundles.base64;
import static dev.vouch.provenance.sigstore.JsonMessageBundles.parse;
import static dev.vouch.provenance.sigstore.JsonMessageBundles.pemBody;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sigstore.proto.common.v1.HashAlgorithm;
import dev.sigstore.proto.rekor.v2.DSSELogEntryV002;
import dev.sigstore.proto.rekor.v2.HashedRekordLogEntryV002;
import dev.sigstore.rekor.client.RekorEntry;
import dev.sigstore.rekor.client.RekorTypeException;
import dev.sigstore.rekor.client.RekorTypes;
import dev.sigstore.rekor.dsse.v0_0_1.Dsse;
import dev.sigstore.rekor.hashedRekord.v0_0_1.HashedRekord;
import dev.vouch.provenance.Check;
import dev.vouch.provenance.Hashes;
import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.dsse.DsseEnvelope;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Whether a transparency log entry records this DSSE envelope, signed by this certificate. The Sigstore
 * client specification ("bundle content vs. Rekor entry kind") lets three kinds log a DSSE signature, and
 * sigstore-java 2.0.0 reads only the first:
 *
 * <ul>
 *   <li>{@code dsse} 0.0.1 (Rekor v1) and 0.0.2 (Rekor v2): the payload's hash, signature and verifier;
 *   <li>{@code intoto} 0.0.2 (Rekor v1, what cosign and older clients log): the envelope without its
 *       payload, the payload's hash, and each signature base64-encoded a second time with its verifier as
 *       base64 PEM;
 *   <li>{@code hashedrekord} 0.0.1 (v1) and 0.0.2 (v2): the hash of the pre-authentication encoding, which
 *       is exactly what the DSSE signature covers, so a log that only knows hashedrekord can record it.
 * </ul>
 *
 * Every kind must bind all three: what was signed, the signature, and the signer's certificate.
 */
final class DsseLogEntries {

    private DsseLogEntries() {}

    /** A keyless signature: the entry must name this signing certificate. */
    static void requireRecords(
            RekorEntry entry, String payloadType, byte[] payload, byte[] signature, X509Certificate leaf)
            throws VerificationException {
        requireRecords(entry, payloadType, payload, signature, der(leaf));
    }

    /**
     * @param certificate the signer as the entry must name it: the signing certificate's DER, or for a
     *                    managed key its SubjectPublicKeyInfo DER
     */
    static void requireRecords(
            RekorEntry entry, String payloadType, byte[] payload, byte[] signature, byte[] certificate)
            throws VerificationException {
        JsonNode body = parse(base64(entry.getBody(), "log entry body"), "log entry body");
        String kind = body.path("kind").asText();
        String version = body.path("apiVersion").asText();
        try {
            switch (kind + " " + version) {
                case "dsse 0.0.1" -> dsseV001(RekorTypes.getDsseV001(entry), payload, signature, certificate);
                case "dsse 0.0.2" -> dsseV002(RekorTypes.getDsseV002(entry), payload, signature, certificate);
                case "intoto 0.0.2" ->
                    intotoV002(body.path("spec").path("content"), payloadType, payload, signature, certificate);
                case "hashedrekord 0.0.1" ->
                    hashedRekordV001(
                            RekorTypes.getHashedRekordV001(entry), pae(payloadType, payload), signature, certificate);
                case "hashedrekord 0.0.2" ->
                    hashedRekordV002(
                            RekorTypes.getHashedRekordV002(entry), pae(payloadType, payload), signature, certificate);
                default ->
                    throw new VerificationException(
                            Check.SIGSTORE, "a " + kind + " " + version + " log entry cannot record a DSSE envelope");
            }
        } catch (RekorTypeException | RuntimeException e) {
            throw new VerificationException(
                    Check.SIGSTORE,
                    "log entry body cannot be read as " + kind + " " + version + ": " + e.getMessage(),
                    e);
        }
    }

    private static void dsseV001(Dsse logged, byte[] payload, byte[] signature, byte[] certificate)
            throws VerificationException {
        if (!hex(sha256(payload)).equals(logged.getPayloadHash().getValue())) {
            throw new VerificationException(Check.SIGSTORE, "log entry is for another DSSE payload");
        }
        if (logged.getSignatures().size() != 1
                || !Base64.getEncoder()
                        .encodeToString(signature)
                        .equals(logged.getSignatures().get(0).getSignature())) {
            throw new VerificationException(Check.SIGSTORE, "log entry is for another DSSE signature");
        }
        requireCertificate(
                new String(
                        base64(logged.getSignatures().get(0).getVerifier(), "logged verifier"), StandardCharsets.UTF_8),
                certificate);
    }

    private static void dsseV002(DSSELogEntryV002 logged, byte[] payload, byte[] signature, byte[] certificate)
            throws VerificationException {
        if (!Arrays.equals(sha256(payload), logged.getPayloadHash().getDigest().toByteArray())) {
            throw new VerificationException(Check.SIGSTORE, "log entry is for another DSSE payload");
        }
        if (logged.getSignaturesCount() != 1
                || !Arrays.equals(
                        signature, logged.getSignatures(0).getContent().toByteArray())
                || !Arrays.equals(
                        certificate, verifierV002(logged.getSignatures(0).getVerifier()))) {
            throw new VerificationException(Check.SIGSTORE, "log entry is for another signature or certificate");
        }
    }

    private static void intotoV002(
            JsonNode content, String payloadType, byte[] payload, byte[] signature, byte[] certificate)
            throws VerificationException {
        JsonNode envelope = content.path("envelope");
        if (!payloadType.equals(envelope.path("payloadType").asText())) {
            throw new VerificationException(Check.SIGSTORE, "log entry is for another payload type");
        }
        JsonNode payloadHash = content.path("payloadHash");
        if (!"sha256".equals(payloadHash.path("algorithm").asText())
                || !hex(sha256(payload)).equals(payloadHash.path("value").asText())) {
            throw new VerificationException(Check.SIGSTORE, "log entry is for another DSSE payload");
        }
        JsonNode signatures = envelope.path("signatures");
        if (!signatures.isArray() || signatures.size() != 1) {
            throw new VerificationException(
                    Check.SIGSTORE, "log entry records " + signatures.size() + " signatures; one is expected");
        }
        // Rekor's intoto type stores the envelope's base64 signature text base64-encoded once more.
        String loggedSignature = new String(
                base64(signatures.get(0).path("sig").asText(), "logged signature"), StandardCharsets.US_ASCII);
        if (!Arrays.equals(signature, base64(loggedSignature, "logged signature"))) {
            throw new VerificationException(Check.SIGSTORE, "log entry is for another DSSE signature");
        }
        requireCertificate(
                new String(
                        base64(signatures.get(0).path("publicKey").asText(), "logged verifier"),
                        StandardCharsets.UTF_8),
                certificate);
    }

    private static void hashedRekordV001(HashedRekord logged, byte[] pae, byte[] signature, byte[] certificate)
            throws VerificationException {
        var hash = logged.getData().getHash();
        if (hash == null
                || !"sha256".equals(String.valueOf(hash.getAlgorithm()))
                || !hex(sha256(pae)).equals(hash.getValue())) {
            throw new VerificationException(
                    Check.SIGSTORE,
                    "log entry is for another DSSE envelope (its hash is not of this pre-authentication encoding)");
        }
        if (!Arrays.equals(signature, base64(logged.getSignature().getContent(), "logged signature"))) {
            throw new VerificationException(Check.SIGSTORE, "log entry is for another DSSE signature");
        }
        requireCertificate(
                new String(
                        base64(logged.getSignature().getPublicKey().getContent(), "logged verifier"),
                        StandardCharsets.UTF_8),
                certificate);
    }

    private static void hashedRekordV002(
            HashedRekordLogEntryV002 logged, byte[] pae, byte[] signature, byte[] certificate)
            throws VerificationException {
        if (logged.getData().getAlgorithm() != HashAlgorithm.SHA2_256
                || !Arrays.equals(sha256(pae), logged.getData().getDigest().toByteArray())) {
            throw new VerificationException(
                    Check.SIGSTORE,
                    "log entry is for another DSSE envelope (its hash is not of this pre-authentication encoding)");
        }
        if (!Arrays.equals(signature, logged.getSignature().getContent().toByteArray())) {
            throw new VerificationException(Check.SIGSTORE, "log entry is for another DSSE signature");
        }
        if (!Arrays.equals(certificate, verifierV002(logged.getSignature().getVerifier()))) {
            throw new VerificationException(Check.SIGSTORE, "log entry is for another certificate");
        }
    }

    /** A Rekor v2 verifier names a certificate or, for a managed key, the key itself. */
    private static byte[] verifierV002(dev.sigstore.proto.rekor.v2.Verifier verifier) {
        return verifier.hasX509Certificate()
                ? verifier.getX509Certificate().getRawBytes().toByteArray()
                : verifier.getPublicKey().getRawBytes().toByteArray();
    }

    /** The logged verifier, a PEM certificate or public key, is the signer. */
    private static void requireCertificate(String loggedPem, byte[] certificate) throws VerificationException {
        if (!Arrays.equals(pemBody(loggedPem), certificate)) {
            throw new VerificationException(Check.SIGSTORE, "log entry is for another certificate or key");
        }
    }

    private static byte[] pae(String payloadType, byte[] payload) {
        return new DsseEnvelope(payloadType, payload, List.of()).preAuthenticationEncoding();
    }

    private static byte[] der(X509Certificate certificate) throws VerificationException {
        try {
            return certificate.getEncoded();
        } catch (CertificateException e) {
            throw new VerificationException(Check.SIGSTORE, "certificate cannot be encoded", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] sha256(byte[] bytes) {
        return Hashes.sha256(bytes);
    }
}
