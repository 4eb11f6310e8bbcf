package dev.vouch.registry.domain.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.zafarkhaja.semver.Version;
import dev.vouch.registry.domain.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Versions, of the server and of each package, are exact: {@code latest} is reserved and ranges such
 * as {@code ^1.2.3}, {@code >=1.0}, {@code 1.x} or {@code 1 - 2} are refused. No version can name a
 * path segment ({@code /}, {@code \}, {@code .}, {@code ..}): versions are URL path parameters. A
 * server version is letters, digits and {@code . + _ -}, starting with a letter or digit but not with a
 * {@code v} before a digit; one that looks like semver ({@code N.N.N…}) must be valid semver, so
 * {@code 1.0.00} cannot sit beside {@code 1.0.0}. Package versions follow their ecosystem (Go's
 * {@code v1.2.3}, PEP 440's {@code 1.0.00}) and only the path rules apply to them.
 */
public final class VersionRule implements ManifestRule {

    static final String RESERVED = "latest";
    // Each alternative is anchored and free of nested quantifiers: linear on any input.
    private static final Pattern RANGE_OPERATOR = Pattern.compile("^\\s*(\\^|~|>|<|=|!=)");
    private static final Pattern WILDCARD_SEGMENT = Pattern.compile("(^|\\.)[xX*](\\.|$|-|\\+)");
    private static final Pattern SERVER_VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]*");
    private static final Pattern V_PREFIX = Pattern.compile("[vV][0-9].*");
    private static final Pattern SEMVER_LIKE = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+([-+].*)?");

    @Override
    public List<Violation> check(JsonNode manifest) {
        List<Violation> violations = new ArrayList<>();
        checkVersion(manifest.get("version"), "/version", true, violations);
        JsonNode packages = manifest.get("packages");
        if (packages != null && packages.isArray()) {
            for (int i = 0; i < packages.size(); i++) {
                checkVersion(packages.get(i).get("version"), "/packages/" + i + "/version", false, violations);
            }
        }
        return violations;
    }

    private static void checkVersion(JsonNode node, String pointer, boolean server, List<Violation> violations) {
        if (node == null || !node.isTextual()) {
            return;
        }
        String version = node.asText();
        Optional<String> problem = problem(version, server);
        problem.ifPresent(message -> violations.add(new Violation(pointer, message)));
    }

    private static Optional<String> problem(String version, boolean server) {
        if (version.isBlank()) {
            return Optional.of("version must not be empty");
        }
        if (RESERVED.equalsIgnoreCase(version.trim())) {
            return Optional.of("'latest' is reserved; publish an exact version");
        }
        if (isRange(version)) {
            return Optional.of("'" + version + "' is a version range; publish an exact version");
        }
        if (version.indexOf('/') >= 0
                || version.indexOf('\\') >= 0
                || version.equals(".")
                || version.equals("..")
                || version.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("a version cannot contain '/', '\\\\' or control characters, nor be '.' or '..'");
        }
        if (!server) {
            return Optional.empty();
        }
        if (!SERVER_VERSION.matcher(version).matches()) {
            return Optional.of("a server version starts with a letter or digit and contains only letters, digits, "
                    + "'.', '+', '_' and '-'");
        }
        if (V_PREFIX.matcher(version).matches()) {
            return Optional.of(
                    "'" + version + "': publish the version without its leading 'v' (" + version.substring(1) + ")");
        }
        if (SEMVER_LIKE.matcher(version).matches()
                && Version.tryParse(version, true).isEmpty()) {
            return Optional.of("'" + version + "' looks like semver but is not valid semver (no leading zeros, "
                    + "no empty pre-release or build identifiers)");
        }
        return Optional.empty();
    }

    static boolean isRange(String version) {
        return RANGE_OPERATOR.matcher(version).find()
                || version.contains("||")
                || version.contains(" - ")
                || WILDCARD_SEGMENT.matcher(version).find()
                || version.chars().anyMatch(Character::isWhitespace);
    }
}
