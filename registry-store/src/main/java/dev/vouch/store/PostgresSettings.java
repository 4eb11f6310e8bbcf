package dev.vouch.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a PostgreSQL database is and who connects to it. The password travels apart from the URL: a URL
 * ends up in process listings, shell history and logs, so one that carries a password is refused.
 *
 * @param jdbcUrl  a {@code jdbc:postgresql:} URL without credentials
 * @param user     the role to connect as, when the URL does not say
 * @param password the role's password, when the server asks for one
 */
public record PostgresSettings(String jdbcUrl, Optional<String> user, Optional<String> password) {

    public PostgresSettings {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL");
        }
    }

    /**
     * Reads {@code postgresql://[user@]host[:port]/database[?param=value&…]} (libpq's form, also
     * {@code postgres://}) or {@code jdbc:postgresql://…}.
     *
     * @throws IllegalArgumentException when the URL is not one of those, or names a password
     */
    public static PostgresSettings parse(String url, Optional<String> password) {
        String lower = url.toLowerCase(Locale.ROOT);
        String rest;
        if (lower.startsWith("jdbc:postgresql://")) {
            rest = url.substring("jdbc:postgresql://".length());
        } else if (lower.startsWith("postgresql://")) {
            rest = url.substring("postgresql://".length());
        } else if (lower.startsWith("postgres://")) {
            rest = url.substring("postgres://".length());
        } else {
            throw new IllegalArgumentException("the database URL must start with postgresql:// or jdbc:postgresql://");
        }
        URI uri;
        try {
            uri = new URI("postgresql://" + rest);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the database URL does not parse: " + e.getReason());
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("the database URL names no host");
        }
        String database = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (database.isEmpty()) {
            throw new IllegalArgumentException("the database URL names no database");
        }
        Optional<String> user = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            if (uri.getRawUserInfo().contains(":")) {
                throw new IllegalArgumentException(
                        "the database URL carries a password; give it in VOUCH_DATABASE_PASSWORD or a password file");
            }
            user = Optional.of(decode(uri.getRawUserInfo()));
        }
        List<String> parameters = new ArrayList<>();
        boolean namesUser = false;
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                String key = decode(parameter.split("=", 2)[0]).toLowerCase(Locale.ROOT);
                if (key.equals("password")) {
                    throw new IllegalArgumentException("the database URL carries a password; "
                            + "give it in VOUCH_DATABASE_PASSWORD or a password file");
                }
                if (key.equals("user") && (user.isPresent() || namesUser)) {
                    throw new IllegalArgumentException("the database URL names its user twice");
                }
                namesUser |= key.equals("user");
                if (!parameter.isEmpty()) {
                    parameters.add(parameter);
                }
            }
        }
        String authority = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        String jdbc = "jdbc:postgresql://" + authority + "/" + database
                + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
        return new PostgresSettings(jdbc, user, password);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The URL as it may be shown: it never holds the password. */
    @Override
    public String toString() {
        return jdbcUrl + user.map(u -> " as " + u).orElse("");
    }
}
