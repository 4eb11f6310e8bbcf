package dev.vouch.registry.auth;

import dev.vouch.registry.domain.ServerName;

/**
 * A name pattern a token may write: {@code io.github.acme/*} (every server in a namespace),
 * {@code io.github.acme/weather} (one server), {@code com.example.*} (every server in every
 * sub-namespace, which DNS proof of a domain grants, as the official registry does) or {@code *}
 * (every server).
 */
public record NamespaceGrant(String pattern) {

    public static final String EVERYTHING = "*";
    private static final String ANY_NAME = "/*";
    private static final String ANY_SUBNAMESPACE = ".*";

    public NamespaceGrant {
        if (!isValid(pattern)) {
            throw new IllegalArgumentException(
                    "'" + pattern + "' is not a grant: use namespace/*, " + "namespace/name or *");
        }
    }

    public static boolean isValid(String pattern) {
        if (EVERYTHING.equals(pattern)) {
            return true;
        }
        if (pattern.endsWith(ANY_SUBNAMESPACE) && pattern.indexOf('/') < 0) {
            String parent = pattern.substring(0, pattern.length() - ANY_SUBNAMESPACE.length());
            return !parent.isEmpty()
                    && !parent.startsWith(".")
                    && ServerName.parse(parent + ".xx/xx").name().isPresent();
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
        if (pattern.endsWith(ANY_SUBNAMESPACE) && pattern.indexOf('/') < 0) {
            return name.namespace().startsWith(pattern.substring(0, pattern.length() - 1));
        }
        if (pattern.endsWith(ANY_NAME)) {
            return pattern.substring(0, pattern.length() - ANY_NAME.length()).equals(name.namespace());
        }
        return pattern.equals(name.toString());
    }
}
