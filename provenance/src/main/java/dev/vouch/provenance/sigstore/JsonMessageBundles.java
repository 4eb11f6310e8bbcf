package dev.vouch.provenance.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sigstore.rekor.client.ImmutableInclusionProof;
import dev.sigstore.rekor.client.ImmutableRekorEntry;
import dev.sigstore.rekor.client.ImmutableVerification;
import dev.sigstore.rekor.client.RekorEntry;
import dev.sigstore.rekor.client.RekorVerificationException;
import dev.sigstore.rekor.client.RekorVerifier;
import dev.vouch.provenance.Check;
import dev.vouch.provenance.Digest;
import dev.vouch.provenance.Hashes;
import dev.vouch.provenance.JsonMappers;
import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.keys.KeySignatures;
import dev.vouch.provenance.keys.PublicKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Message-signature bundles read as JSON, for what sigstore-java 2.0.0 refuses to parse: managed-key
 * bundles (a public key instead of a certificate) and bundles whose message digest is SHA-384 or
 * SHA-512. The signature is checked with JCA, the log entry's agreement with artifact, signature and
 * key by this class, and the entry itself with sigstore-java's Rekor verifier.
 */
final class JsonMessageBundles {

    private static final ObjectMapper JSON = JsonMappers.JSON;

    private JsonMessageBundles() {}

    /** A parsed bundle's message signature and its first log entry. */
    private record Parts(JsonNode material, byte[] signature, Digest digest, JsonNode entry, String body) {}

    static KeyedEvidence verifyManagedKey(byte[] bundleJson, PublicKey key, byte[] artifact, RekorVerifier rekor)
            throws VerificationException {
        Parts parts = managedKeyParts(parts(bundleJson, artifact));
        KeySignatures.verify(key, artifact, parts.signature());
        return managedKeyEntry(parts, key, rekor);
    }

    /** A managed-key bundle over an artifact known only by its SHA-256 digest (an OCI image, an MCPB file). */
    static KeyedEvidence verifyManagedKey(byte[] bundleJson, PublicKey key, Digest artifact, RekorVerifier rekor)
            throws VerificationException {
        JsonNode bundle = bundle(bundleJson);
        String algorithm = bundle.path("messageSignature")
                .path("messageDigest")
                .path("algorithm")
                .asText("SHA2_256");
        if (!"SHA2_256".equals(algorithm)) {
            throw new VerificationException(
                    Check.BUNDLE_FORMAT,
                    "a bundle over a SHA-384/512 digest is verified over the artifact file, not a digest");
        }
        Parts parts = managedKeyParts(parts(bundle, artifact));
        KeySignatures.verifyPrehashed(key, artifact, parts.signature());
        return managedKeyEntry(parts, key, rekor);
    }

    private static Parts managedKeyParts(Parts parts) throws VerificationException {
        if (!parts.material().has("publicKey")) {
            throw new VerificationException(Check.BUNDLE_FORMAT, "not a managed-key bundle (no publicKey material)");
        }
        return parts;
    }

    private static KeyedEvidence managedKeyEntry(Parts parts, PublicKey key, RekorVerifier rekor)
            throws VerificationException {
        String loggedKeyPem = loggedVerifier(parts);
        if (!Arrays.equals(PublicKeys.fromPem(loggedKeyPem).getEncoded(), key.getEncoded())) {
            throw new VerificationException(Check.SIGSTORE, "log entry is for another key");
        }
        RekorEntry entry = verifyEntry(parts, rekor);
        return new KeyedEvidence(
                parts.digest(),
                PublicKeys.fingerprint(key),
                java.util.Optional.of(Instant.ofEpochSecond(entry.getIntegratedTime())),
                java.util.Optional.empty());
    }

