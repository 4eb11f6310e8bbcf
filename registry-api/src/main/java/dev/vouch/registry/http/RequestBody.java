package dev.vouch.registry.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body with a hard size limit, whether or not the client declared its length: a
 * client cannot make the registry buffer more than {@code limit} bytes.
 */
final class RequestBody {

    private RequestBody() {
    }

    static byte[] read(Context ctx, long limit) {
        requireUtf8(ctx.header("Content-Type"));
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw tooLarge(limit);
            }
            return bytes;
        } catch (IOException e) {
            throw new HttpResponseException(400, "the request body could not be read");
        }
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
                    throw new HttpResponseException(415, "request bodies must be UTF-8 JSON; charset "
                            + (charset.length() > 40 ? charset.substring(0, 40) + "…" : charset) + " is not accepted");
                }
            }
        }
    }

    private static HttpResponseException tooLarge(long limit) {
        return new HttpResponseException(413, "the request body is larger than " + limit + " bytes");
    }
}
