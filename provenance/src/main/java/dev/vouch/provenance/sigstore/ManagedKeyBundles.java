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
import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.keys.KeySignatures;
import dev.vouch.provenance.keys.PublicKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** Managed-key (public-key) Sigstore bundles with a message signature, verified with JCA and Rekor. */
final class ManagedKeyBundles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ManagedKeyBundles() {
    }

    static KeyedEvidence verify(byte[] bundleJson, PublicKey key, byte[] artifact, RekorVerifier rekor)
            throws VerificationException {
        JsonNode bundle = parse(bundleJson, "bundle");
        if (!bundle.path("mediaType").asText().startsWith("application/vnd.dev.sigstore.bundle")) {
            throw new VerificationException(Check.BUNDLE_FORMAT, "not a Sigstore bundle");
        }
        JsonNode material = bundle.path("verificationMaterial");
        if (!material.has("publicKey")) {
            throw new VerificationException(Check.BUNDLE_FORMAT, "not a managed-key bundle (no publicKey material)");
        }
        JsonNode message = bundle.path("messageSignature");
        if (!message.isObject()) {
            throw new VerificationException(Check.BUNDLE_FORMAT, "only message-signature managed-key bundles are supported");
        }
        byte[] signature = base64(message.path("signature").asText(), "signature");
        Digest digest = sha256(artifact);
        if (message.path("messageDigest").isObject()) {
            byte[] declared = base64(message.path("messageDigest").path("digest").asText(), "message digest");
            if (!Arrays.equals(declared, HexFormat.of().parseHex(digest.hex()))) {
                throw new VerificationException(Check.SUBJECT_DIGEST, "bundle is for another artifact");
            }
        }
        KeySignatures.verify(key, artifact, signature);

        JsonNode entry = material.path("tlogEntries").path(0);
        if (!entry.isObject()) {
            throw new VerificationException(Check.SIGSTORE, "the bundle has no transparency log entry");
        }
        String body = entry.path("canonicalizedBody").asText();
        requireEntryMatches(parse(base64(body, "log entry body"), "log entry body"), digest, signature, key);
        RekorEntry rekorEntry = rekorEntry(entry, body);
        try {
            rekor.verifyEntry(rekorEntry);
        } catch (RekorVerificationException e) {
            throw new VerificationException(Check.SIGSTORE, "Transparency log entry could not be verified: "
                    + e.getMessage(), e);
        }
        String fingerprint = "sha256:" + HexFormat.of().formatHex(sha256Bytes(key.getEncoded()));
        return new KeyedEvidence(digest, fingerprint, Instant.ofEpochSecond(rekorEntry.getIntegratedTime()));
    }

    /** The hashedrekord entry must be about this artifact, this signature and this key. */
    private static void requireEntryMatches(JsonNode body, Digest digest, byte[] signature, PublicKey key)
            throws VerificationException {
        JsonNode spec = body.path("spec");
        if (!"hashedrekord".equals(body.path("kind").asText())) {
            throw new VerificationException(Check.SIGSTORE, "log entry is " + body.path("kind").asText()
                    + ", not hashedrekord");
        }
        JsonNode hash = spec.path("data").path("hash");
        if (!"sha256".equals(hash.path("algorithm").asText()) || !digest.hex().equals(hash.path("value").asText())) {
            throw new VerificationException(Check.SIGSTORE, "log entry is for another artifact");
        }
        if (!Arrays.equals(signature, base64(spec.path("signature").path("content").asText(), "logged signature"))) {
            throw new VerificationException(Check.SIGSTORE, "log entry is for another signature");
        }
        String loggedKeyPem = new String(base64(spec.path("signature").path("publicKey").path("content").asText(),
                "logged key"), StandardCharsets.UTF_8);
        if (!Arrays.equals(PublicKeys.fromPem(loggedKeyPem).getEncoded(), key.getEncoded())) {
            throw new VerificationException(Check.SIGSTORE, "log entry is for another key");
        }
    }

    private static RekorEntry rekorEntry(JsonNode entry, String body) throws VerificationException {
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
            ImmutableVerification.Builder verification = ImmutableVerification.builder().inclusionProof(inclusion.build());
            String set = entry.path("inclusionPromise").path("signedEntryTimestamp").asText("");
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
            throw new VerificationException(Check.BUNDLE_FORMAT, "malformed transparency log entry: " + e.getMessage(), e);
        }
    }

    private static String hex(String base64) {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
    }

    private static JsonNode parse(byte[] json, String what) throws VerificationException {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new VerificationException(Check.BUNDLE_FORMAT, what + " is not JSON", e);
        }
    }

    private static byte[] base64(String text, String what) throws VerificationException {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new VerificationException(Check.BUNDLE_FORMAT, what + " is not base64");
        }
    }

    private static Digest sha256(byte[] bytes) {
        return Digest.of("sha256", sha256Bytes(bytes));
    }

    private static byte[] sha256Bytes(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
