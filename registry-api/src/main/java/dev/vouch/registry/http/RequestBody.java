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

    private static HttpResponseException tooLarge(long limit) {
        return new HttpResponseException(413, "the request body is larger than " + limit + " bytes");
    }
}
