package dev.vouch.provenance.sigstore;

import static dev.vouch.provenance.sigstore.JsonMessageBundles.base64;
import static dev.vouch.provenance.sigstore.JsonMessageBundles.parse;
import static dev.vouch.provenance.sigstore.JsonMessageBundles.pemBody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sigstore.fulcio.client.FulcioVerificationException;
import dev.sigstore.fulcio.client.FulcioVerifier;
import dev.sigstore.trustroot.TransparencyLog;
import dev.vouch.provenance.Check;
import dev.vouch.provenance.Digest;
import dev.vouch.provenance.Hashes;
import dev.vouch.provenance.JsonMappers;
import dev.vouch.provenance.KeyedAttestations;
import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.dsse.DsseEnvelope;
import dev.vouch.provenance.intoto.Statement;
import dev.vouch.provenance.keys.KeySignatures;
import dev.vouch.provenance.keys.PublicKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Verifies cosign's detached signatures and attestations ({@link DetachedSignature},
 * {@link DetachedAttestation}) offline.
 *
 * <p>Keyless: the certificate chains to the trusted root's CA with a valid SCT, its identity matches
 * the policy, the signature verifies with its key, and cosign's Rekor bundle is required: its signed
 * entry timestamp (SET) verifies with a trusted log's key, its entry records this very signature and
 * certificate over this content, and its time lies inside the certificate's validity. A Rekor bundle
 * carries no inclusion proof; the SET is the log's signed promise of inclusion, which is what cosign
 * itself checks offline.
 *
 * <p>With a key: the signature verifies with the key; a Rekor bundle, when present, must check out
 * the same way and must record that key.
 *
 * <p>A signature over a simple-signing payload counts only if the payload names the artifact's digest;
 * one over the artifact itself is checked against its SHA-256 digest.
 */
final class CosignSignatures {

    private static final ObjectMapper JSON = JsonMappers.JSON;
    private static final String SIMPLE_SIGNING_TYPE = "cosign container image signature";

    private final FulcioVerifier fulcio;
    private final List<TransparencyLog> logs;

    CosignSignatures(FulcioVerifier fulcio, List<TransparencyLog> logs) {
        this.fulcio = fulcio;
        this.logs = List.copyOf(logs);
    }

    KeylessEvidence verifyKeyless(DetachedSignature signature, Digest artifact, IdentityPolicy policy)
            throws VerificationException {
        X509Certificate leaf = signingCertificate(signature.certificatePem(), signature.chainPem(), policy);
        Digest signed = verifySigned(signature, artifact, leaf.getPublicKey());
        LoggedEntry entry = LoggedEntry.read(signature
                .rekorBundleJson()
                .orElseThrow(() -> new VerificationException(
                        Check.SIGSTORE,
                        "a keyless signature needs its transparency log entry (cosign's Rekor bundle)")));
        entry.verify(logs);
        entry.requireSignature(signed, signature.signature(), der(leaf));
        SigstoreVerifier.requireWithinValidity(leaf, entry.integratedTime());
        return new KeylessEvidence(SignerIdentity.of(leaf), Optional.of(entry.integratedTime()), Optional.empty());
    }

    KeyedEvidence verifyWithKey(DetachedSignature signature, Digest artifact, PublicKey key)
            throws VerificationException {
        if (signature.certificatePem().isPresent()) {
            throw new VerificationException(
                    Check.KEY_FORMAT, "a signature with a certificate is keyless, not by a key");
        }
        Digest signed = verifySigned(signature, artifact, key);
        Optional<Instant> loggedAt = Optional.empty();
        if (signature.rekorBundleJson().isPresent()) {
            LoggedEntry entry = LoggedEntry.read(signature.rekorBundleJson().get());
            entry.verify(logs);
            entry.requireSignature(signed, signature.signature(), key.getEncoded());
            loggedAt = Optional.of(entry.integratedTime());
        }
        return new KeyedEvidence(artifact, PublicKeys.fingerprint(key), loggedAt, Optional.empty());
    }

