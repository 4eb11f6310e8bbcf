package dev.vouch.registry.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * One kept answer of {@link ReadCache}: its bytes, their strong ETag, and the route it answered (for the
 * access log and metrics when {@link CachedReads} serves it again). Its gzip form is made by the first
 * request that accepts gzip, then kept.
 */
final class CachedAnswer {

    /** Bodies smaller than this are sent as they are: gzip would save less than its own framing costs. */
    private static final int GZIP_MIN_BYTES = 1024;

    private static final String GZIP_ETAG_SUFFIX = "-gzip";

    private final byte[] body;
    private final String contentType;
    private final String etag;
    private final String cacheControl;
    private final String route;
    private volatile byte[] gzip;

    private CachedAnswer(byte[] body, String contentType, String etag, String cacheControl, String route) {
        this.body = body;
        this.contentType = contentType;
        this.etag = etag;
        this.cacheControl = cacheControl;
        this.route = route;
    }

    static CachedAnswer of(AnswerBytes answer, String contentType, String cacheControl, String route) {
        String etag = "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(answer.sha256()) + "\"";
        return new CachedAnswer(answer.bytes(), contentType, etag, cacheControl, route);
    }

    /** Counts the gzip form as if present: it is at most about the body's size, and weights are fixed. */
    int weight() {
        return 2 * body.length + 128;
    }

    String route() {
        return route;
    }

    /**
     * What to answer a request with these headers: 304 when its {@code If-None-Match} names this answer,
     * else the body, gzipped when accepted and worth it. Either way the ETag of the representation sent,
     * the Cache-Control and {@code Vary: Accept-Encoding}.
     */
    Reply reply(String acceptEncoding, String ifNoneMatch) {
        boolean gzipped = body.length >= GZIP_MIN_BYTES && acceptsGzip(acceptEncoding);
        String tag = gzipped ? etag.substring(0, etag.length() - 1) + GZIP_ETAG_SUFFIX + "\"" : etag;
        if (matches(ifNoneMatch)) {
            return new Reply(304, tag, cacheControl, contentType, false, null);
        }
        if (!gzipped) {
            return new Reply(200, tag, cacheControl, contentType, false, body);
        }
        byte[] compressed = gzip;
        if (compressed == null) {
            compressed = gzip(body);
            gzip = compressed;
        }
        return new Reply(200, tag, cacheControl, contentType, true, compressed);
    }

    void writeTo(Context ctx) {
        Reply reply = reply(ctx.header("Accept-Encoding"), ctx.header("If-None-Match"));
        ctx.header("ETag", reply.etag());
        ctx.header("Cache-Control", reply.cacheControl());
        ctx.header("Vary", "Accept-Encoding");
        if (reply.status() == 304) {
            ctx.status(304);
            return;
        }
        ctx.contentType(reply.contentType());
        if (reply.gzipped()) {
            ctx.header("Content-Encoding", "gzip");
        }
        ctx.result(reply.body());
    }

    /** An answer to one request: a status, its headers' values, and the body when it has one. */
    record Reply(int status, String etag, String cacheControl, String contentType, boolean gzipped, byte[] body) {}

    /** RFC 9110 weak comparison: either representation's tag, with or without W/, or *. */
    private boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.substring(1, etag.length() - 1);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
                if (tag.endsWith(GZIP_ETAG_SUFFIX)) {
                    tag = tag.substring(0, tag.length() - GZIP_ETAG_SUFFIX.length());
                }
                if (tag.equals(opaque)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return parts.length < 2 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
