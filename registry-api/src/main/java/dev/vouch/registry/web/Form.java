package dev.vouch.registry.web;

import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.http.ApiServer;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of a page's form post: {@code application/x-www-form-urlencoded} alone, which is all the pages'
 * forms send, parsed from the body the server read under its limits ({@link ApiServer#FORM_BODY}). Anything
 * else (multipart above all, which the servlet layer would spool to disk) is refused as a bad request.
 */
final class Form {

    /** The pages' forms send two or three fields; a post with many more is no form of theirs. */
    private static final int MAX_FIELDS = 16;

    private static final String URL_ENCODED = "application/x-www-form-urlencoded";

    private final Map<String, String> fields;

    private Form(Map<String, String> fields) {
        this.fields = fields;
    }

    static Form of(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(URL_ENCODED)) {
            throw new InvalidRequestException("a form must be sent as " + URL_ENCODED);
        }
        byte[] body = ctx.attribute(ApiServer.FORM_BODY);
        return parse(body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    static Form parse(String body) {
        Map<String, String> fields = new HashMap<>();
        if (body.isEmpty()) {
            return new Form(fields);
        }
        String[] pairs = body.split("&", MAX_FIELDS + 2);
        if (pairs.length > MAX_FIELDS) {
            throw new InvalidRequestException("a form may hold at most " + MAX_FIELDS + " fields");
        }
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            fields.putIfAbsent(name, value);
        }
        return new Form(fields);
    }

    /** The field's value, or empty when the form lacks it. */
    String field(String name) {
        return fields.getOrDefault(name, "");
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("the form is not valid URL-encoded text");
        }
    }
}