    KeylessEvidence verifyKeyless(DetachedAttestation attestation, Digest artifact, IdentityPolicy policy)
            throws VerificationException {
        X509Certificate leaf = signingCertificate(attestation.certificatePem(), attestation.chainPem(), policy);
        DsseEnvelope envelope = envelope(attestation);
        if (envelope.signatures().size() != 1) {
            throw new VerificationException(Check.ENVELOPE_FORMAT, "a keyless DSSE envelope has exactly one signature");
        }
        Statement statement = KeyedAttestations.verify(
                        parse(attestation.envelopeJson(), "DSSE envelope"), leaf.getPublicKey(), artifact)
                .statement();
        LoggedEntry entry = LoggedEntry.read(attestation
                .rekorBundleJson()
                .orElseThrow(() -> new VerificationException(
                        Check.SIGSTORE,
                        "a keyless attestation needs its transparency log entry (cosign's Rekor bundle)")));
        entry.verify(logs);
        entry.requireEnvelope(envelope.payload(), der(leaf));
        SigstoreVerifier.requireWithinValidity(leaf, entry.integratedTime());
        return new KeylessEvidence(
                SignerIdentity.of(leaf), Optional.of(entry.integratedTime()), Optional.of(statement));
    }

    KeyedEvidence verifyWithKey(DetachedAttestation attestation, Digest artifact, PublicKey key)
            throws VerificationException {
        if (attestation.certificatePem().isPresent()) {
            throw new VerificationException(
                    Check.KEY_FORMAT, "an attestation with a certificate is keyless, not by a key");
        }
        Statement statement = KeyedAttestations.verify(
                        parse(attestation.envelopeJson(), "DSSE envelope"), key, artifact)
                .statement();
        Optional<Instant> loggedAt = Optional.empty();
        if (attestation.rekorBundleJson().isPresent()) {
            LoggedEntry entry = LoggedEntry.read(attestation.rekorBundleJson().get());
            entry.verify(logs);
            entry.requireEnvelope(envelope(attestation).payload(), key.getEncoded());
            loggedAt = Optional.of(entry.integratedTime());
        }
        return new KeyedEvidence(artifact, PublicKeys.fingerprint(key), loggedAt, Optional.of(statement));
    }

    /** Checks the signature over what was signed; returns the digest a log entry must record for it. */
    private static Digest verifySigned(DetachedSignature signature, Digest artifact, PublicKey key)
            throws VerificationException {
        if (signature.payload().isEmpty()) {
            KeySignatures.verifyPrehashed(key, artifact, signature.signature());
            return artifact;
        }
        byte[] payload = signature.payload().get();
        KeySignatures.verify(key, payload, signature.signature());
        JsonNode critical = parse(payload, "simple-signing payload").path("critical");
        if (!SIMPLE_SIGNING_TYPE.equals(critical.path("type").asText())) {
            throw new VerificationException(
                    Check.STATEMENT_FORMAT,
                    "the signed payload is not a cosign simple-signing " + "payload (critical.type must be \""
                            + SIMPLE_SIGNING_TYPE + "\")");
        }
        String named = critical.path("image").path("docker-manifest-digest").asText();
        if (!artifact.toString().equals(named)) {
            throw new VerificationException(
                    Check.SUBJECT_DIGEST,
                    "the signed payload names " + (named.isEmpty() ? "no image digest" : named) + ", not " + artifact);
        }
        return Digest.of("sha256", sha256(payload));
    }

