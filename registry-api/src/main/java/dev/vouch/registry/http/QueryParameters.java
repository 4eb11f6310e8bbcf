package dev.vouch.registry.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A raw query string, or a URL-encoded form body (the same encoding), read as Javalin reads a query for
 * {@code ctx.queryParam}: split at {@code &}, then at the
 * first {@code =}, each side URL-decoded as UTF-8 ({@code +} is a space), a name without {@code =} has the
 * empty value, names are case-sensitive and the first value of a repeated name counts. {@link CachedReads}
 * computes listing pages from it, so they must see the very parameters Javalin's handler would.
 */
public final class QueryParameters {

    private final Map<String, String> first;

    private QueryParameters(Map<String, String> first) {
        this.first = first;
    }

    /** The parameters of a raw query string (null for none), or empty when it is not valid URL encoding. */
    public static Optional<QueryParameters> parse(String rawQuery) {
        Map<String, String> first = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.of(new QueryParameters(first));
        }
        try {
            int at = 0;
            while (at <= rawQuery.length()) {
                int end = rawQuery.indexOf('&', at);
                if (end < 0) {
                    end = rawQuery.length();
                }
                int equals = rawQuery.indexOf('=', at);
                boolean valued = equals >= 0 && equals < end;
                String name = decode(rawQuery.substring(at, valued ? equals : end));
                String value = valued ? decode(rawQuery.substring(equals + 1, end)) : "";
                first.putIfAbsent(name, value);
                at = end + 1;
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new QueryParameters(first));
    }

    /** The first value of this parameter, or null when the query does not name it. */
    public String get(String name) {
        return first.get(name);
    }

    private static String decode(String text) {
        return text.indexOf('%') < 0 && text.indexOf('+') < 0 ? text : URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
