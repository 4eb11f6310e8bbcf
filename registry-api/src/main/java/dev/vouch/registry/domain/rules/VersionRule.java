package dev.vouch.registry.domain.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.registry.domain.ManifestRule;
import dev.vouch.registry.domain.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Versions, of the server and of each package, are exact: {@code latest} is reserved and ranges such
 * as {@code ^1.2.3}, {@code >=1.0}, {@code 1.x} or {@code 1 - 2} are refused.
 */
public final class VersionRule implements ManifestRule {

    static final String RESERVED = "latest";
    // Each alternative is anchored and free of nested quantifiers: linear on any input.
    private static final Pattern RANGE_OPERATOR = Pattern.compile("^\\s*(\\^|~|>|<|=|!=)");
    private static final Pattern WILDCARD_SEGMENT = Pattern.compile("(^|\\.)[xX*](\\.|$|-|\\+)");

    @Override
    public List<Violation> check(JsonNode manifest) {
        List<Violation> violations = new ArrayList<>();
        checkVersion(manifest.get("version"), "/version", violations);
        JsonNode packages = manifest.get("packages");
        if (packages != null && packages.isArray()) {
            for (int i = 0; i < packages.size(); i++) {
                checkVersion(packages.get(i).get("version"), "/packages/" + i + "/version", violations);
            }
        }
        return violations;
    }

    private static void checkVersion(JsonNode node, String pointer, List<Violation> violations) {
        if (node == null || !node.isTextual()) {
            return;
        }
        String version = node.asText();
        if (version.isBlank()) {
            violations.add(new Violation(pointer, "version must not be empty"));
        } else if (RESERVED.equalsIgnoreCase(version.trim())) {
            violations.add(new Violation(pointer, "'latest' is reserved; publish an exact version"));
        } else if (isRange(version)) {
            violations.add(new Violation(pointer, "'" + version + "' is a version range; publish an exact version"));
        }
    }

    static boolean isRange(String version) {
        return RANGE_OPERATOR.matcher(version).find()
                || version.contains("||")
                || version.contains(" - ")
                || WILDCARD_SEGMENT.matcher(version).find()
                || version.chars().anyMatch(Character::isWhitespace);
    }
}