    /** The leaf of a Fulcio chain, once its identity, chain to a trusted CA and SCT check out. */
    private X509Certificate signingCertificate(
            Optional<String> certificatePem, Optional<String> chainPem, IdentityPolicy policy)
            throws VerificationException {
        if (certificatePem.isEmpty()) {
            throw new VerificationException(Check.BUNDLE_FORMAT, "a keyless signature needs its signing certificate");
        }
        List<Certificate> certificates = new ArrayList<>(certificates(certificatePem.get()));
        if (certificates.isEmpty()) {
            throw new VerificationException(Check.BUNDLE_FORMAT, "the certificate PEM holds no certificate");
        }
        certificates = new ArrayList<>(certificates.subList(0, 1));
        if (chainPem.isPresent()) {
            certificates.addAll(certificates(chainPem.get()));
        }
        X509Certificate leaf = (X509Certificate) certificates.get(0);
        SigstoreVerifier.requireAccepted(leaf, policy);
        try {
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(certificates);
            fulcio.verifySigningCertificate(path);
        } catch (FulcioVerificationException | IOException | CertificateException e) {
            throw new VerificationException(Check.SIGSTORE, "Fulcio certificate was not valid: " + e.getMessage(), e);
        }
        return leaf;
    }

    private static List<? extends Certificate> certificates(String pem) throws VerificationException {
        try {
            return new ArrayList<>(CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8))));
        } catch (CertificateException e) {
            throw new VerificationException(Check.BUNDLE_FORMAT, "certificate PEM cannot be read", e);
        }
    }

    private static DsseEnvelope envelope(DetachedAttestation attestation) throws VerificationException {
        return DsseEnvelope.fromJson(parse(attestation.envelopeJson(), "DSSE envelope"));
    }

    /**
     * cosign's Rekor bundle: {@code {"SignedEntryTimestamp": …, "Payload": {"body", "integratedTime",
     * "logIndex", "logID"}}}.
     */
    private record LoggedEntry(String body, long integratedTimeSeconds, long logIndex, String logId, byte[] set) {

        static LoggedEntry read(String bundleJson) throws VerificationException {
            JsonNode bundle = parse(bundleJson.getBytes(StandardCharsets.UTF_8), "Rekor bundle");
            JsonNode payload = bundle.path("Payload");
            if (!payload.path("body").isTextual()
                    || !payload.path("integratedTime").canConvertToLong()
                    || !payload.path("logIndex").canConvertToLong()
                    || !payload.path("logID").isTextual()
                    || !bundle.path("SignedEntryTimestamp").isTextual()) {
                throw new VerificationException(
                        Check.BUNDLE_FORMAT,
                        "a Rekor bundle needs SignedEntryTimestamp and Payload "
                                + "{body, integratedTime, logIndex, logID}");
            }
            return new LoggedEntry(
                    payload.get("body").asText(),
                    payload.get("integratedTime").asLong(),
                    payload.get("logIndex").asLong(),
                    payload.get("logID").asText(),
                    base64(bundle.get("SignedEntryTimestamp").asText(), "signed entry timestamp"));
        }

        Instant integratedTime() {
            return Instant.ofEpochSecond(integratedTimeSeconds);
        }

        /** The SET: a trusted log's signature over the canonical JSON of the entry's fields. */
        void verify(List<TransparencyLog> logs) throws VerificationException {
            byte[] id;
            try {
                id = HexFormat.of().parseHex(logId);
            } catch (IllegalArgumentException e) {
                throw new VerificationException(Check.BUNDLE_FORMAT, "the Rekor bundle's logID is not hex");
            }
            TransparencyLog log = TransparencyLog.find(logs, id, integratedTime())
                    .orElseThrow(() -> new VerificationException(
                            Check.SIGSTORE,
                            "the entry is from a transparency log the trusted root " + "does not trust (at "
                                    + integratedTime() + ")"));
            Map<String, Object> signable = new TreeMap<>();
            signable.put("body", body);
            signable.put("integratedTime", integratedTimeSeconds);
            signable.put("logID", logId);
            signable.put("logIndex", logIndex);
            byte[] canonical;
            PublicKey logKey;
            try {
                canonical = new JsonCanonicalizer(JSON.writeValueAsString(signable)).getEncodedUTF8();
                logKey = log.getPublicKey().toJavaPublicKey();
            } catch (IOException | GeneralSecurityException e) {
                throw new VerificationException(
                        Check.SIGSTORE, "the log entry cannot be checked: " + e.getMessage(), e);
            }
            try {
                KeySignatures.verify(logKey, canonical, set);
            } catch (VerificationException e) {
                throw new VerificationException(Check.SIGSTORE, "the log's signed entry timestamp does not verify", e);
            }
        }

        /** A hashedrekord entry recording this signature by this verifier (PEM) over this digest. */
        void requireSignature(Digest signed, byte[] signature, byte[] verifierDer) throws VerificationException {
            JsonNode entry = decodedBody();
            if (!"hashedrekord".equals(entry.path("kind").asText())) {
                throw new VerificationException(
                        Check.SIGSTORE, "log entry is " + entry.path("kind").asText() + ", not hashedrekord");
            }
            JsonNode spec = entry.path("spec");
            JsonNode hash = spec.path("data").path("hash");
            if (!signed.algorithm().equals(hash.path("algorithm").asText())
                    || !signed.hex().equals(hash.path("value").asText())) {
                throw new VerificationException(Check.SIGSTORE, "log entry is for another artifact");
            }
            byte[] logged = base64(spec.path("signature").path("content").asText(), "logged signature");
            if (!Arrays.equals(signature, logged)) {
                throw new VerificationException(Check.SIGSTORE, "log entry is for another signature");
            }
            requireVerifier(
                    spec.path("signature").path("publicKey").path("content").asText(), verifierDer);
        }

        /** An intoto (0.0.2) or dsse (0.0.1) entry recording this payload, signed by this verifier (PEM). */
        void requireEnvelope(byte[] payload, byte[] verifierDer) throws VerificationException {
            JsonNode entry = decodedBody();
            String kind = entry.path("kind").asText();
            JsonNode spec = entry.path("spec");
            JsonNode payloadHash;
            List<String> verifiers = new ArrayList<>();
            if ("intoto".equals(kind)) {
                payloadHash = spec.path("content").path("payloadHash");
                spec.path("content")
                        .path("envelope")
                        .path("signatures")
                        .forEach(s -> verifiers.add(s.path("publicKey").asText()));
            } else if ("dsse".equals(kind)) {
                payloadHash = spec.path("payloadHash");
                spec.path("signatures")
                        .forEach(s -> verifiers.add(s.path("verifier").asText()));
            } else {
                throw new VerificationException(Check.SIGSTORE, "log entry is " + kind + ", not intoto or dsse");
            }
            if (!"sha256".equals(payloadHash.path("algorithm").asText())
                    || !HexFormat.of()
                            .formatHex(sha256(payload))
                            .equals(payloadHash.path("value").asText())) {
                throw new VerificationException(Check.SIGSTORE, "log entry is for another attestation payload");
            }
            if (verifiers.size() != 1) {
                throw new VerificationException(
                        Check.SIGSTORE, "log entry names " + verifiers.size() + " signers; one is expected");
            }
            requireVerifier(verifiers.get(0), verifierDer);
        }

        private JsonNode decodedBody() throws VerificationException {
            return parse(base64(body, "log entry body"), "log entry body");
        }

        private static void requireVerifier(String loggedBase64Pem, byte[] expectedDer) throws VerificationException {
            String logged = new String(base64(loggedBase64Pem, "logged verifier"), StandardCharsets.UTF_8);
            if (!Arrays.equals(pemBody(logged), expectedDer)) {
                throw new VerificationException(Check.SIGSTORE, "log entry is for another certificate or key");
            }
        }
    }

    private static byte[] der(X509Certificate certificate) throws VerificationException {
        try {
            return certificate.getEncoded();
        } catch (CertificateException e) {
            throw new VerificationException(Check.BUNDLE_FORMAT, "certificate cannot be encoded", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        return Hashes.sha256(bytes);
    }
}
