package dev.vouch.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/** The one place provenance hashes bytes: SHA-256, SHA-384 and SHA-512, by {@link Digest}'s names. */
public final class Hashes {

    private Hashes() {}

    /** Whether {@link #digest} can compute {@code algorithm} ({@code sha256}, {@code sha384}, {@code sha512}). */
    public static boolean supports(String algorithm) {
        return jcaName(algorithm).isPresent();
    }

    /**
     * The digest of {@code bytes} under {@code algorithm}.
     *
     * @throws IllegalArgumentException for an algorithm other than sha256, sha384 or sha512
     */
    public static Digest digest(String algorithm, byte[] bytes) {
        String jca = jcaName(algorithm)
                .orElseThrow(() -> new IllegalArgumentException("unsupported digest algorithm " + algorithm));
        return Digest.of(algorithm, messageDigest(jca).digest(bytes));
    }

    public static byte[] sha256(byte[] bytes) {
        return messageDigest("SHA-256").digest(bytes);
    }

    /** The SHA-256 of everything {@code in} yields, read in blocks (artifacts may be large). */
    public static Digest sha256(InputStream in) throws IOException {
        MessageDigest sha256 = messageDigest("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
            sha256.update(buffer, 0, read);
        }
        return Digest.of("sha256", sha256.digest());
    }

    private static Optional<String> jcaName(String algorithm) {
        return switch (algorithm) {
            case "sha256" -> Optional.of("SHA-256");
            case "sha384" -> Optional.of("SHA-384");
            case "sha512" -> Optional.of("SHA-512");
            default -> Optional.empty();
        };
    }

    private static MessageDigest messageDigest(String jca) {
        try {
            return MessageDigest.getInstance(jca);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jca + " is required of every JVM", e);
        }
    }
}
