package dev.vouch.registry.web;

import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.http.ApiServer;
import dev.vouch.registry.http.QueryParameters;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The fields of a page's form post: {@code application/x-www-form-urlencoded} alone, which is all the pages'
 * forms send, read from the body the server read under its limits ({@link ApiServer#FORM_BODY}) with the same
 * reader as a query string. Anything else (multipart above all, which the servlet layer would spool to disk) is
 * refused as a bad request.
 */
final class Form {

    /** The pages' forms send two or three fields; a post with many more is no form of theirs. */
    private static final int MAX_FIELDS = 16;

    private static final String URL_ENCODED = "application/x-www-form-urlencoded";

    private final QueryParameters fields;

    private Form(QueryParameters fields) {
        this.fields = fields;
    }

    static Form of(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(URL_ENCODED)) {
            throw new InvalidRequestException("a form must be sent as " + URL_ENCODED);
        }
        byte[] body = ctx.attribute(ApiServer.FORM_BODY);
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        if (text.chars().filter(c -> c == '&').count() >= MAX_FIELDS) {
            throw new InvalidRequestException("a form may hold at most " + MAX_FIELDS + " fields");
        }
        return new Form(QueryParameters.parse(text)
                .orElseThrow(() -> new InvalidRequestException("the form is not valid URL-encoded text")));
    }

    /** The field's value, or empty when the form lacks it. */
    String field(String name) {
        String value = fields.get(name);
        return value == null ? "" : value;
    }
}