    /** A keyless message-signature bundle; the caller has checked certificate chain, SCT and identity. */
    static Instant verifyCertificate(byte[] bundleJson, X509Certificate leaf, byte[] artifact, RekorVerifier rekor)
            throws VerificationException {
        Parts parts = parts(bundleJson, artifact);
        KeySignatures.verify(leaf.getPublicKey(), artifact, parts.signature());
        String loggedPem = loggedVerifier(parts);
        try {
            X509Certificate logged = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(loggedPem.getBytes(StandardCharsets.UTF_8)));
            if (!Arrays.equals(logged.getEncoded(), leaf.getEncoded())) {
                throw new VerificationException(Check.SIGSTORE, "log entry is for another certificate");
            }
        } catch (java.security.cert.CertificateException e) {
            throw new VerificationException(Check.SIGSTORE, "log entry's certificate cannot be read", e);
        }
        return Instant.ofEpochSecond(verifyEntry(parts, rekor).getIntegratedTime());
    }

    /** How a bundle must be read: which parts sigstore-java 2.0.0 cannot parse. */
    enum Shape {
        /** sigstore-java reads it. */
        STANDARD,
        /** A message signature over a SHA-384 or SHA-512 digest. */
        WIDE_DIGEST,
        /** No transparency log entry. */
        LOGLESS,
        /** A public key instead of a certificate. */
        MANAGED_KEY
    }

    static Shape shape(byte[] bundleJson) throws VerificationException {
        JsonNode bundle = parse(bundleJson, "bundle");
        JsonNode material = bundle.path("verificationMaterial");
        if (material.has("publicKey")) {
            return Shape.MANAGED_KEY;
        }
        if (material.path("tlogEntries").size() == 0) {
            return Shape.LOGLESS;
        }
        String algorithm = bundle.path("messageSignature")
                .path("messageDigest")
                .path("algorithm")
                .asText("SHA2_256");
        return "SHA2_256".equals(algorithm) ? Shape.STANDARD : Shape.WIDE_DIGEST;
    }

    /** A DSSE bundle without log entries, read from its JSON. */
    static KeylessAttestations.Attestation loglessAttestation(byte[] bundleJson) throws VerificationException {
        JsonNode bundle = parse(bundleJson, "bundle");
        JsonNode material = bundle.path("verificationMaterial");
        if (material.path("tlogEntries").size() > 0) {
            throw new VerificationException(Check.BUNDLE_FORMAT, "the bundle has log entries; verify it with them");
        }
        dev.vouch.provenance.dsse.DsseEnvelope envelope =
                dev.vouch.provenance.dsse.DsseEnvelope.fromJson(bundle.path("dsseEnvelope"));
        List<byte[]> signatures = new ArrayList<>();
        envelope.signatures().forEach(signature -> signatures.add(signature.sig()));
        List<byte[]> timestamps = new ArrayList<>();
        for (JsonNode timestamp : material.path("timestampVerificationData").path("rfc3161Timestamps")) {
            timestamps.add(base64(timestamp.path("signedTimestamp").asText(), "timestamp"));
        }
        return new KeylessAttestations.Attestation(
                certificatePath(bundleJson),
                envelope.payloadType(),
                envelope.payload(),
                signatures,
                timestamps,
                java.util.Optional.empty());
    }

    /** The leaf certificate of a bundle's verification material (v0.3 certificate or v0.1/0.2 chain). */
    static CertPath certificatePath(byte[] bundleJson) throws VerificationException {
        JsonNode material = parse(bundleJson, "bundle").path("verificationMaterial");
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<JsonNode> raw = new ArrayList<>();
            if (material.has("certificate")) {
                raw.add(material.get("certificate"));
            }
            material.path("x509CertificateChain").path("certificates").forEach(raw::add);
            for (JsonNode certificate : raw) {
                certificates.add((X509Certificate) factory.generateCertificate(new java.io.ByteArrayInputStream(
                        base64(certificate.path("rawBytes").asText(), "certificate"))));
            }
            if (certificates.isEmpty()) {
                throw new VerificationException(Check.BUNDLE_FORMAT, "the bundle carries no certificate");
            }
            return factory.generateCertPath(certificates);
        } catch (java.security.cert.CertificateException e) {
            throw new VerificationException(Check.BUNDLE_FORMAT, "certificate cannot be read", e);
        }
    }

    private static JsonNode bundle(byte[] bundleJson) throws VerificationException {
        JsonNode bundle = parse(bundleJson, "bundle");
        if (!bundle.path("mediaType").asText().startsWith("application/vnd.dev.sigstore.bundle")) {
            throw new VerificationException(Check.BUNDLE_FORMAT, "not a Sigstore bundle");
        }
        if (!bundle.path("messageSignature").isObject()) {
            throw new VerificationException(Check.BUNDLE_FORMAT, "only message-signature bundles are read this way");
        }
        return bundle;
    }

    private static Parts parts(byte[] bundleJson, byte[] artifact) throws VerificationException {
        JsonNode bundle = bundle(bundleJson);
        String algorithm = switch (bundle.path("messageSignature")
                .path("messageDigest")
                .path("algorithm")
                .asText("SHA2_256")) {
            case "SHA2_384" -> "sha384";
            case "SHA2_512" -> "sha512";
            case "SHA2_256" -> "sha256";
            default -> throw new VerificationException(Check.BUNDLE_FORMAT, "unsupported message digest algorithm");
        };
        return parts(bundle, Hashes.digest(algorithm, artifact));
    }

    private static Parts parts(JsonNode bundle, Digest digest) throws VerificationException {
        JsonNode message = bundle.path("messageSignature");
        if (message.path("messageDigest").isObject()) {
            byte[] declared =
                    base64(message.path("messageDigest").path("digest").asText(), "message digest");
            if (!Arrays.equals(declared, HexFormat.of().parseHex(digest.hex()))) {
                throw new VerificationException(Check.SUBJECT_DIGEST, "bundle is for another artifact");
            }
        }
        JsonNode entry = bundle.path("verificationMaterial").path("tlogEntries").path(0);
        if (!entry.isObject()) {
            throw new VerificationException(Check.SIGSTORE, "the bundle has no transparency log entry");
        }
        return new Parts(
                bundle.path("verificationMaterial"),
                base64(message.path("signature").asText(), "signature"),
                digest,
                entry,
                entry.path("canonicalizedBody").asText());
    }

    /** Checks the hashedrekord entry is about this artifact and signature; returns the logged verifier PEM. */
    private static String loggedVerifier(Parts parts) throws VerificationException {
        JsonNode body = parse(base64(parts.body(), "log entry body"), "log entry body");
        JsonNode spec = body.path("spec");
        if (!"hashedrekord".equals(body.path("kind").asText())) {
            throw new VerificationException(
                    Check.SIGSTORE, "log entry is " + body.path("kind").asText() + ", not hashedrekord");
        }
        JsonNode hash = spec.path("data").path("hash");
        if (!parts.digest().algorithm().equals(hash.path("algorithm").asText())
                || !parts.digest().hex().equals(hash.path("value").asText())) {
            throw new VerificationException(Check.SIGSTORE, "log entry is for another artifact");
        }
        if (!Arrays.equals(
                parts.signature(), base64(spec.path("signature").path("content").asText(), "logged signature"))) {
            throw new VerificationException(Check.SIGSTORE, "log entry is for another signature");
        }
        return new String(
                base64(spec.path("signature").path("publicKey").path("content").asText(), "logged key"),
                StandardCharsets.UTF_8);
    }

    private static RekorEntry verifyEntry(Parts parts, RekorVerifier rekor) throws VerificationException {
        RekorEntry rekorEntry = rekorEntry(parts.entry(), parts.body());
        try {
            rekor.verifyEntry(rekorEntry);
        } catch (RekorVerificationException e) {
            throw new VerificationException(
                    Check.SIGSTORE, "Transparency log entry could not be verified: " + e.getMessage(), e);
        }
        return rekorEntry;
    }

    static RekorEntry rekorEntry(JsonNode entry, String body) throws VerificationException {
        try {
            JsonNode proof = entry.path("inclusionProof");
            ImmutableInclusionProof.Builder inclusion = ImmutableInclusionProof.builder()
                    .logIndex(Long.parseLong(proof.path("logIndex").asText()))
                    .treeSize(Long.parseLong(proof.path("treeSize").asText()))
                    .rootHash(hex(proof.path("rootHash").asText()))
                    .checkpoint(proof.path("checkpoint").path("envelope").asText());
            for (JsonNode hash : proof.path("hashes")) {
                inclusion.addHashes(hex(hash.asText()));
            }
            ImmutableVerification.Builder verification =
                    ImmutableVerification.builder().inclusionProof(inclusion.build());
            String set =
                    entry.path("inclusionPromise").path("signedEntryTimestamp").asText("");
            if (!set.isEmpty()) {
                verification.signedEntryTimestamp(set);
            }
            return ImmutableRekorEntry.builder()
                    .body(body)
                    .integratedTime(Long.parseLong(entry.path("integratedTime").asText()))
                    .logID(hex(entry.path("logId").path("keyId").asText()))
                    .logIndex(Long.parseLong(entry.path("logIndex").asText()))
                    .verification(verification.build())
                    .build();
        } catch (RuntimeException e) {
            throw new VerificationException(
                    Check.BUNDLE_FORMAT, "malformed transparency log entry: " + e.getMessage(), e);
        }
    }

    private static String hex(String base64) {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
    }

    static JsonNode parse(byte[] json, String what) throws VerificationException {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new VerificationException(Check.BUNDLE_FORMAT, what + " is not JSON", e);
        }
    }

    /** The DER inside the first PEM block, whatever its label. */
    static byte[] pemBody(String pem) throws VerificationException {
        StringBuilder body = new StringBuilder();
        boolean inside = false;
        for (String line : pem.split("\n")) {
            if (line.startsWith("-----BEGIN ")) {
                inside = true;
            } else if (line.startsWith("-----END ")) {
                break;
            } else if (inside) {
                body.append(line.strip());
            }
        }
        return base64(body.toString(), "logged verifier PEM");
    }

    static byte[] base64(String text, String what) throws VerificationException {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new VerificationException(Check.BUNDLE_FORMAT, what + " is not base64");
        }
    }
}
