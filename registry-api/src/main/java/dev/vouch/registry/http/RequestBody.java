package dev.vouch.registry.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;

/**
 * Reads request bodies under the server's {@link HttpLimits}: at most {@code maxBodyBytes}, whether or
 * not the client declared its length; complete within the body read deadline; and at most half the
 * worker pool reading at once, so clients that trickle their bodies cannot take every thread.
 */
final class RequestBody {

    private static final int CHUNK = 16 * 1024;

    private final HttpLimits limits;
    private final Semaphore readers;

    RequestBody(HttpLimits limits) {
        this.limits = limits;
        this.readers = new Semaphore(limits.maxConcurrentBodyReads());
    }

    byte[] read(Context ctx) {
        requireUtf8(ctx.header("Content-Type"));
        requireNoContentCoding(ctx);
        long limit = limits.maxBodyBytes();
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        if (!readers.tryAcquire()) {
            throw new HttpResponseException(503, "too many request bodies are arriving at once; retry shortly");
        }
        try (InputStream in = ctx.bodyInputStream()) {
            return readWithin(
                    in, limit, System.nanoTime() + limits.bodyReadTimeout().toNanos());
        } catch (IOException e) {
            throw timedOut(e) ? bodyTimeout() : new HttpResponseException(400, "the request body could not be read");
        } finally {
            readers.release();
        }
    }

    /** Reads up to {@code limit} bytes; each blocking read is bounded by the idle timeout, the whole by the deadline. */
    private byte[] readWithin(InputStream in, long limit, long deadline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        while (true) {
            int n = in.read(chunk, 0, (int) Math.min(chunk.length, limit + 1 - out.size()));
            if (n < 0) {
                return out.toByteArray();
            }
            out.write(chunk, 0, n);
            if (out.size() > limit) {
                throw tooLarge(limit);
            }
            if (System.nanoTime() - deadline > 0) {
                throw bodyTimeout();
            }
        }
    }

    private HttpResponseException bodyTimeout() {
        return new HttpResponseException(
                408,
                "the request body did not arrive within "
                        + limits.bodyReadTimeout().toSeconds() + " seconds");
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** A body declared in another charset is refused before it is read: bodies are UTF-8 only. */
    private static void requireUtf8(String contentType) {
        if (contentType == null) {
            return;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                String charset = pair[1].trim().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    throw new HttpResponseException(
                            415, "request bodies must be UTF-8 JSON; charset " + shown(charset) + " is not accepted");
                }
            }
        }
    }

    /**
     * A body sent gzip- or otherwise content-encoded is refused before it is read (RFC 9110, 15.5.16: 415, with the
     * codings accepted in {@code Accept-Encoding}): read as it came, its compressed bytes failed as JSON that is not
     * there, and decompressing it would read a few kilobytes out to more than the size limit.
     */
    private static void requireNoContentCoding(Context ctx) {
        String coding = ctx.header("Content-Encoding");
        if (coding == null || coding.isBlank() || coding.trim().equalsIgnoreCase("identity")) {
            return;
        }
        ctx.header("Accept-Encoding", "identity");
        throw new HttpResponseException(
                415,
                "request bodies are not content-encoded; Content-Encoding " + shown(coding.strip())
                        + " is not accepted");
    }

    /** A header's value as a refusal quotes it: the client wrote it, so at most its first 40 characters. */
    private static String shown(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static HttpResponseException tooLarge(long limit) {
        return new HttpResponseException(413, "the request body is larger than " + limit + " bytes");
    }
}
