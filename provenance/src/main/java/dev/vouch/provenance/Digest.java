package dev.vouch.provenance;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A content digest such as {@code sha256:ab12…}. Algorithms are compared by name, so npm's
 * {@code sha512}-only provenance subjects match as well as OCI's {@code sha256} ones.
 */
public record Digest(String algorithm, String hex) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
    private static final Map<String, Integer> HEX_LENGTHS =
            Map.of("sha1", 40, "sha256", 64, "sha384", 96, "sha512", 128);

    public Digest {
        algorithm = algorithm.toLowerCase(Locale.ROOT);
        hex = hex.toLowerCase(Locale.ROOT);
        Integer length = HEX_LENGTHS.get(algorithm);
        if (length == null) {
            throw new IllegalArgumentException("unsupported digest algorithm " + algorithm);
        }
        if (hex.length() != length || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException(algorithm + " digest must be " + length + " hex characters");
        }
    }

    /** Parses {@code algorithm:hex}. */
    public static Digest parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("digest must look like sha256:<hex>");
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    public static Digest of(String algorithm, byte[] bytes) {
        return new Digest(algorithm, HexFormat.of().formatHex(bytes));
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
