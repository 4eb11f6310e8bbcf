package dev.vouch.scanner.checks;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.vouch.scanner.Family;
import dev.vouch.scanner.Finding;
import dev.vouch.scanner.Severity;
import dev.vouch.scanner.intent.EncodedSpans;
import dev.vouch.scanner.match.AsciiRuns;
import java.util.ArrayList;
import java.util.List;

/**
 * Secrets written in base64, as configuration carries them: a registry config's {@code auth}, a Kubernetes secret's
 * data, a service account's key file passed as one variable, an HTTP Basic header. Each base64 run long enough to hold
 * a credential that decodes to printable ASCII is returned decoded, for the secret rules to read where the run sits;
 * what is a secret only by where it stands (a Basic header's or a registry config's password, a URL's, a value under a
 * key-like name) is a finding of this class. Text decoded to words is read by the rules and the instruction check
 * already ({@code EncodedSpans}); this reads every field, values and manifests too, and only for secrets.
 */
public final class EncodedSecrets {

    /** Twelve bytes: the shortest password worth reporting with a user name, and less than any token the rules know. */
    private static final int MIN_RUN = 16;

    private static final int MAX_RUN = 16_384;

    private EncodedSecrets() {}

    /** The base64 runs of {@code text} that decode to printable ASCII, first to last. */
    public static List<EncodedSpans.Decoded> find(String text) {
        List<EncodedSpans.Decoded> found = List.of();
        int i = 0;
        while ((i = AsciiRuns.nextBase64Run(text, i, MIN_RUN)) >= 0) {
            int end = AsciiRuns.base64RunEnd(text, i);
            int padded = AsciiRuns.base64PaddingEnd(text, end);
            String decoded = end - i <= MAX_RUN ? printable(text, i, end) : null;
            if (decoded != null) {
                if (found.isEmpty()) {
                    found = new ArrayList<>(1);
                }
                found.add(new EncodedSpans.Decoded(i, padded, "base64", decoded));
            }
            i = padded;
        }
        return found;
    }

    /**
     * What is a secret in a run of {@code text} by where it stands: the password of a Basic header ("Authorization:
     * Basic YWRtaW46WHk3I3BRMnZMbTkhelI=") or of a registry config's {@code auth} unless it is a placeholder
     * ("username:password"), a URL's, and a value a decoded configuration holds under a key-like name
     * ({"client_secret": "…"}), read as {@link SecretValueCheck} reads a schema's. A configuration passed in base64
     * holds its {@code auth} in base64 again: the runs of a decoding are read once more.
     */
    public static List<Finding> credentials(String text, EncodedSpans.Decoded decoded, String pointer) {
        List<Finding> found = new ArrayList<>(0);
        credentials(text, decoded, pointer, decoded.where(), found);
        for (EncodedSpans.Decoded inner : find(decoded.text())) {
            credentials(decoded.text(), inner, pointer, decoded.where() + inner.where(), found);
        }
        return found;
    }

    private static void credentials(
            String text, EncodedSpans.Decoded decoded, String pointer, String where, List<Finding> found) {
        int colon = decoded.text().indexOf(':');
        String password = colon > 0 ? decoded.text().substring(colon + 1) : "";
        if (password.length() >= 6
                && password.indexOf(' ') < 0
                && !SecretValueCheck.isPlaceholder(password)
                && holdsUserAndPassword(text, decoded.start())) {
            found.add(new Finding(
                    "VR-SECRET-BASIC",
                    Family.SECRET,
                    Severity.BLOCK,
                    pointer,
                    where + "the user '" + decoded.text().substring(0, colon) + "' and the password "
                            + SecretValueCheck.mask(password)));
        }
        SecretValueCheck.urlCredentials(decoded.text(), pointer, where).ifPresent(found::add);
        // A decoded configuration names its secrets as a tool's schema does: {"client_secret": "…"}.
        if (decoded.text().indexOf('"') >= 0) {
            Matcher pair = JSON_STRING_PAIR.matcher(decoded.text());
            while (pair.find()) {
                if (SecretValueCheck.isSecretUnder(pair.group(1), pair.group(2))) {
                    found.add(SecretValueCheck.underKey(pair.group(1), pair.group(2), pointer, where));
                }
            }
        }
    }

    /** {@code "key": "value"} in JSON, escapes in the value left as written. */
    private static final Pattern JSON_STRING_PAIR =
            Pattern.compile("\"([\\w.-]+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * What {@code text[from, to)} decodes to, as standard base64 or as its URL-safe form (never both), when every byte
     * is printable ASCII or a line break; otherwise null. Checked byte by byte before anything is made: a word or a
     * name read as base64 fails at its first bytes ("list_repository_branches" decodes to 0x96 first). A key file's
     * JSON writes its line breaks escaped ("-----BEGIN PRIVATE KEY-----\nMIIE…"): they are read as the line breaks
     * they stand for.
     */
    private static String printable(String text, int from, int to) {
        if ((to - from) % 4 == 1 || !decodes(text, from, to, null)) {
            return null;
        }
        StringBuilder decoded = new StringBuilder((to - from) * 3 / 4);
        decodes(text, from, to, decoded);
        return decoded.toString().replace("\\n", "\n");
    }

    /**
     * Whether {@code text[from, to)} is base64 of one alphabet whose bytes are all printable, appending them to {@code
     * into} when it is not null. The bits a run holds beyond its last whole byte are its padding.
     */
    private static boolean decodes(String text, int from, int to, StringBuilder into) {
        boolean standard = false;
        boolean urlSafe = false;
        int bits = 0;
        int held = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            standard |= c == '+' || c == '/';
            urlSafe |= c == '-' || c == '_';
            bits = (bits << 6) | sextet(c);
            held += 6;
            if (held >= 8) {
                held -= 8;
                int b = (bits >> held) & 0xff;
                if ((b < 0x20 || b > 0x7e) && b != '\n' && b != '\r' && b != '\t') {
                    return false;
                }
                if (into != null) {
                    into.append((char) b);
                }
            }
        }
        return !(standard && urlSafe);
    }

    /** The six bits a character of either alphabet stands for ({@code +} and {@code -} alike, {@code /} and {@code _}). */
    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' || c == '-' ? 62 : 63;
    }

    /** Whether the run at {@code start} of {@code text} follows "Basic " or is the value of a JSON key "auth". */
    private static boolean holdsUserAndPassword(String text, int start) {
        return USER_AND_PASSWORD_BEFORE
                .matcher(text.substring(Math.max(0, start - 32), start))
                .find();
    }

    private static final Pattern USER_AND_PASSWORD_BEFORE = Pattern.compile("(?i)(\\bbasic +|\"auth\" *: *\")$");
}
