package dev.vouch.registry.auth;

import dev.vouch.registry.domain.ServerName;

/**
 * A name pattern a token may write: {@code io.github.acme/*} (every server in a namespace),
 * {@code io.github.acme/weather} (one server) or {@code *} (every server).
 */
public record NamespaceGrant(String pattern) {

    public static final String EVERYTHING = "*";
    private static final String ANY_NAME = "/*";

    public NamespaceGrant {
        if (!isValid(pattern)) {
            throw new IllegalArgumentException("'" + pattern + "' is not a grant: use namespace/*, "
                    + "namespace/name or *");
        }
    }

    public static boolean isValid(String pattern) {
        if (EVERYTHING.equals(pattern)) {
            return true;
        }
        String candidate = pattern.endsWith(ANY_NAME)
                ? pattern.substring(0, pattern.length() - ANY_NAME.length()) + "/xx"
                : pattern;
        return ServerName.parse(candidate).name().isPresent();
    }

    public boolean covers(ServerName name) {
        if (EVERYTHING.equals(pattern)) {
            return true;
        }
        if (pattern.endsWith(ANY_NAME)) {
            return pattern.substring(0, pattern.length() - ANY_NAME.length()).equals(name.namespace());
        }
        return pattern.equals(name.toString());
    }
}
