package dev.vouch.registry.web;

import dev.vouch.registry.domain.Digests;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Renders the precompiled jte templates (HTML content type: every value is escaped for where it
 * lands) and writes them with the pages' security headers. Public pages carry an ETag and answer a
 * matching {@code If-None-Match} with 304; a curator's pages are never stored.
 */
final class Pages {

    /**
     * No inline script or style, nothing from another origin: a value that slipped past escaping still
     * could not run. {@code connect-src 'self'} is for the search-as-you-type script.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    String render(String template, Object model) {
        StringOutput out = new StringOutput();
        engine.render(template, model, out);
        return out.toString();
    }

    void publicPage(Context ctx, String template, Object model) {
        String html = render(template, model);
        String etag = etag(html.getBytes(StandardCharsets.UTF_8));
        securityHeaders(ctx);
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", etag);
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    void privatePage(Context ctx, int status, String template, Object model) {
        String html = render(template, model);
        securityHeaders(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("text/html; charset=utf-8").result(html);
    }

    static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
    }

    static String etag(byte[] body) {
        return "\""
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(Digests.sha256(body))
                        .substring(0, 27) + "\"";
    }

    /** RFC 9110 weak comparison: a list of tags, each possibly W/-prefixed, or {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
