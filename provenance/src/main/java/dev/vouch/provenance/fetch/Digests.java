package dev.vouch.provenance.fetch;

import dev.vouch.provenance.Digest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Digests of fetched content, to check that content-addressed bytes are the bytes addressed. */
final class Digests {

    private Digests() {
    }

    static Digest of(String algorithm, byte[] content) throws dev.vouch.provenance.fetch.EvidenceFetchException {
        String jca = switch (algorithm) {
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            default -> throw new EvidenceFetchException("unsupported digest algorithm " + algorithm);
        };
        try {
            return Digest.of(algorithm, MessageDigest.getInstance(jca).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jca + " is required of every JVM", e);
        }
    }
}
