package dev.vouch.registry.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The one place the registry hashes bytes (SHA-256): manifest and snapshot digests in the lower-case
 * hex the registry stores and shows, token hashes, and the raw hash ETags are cut from.
 */
public final class Digests {

    /**
     * A digest to clone: looking SHA-256 up among the security providers costs more than hashing a
     * list page's few kilobytes of entry digests, and every computed answer takes one.
     */
    private static final MessageDigest SHA_256 = sha256Instance();

    private Digests() {}

    public static byte[] sha256(byte[] bytes) {
        return newSha256().digest(bytes);
    }

    /** The SHA-256 of these byte strings one after the other, without joining them first. */
    public static byte[] sha256(List<byte[]> parts) {
        MessageDigest digest = newSha256();
        parts.forEach(digest::update);
        return digest.digest();
    }

    private static MessageDigest newSha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256Instance();
        }
    }

    private static MessageDigest sha256Instance() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }
}
