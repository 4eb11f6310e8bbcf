package dev.vouch.scanner.checks;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.vouch.scanner.Family;
import dev.vouch.scanner.Finding;
import dev.vouch.scanner.Severity;
import dev.vouch.scanner.input.FieldKind;
import dev.vouch.scanner.match.CaseFolding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Family 10, the secrets no fixed format catches: high-entropy values under key-like names (an
 * environment variable {@code API_TOKEN} with a value, a schema default for {@code password}), and
 * credentials embedded in URLs.
 */
public final class SecretValueCheck implements FieldCheck {

    private static final Pattern KEY_LIKE = Pattern.compile(
            "(?i)(secret|token|passw(or)?d|passwd|pwd|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret"
                    + "|auth[_-]?(token|key)|credential|bearer|signing[_-]?key|session[_-]?key)");
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)(your|example|sample|placeholder|changeme|change[_-]me|dummy|redacted|xxxx|\\*\\*\\*|<|>|\\{|\\}|\\$|%|test|fake|insert|replace|^(password|passwd|pass|pwd|secret|user|username|pw|token)$)");
    // Keys that name where a secret is, not the secret: a path, a variable name, a format.
    private static final Pattern NOT_A_VALUE = Pattern.compile(
            "(?i)(path|file|dir|url|uri|name|id|type|format|hint|env|var|variable|header|length|size|expir\\w*)$");
    private static final Pattern URL_CREDENTIALS =
            Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^\\s:/@]{1,64}:([^\\s:/@]{3,128})@[^\\s/]+");
    private static final int MIN_LENGTH = 16;
    private static final double MIN_ENTROPY = 3.5;

    @Override
    public List<Finding> check(ScannedField scanned) {
        // Made at the first finding: nearly every field has none.
        List<Finding> findings = List.of();
        String text = scanned.normalized().text();
        String key = scanned.field().key();
        boolean isName = scanned.field().kind() == FieldKind.PROPERTY_NAME
                || scanned.field().kind() == FieldKind.NAME;
        if (key != null && !isName && isSecretUnder(key, text)) {
            findings = new ArrayList<>(2);
            findings.add(underKey(key, text, scanned.field().pointer(), ""));
        }
        Optional<Finding> url = urlCredentials(text, scanned.field().pointer(), "");
        if (url.isPresent()) {
            if (findings.isEmpty()) {
                findings = new ArrayList<>(1);
            }
            findings.add(url.get());
        }
        return findings;
    }

    /** Whether {@code value}, under the name {@code key}, is a secret: the name says so and the value looks like one. */
    static boolean isSecretUnder(String key, String value) {
        return mayNameASecret(key)
                && KEY_LIKE.matcher(key).find()
                && !NOT_A_VALUE.matcher(key).find()
                && looksSecret(value);
    }

    static Finding underKey(String key, String value, String pointer, String prefix) {
        return new Finding(
                "VR-SECRET-ENTROPY",
                Family.SECRET,
                Severity.BLOCK,
                pointer,
                prefix + "high-entropy value under the key-like name '" + key + "': " + mask(value));
    }

    /** The finding on a URL in {@code text} that carries a password ("https://deploy:s3cr3t@host/"), if one does. */
    static Optional<Finding> urlCredentials(String text, String pointer, String prefix) {
        // The matcher only for texts that can hold a URL with credentials: nearly none do.
        if (!text.contains("://") || text.indexOf('@') <= 0) {
            return Optional.empty();
        }
        Matcher url = URL_CREDENTIALS.matcher(text);
        if (!url.find() || isPlaceholder(url.group(1))) {
            return Optional.empty();
        }
        return Optional.of(new Finding(
                "VR-SECRET-URL",
                Family.SECRET,
                Severity.BLOCK,
                pointer,
                prefix + "credentials embedded in a URL: " + mask(url.group())));
    }

    /** "changeme", {@code <password>}, "${TOKEN}": a value that stands for a secret and is none. */
    static boolean isPlaceholder(String value) {
        return PLACEHOLDER.matcher(value).find();
    }

    /** A cheap filter before the key-name pattern: the words every secret-naming key contains one of. */
    private static boolean mayNameASecret(String key) {
        String lower = CaseFolding.lower(key);
        return lower.contains("secret")
                || lower.contains("token")
                || lower.contains("pass")
                || lower.contains("pwd")
                || lower.contains("key")
                || lower.contains("credential")
                || lower.contains("bearer")
                || lower.contains("auth");
    }

    static boolean looksSecret(String value) {
        if (value.length() < MIN_LENGTH || value.length() > 4096 || value.indexOf(' ') >= 0) {
            return false;
        }
        if (isPlaceholder(value) || value.startsWith("http") || isWords(value)) {
            return false;
        }
        return entropy(value) >= MIN_ENTROPY;
    }

    /** Lower-case words joined by separators ("max_tokens_per_request"): an identifier, not a secret. */
    private static boolean isWords(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z') && c != '_' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** Shannon entropy in bits per character. */
    static double entropy(String value) {
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double entropy = 0;
        double length = value.length();
        for (int count : counts) {
            if (count > 0) {
                double p = count / length;
                entropy -= p * Math.log(p) / Math.log(2);
            }
        }
        if (other > 0) {
            double p = other / length;
            entropy -= p * Math.log(p) / Math.log(2);
        }
        return entropy;
    }

    /** Enough of a secret to recognise it, never enough to use it. */
    static String mask(String secret) {
        return secret.length() <= 8 ? "****" : secret.substring(0, 4) + "…" + "(" + secret.length() + " chars)";
    }
}
