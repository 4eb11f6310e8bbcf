package dev.vouch.registry.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A server name in the official reverse-DNS form {@code namespace/name}, such as
 * {@code io.github.acme/weather}.
 */
public record ServerName(String namespace, String name) {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 200;
    // The official registry's patterns for each half: a letter or digit at both ends, so neither half can
    // be "." or ".." (a path segment). Linear: no nested quantifiers.
    private static final Pattern NAMESPACE = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9.-]*[a-zA-Z0-9]");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]*[a-zA-Z0-9]");

    public ServerName {
        if (!NAMESPACE.matcher(namespace).matches() || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a server name: " + namespace + "/" + name);
        }
    }

    /** Parses {@code text}, or explains in one sentence why it is not a valid server name. */
    public static Parsed parse(String text) {
        if (text.length() < MIN_LENGTH || text.length() > MAX_LENGTH) {
            return Parsed.error("server name must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        int slash = text.indexOf('/');
        if (slash < 0 || slash != text.lastIndexOf('/')) {
            return Parsed.error("server name must contain exactly one '/' between namespace and name");
        }
        String namespace = text.substring(0, slash);
        String name = text.substring(slash + 1);
        if (!NAMESPACE.matcher(namespace).matches()) {
            return Parsed.error("namespace '" + namespace + "' must start and end with a letter or digit and may "
                    + "contain only letters, digits, '.' and '-'");
        }
        if (!NAME.matcher(name).matches()) {
            return Parsed.error("name '" + name + "' must start and end with a letter or digit and may contain "
                    + "only letters, digits, '.', '_' and '-'");
        }
        return new Parsed(Optional.of(new ServerName(namespace, name)), Optional.empty());
    }

    /** The result of {@link #parse}: a name or the reason there is none. */
    public record Parsed(Optional<ServerName> name, Optional<String> error) {
        static Parsed error(String reason) {
            return new Parsed(Optional.empty(), Optional.of(reason));
        }
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
