package dev.vouch.scanner;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The one place the scanner hashes bytes: tool and tool-set digests, the lexicon's fingerprint. */
public final class Hashes {

    private Hashes() {}

    /**
     * One digest per thread, reused: looking the algorithm up among the security providers cost more
     * than hashing a tool's few hundred bytes. {@code digest} resets it for the next use.
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Hashes::newSha256);

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(SHA_256.get().digest(bytes));
    }

    /** Lower-case hex SHA-256 of the first {@code length} bytes of {@code buffer}. */
    public static String sha256Hex(byte[] buffer, int length) {
        MessageDigest digest = SHA_256.get();
        digest.update(buffer, 0, length);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
