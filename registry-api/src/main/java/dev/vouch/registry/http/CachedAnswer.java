package dev.vouch.registry.http;

import dev.vouch.registry.http.security.SecurityHeaders;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * One kept answer of {@link ReadCache}: its bytes, their strong ETag, and the route it answered (for the
 * access log and metrics when {@link CachedReads} serves it again). Its gzip form is made by the first
 * request that accepts gzip, then kept. Each form also keeps the headers {@link CachedReads} sends with
 * it, encoded once, since they are the same for every request but its id.
 *
 * <p>A list page comes as parts, its entries' shared arrays ({@link AnswerBytes}). The requests that
 * compute it write the parts as they are ({@link PartsWriter}), so a page asked once or twice is never
 * copied whole; the first request served from the kept answer makes it one array, so that each later
 * one is a single write from memory, as before pages came in parts.
 */
final class CachedAnswer {

    /** Bodies smaller than this are sent as they are: gzip would save less than its own framing costs. */
    private static final int GZIP_MIN_BYTES = 1024;

    private static final String GZIP_ETAG_SUFFIX = "-gzip";
    private static final Pattern NO_QUALITY = Pattern.compile("q=0(\\.0*)?");

    /** The security and CORS headers of every read, in the order Javalin's answer has them. */
    private static final HttpFields READ_HEADERS = readHeaders();

    private final AnswerBytes body;
    private final String contentType;
    private final String etag;
    private final String cacheControl;
    private final String route;
    private final Form identity;
    /** The identity form in one array: the identity form itself when it is one, else made when first kept. */
    private volatile Form whole;

    private volatile Form gzip;

    private CachedAnswer(AnswerBytes body, String contentType, String etag, String cacheControl, String route) {
        this.body = body;
        this.contentType = contentType;
        this.etag = etag;
        this.cacheControl = cacheControl;
        this.route = route;
        this.identity = form(body.parts(), body.length(), etag, false);
        this.whole = identity.inOneArray() ? identity : null;
    }

    static CachedAnswer of(AnswerBytes answer, String contentType, String cacheControl, String route) {
        String etag = "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(answer.sha256()) + "\"";
        return new CachedAnswer(answer, contentType, etag, cacheControl, route);
    }

    /**
     * Counts the gzip form as if present (it is at most about the body's size, and weights are fixed), and a
     * page in parts twice: its parts keep their entries' arrays alive after the entry cache lets them go,
     * beside the one array {@link #keptForm} makes of them.
     */
    int weight() {
        return (identity.inOneArray() ? 2 : 3) * body.length() + 128;
    }

    String route() {
        return route;
    }

    /**
     * One representation of the answer: its bytes (one array, or parts written one after another), their
     * length, its ETag, and the headers (after the request id) of its 200 and of a 304, as {@link
     * CachedReads} sends them.
     */
    record Form(List<byte[]> body, int length, String etag, boolean gzipped, HttpFields ok, HttpFields notModified) {
        /** Whether the body is one array. */
        boolean inOneArray() {
            return body.size() == 1;
        }
    }

    /**
     * The representation to send the request that computed this answer, with this {@code
     * Accept-Encoding}: gzip when accepted and worth it, else the bytes as they came (a list page's parts).
     */
    Form form(String acceptEncoding) {
        return wantsGzip(acceptEncoding) ? gzipForm() : identity;
    }

    /** As {@link #form}, for a request served from the kept answer: always in one array, made by the first. */
    Form keptForm(String acceptEncoding) {
        if (wantsGzip(acceptEncoding)) {
            return gzipForm();
        }
        Form one = whole;
        if (one == null) {
            one = form(List.of(body.bytes()), body.length(), etag, false);
            whole = one;
        }
        return one;
    }

    private boolean wantsGzip(String acceptEncoding) {
        return body.length() >= GZIP_MIN_BYTES && acceptsGzip(acceptEncoding);
    }

    private Form gzipForm() {
        Form compressed = gzip;
        if (compressed == null) {
            String tag = etag.substring(0, etag.length() - 1) + GZIP_ETAG_SUFFIX + "\"";
            byte[] gzipped = gzip(body.parts(), body.length());
            compressed = form(List.of(gzipped), gzipped.length, tag, true);
            gzip = compressed;
        }
        return compressed;
    }

    /**
     * What to answer a request with these headers: 304 when its {@code If-None-Match} names this answer,
     * else the body, gzipped when accepted and worth it. Either way the ETag of the representation sent,
     * the Cache-Control and {@code Vary: Accept-Encoding}.
     */
    Reply reply(String acceptEncoding, String ifNoneMatch) {
        Form form = keptForm(acceptEncoding);
        if (notModified(ifNoneMatch)) {
            return new Reply(304, form.etag(), cacheControl, contentType, false, null);
        }
        return new Reply(
                200,
                form.etag(),
                cacheControl,
                contentType,
                form.gzipped(),
                form.body().get(0));
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
    boolean notModified(String ifNoneMatch) {
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

    /** The headers of one representation, in the order Javalin's answer has them. */
    private Form form(List<byte[]> parts, int length, String tag, boolean gzipped) {
        HttpFields.Mutable notModified = HttpFields.build()
                .add(READ_HEADERS)
                .add(new PreEncodedHttpField(HttpHeader.ETAG, tag))
                .add(new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, cacheControl))
                .add(new PreEncodedHttpField(HttpHeader.VARY, HttpHeader.ACCEPT_ENCODING.asString()));
        HttpFields.Mutable ok =
                HttpFields.build().add(notModified).add(new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, contentType));
        if (gzipped) {
            ok.add(new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip"));
        }
        ok.add(new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, length));
        return new Form(parts, length, tag, gzipped, ok.asImmutable(), notModified.asImmutable());
    }

    private static HttpFields readHeaders() {
        HttpFields.Mutable fields = HttpFields.build();
        SecurityHeaders.readHeaders((name, value) -> fields.add(new PreEncodedHttpField(name, value)));
        return fields.asImmutable();
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return parts.length < 2
                        || !NO_QUALITY.matcher(parts[1].replace(" ", "")).matches();
            }
        }
        return false;
    }

    private static byte[] gzip(List<byte[]> parts, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            for (byte[] part : parts) {
                gzip.write(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
