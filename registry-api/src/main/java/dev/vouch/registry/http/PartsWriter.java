package dev.vouch.registry.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Writes an answer given as parts (a list page's entries and the framing between them) through one
 * pooled direct buffer of the connector, filled and written as often as the answer needs: no array of
 * the whole answer is made, and the kernel reads the buffer directly, where a heap array is first
 * copied by the JDK into a direct one of its own. Each write but the last waits, so this runs on a worker.
 */
final class PartsWriter {

    /** The connector's pool keeps buffers up to this size; a 150 KB page is three writes. */
    private static final int BUFFER_BYTES = 64 * 1024;

    private PartsWriter() {}

    /** Writes {@code parts} as the whole body, then completes {@code callback}; blocks until written. */
    static void write(Request request, Response response, List<byte[]> parts, Callback callback) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        RetainableByteBuffer pooled =
                request.getComponents().getByteBufferPool().acquire(Math.min(length, BUFFER_BYTES), true);
        try {
            ByteBuffer buffer = pooled.getByteBuffer();
            int left = length;
            for (byte[] part : parts) {
                int from = 0;
                while (from < part.length) {
                    int position = BufferUtil.flipToFill(buffer);
                    int count = Math.min(buffer.remaining(), part.length - from);
                    buffer.put(part, from, count);
                    BufferUtil.flipToFlush(buffer, position);
                    from += count;
                    left -= count;
                    if (BufferUtil.space(buffer) == 0 || left == 0) {
                        flush(response, left == 0, buffer);
                    }
                }
            }
            if (length == 0) {
                flush(response, true, buffer);
            }
            callback.succeeded();
        } catch (IOException failure) {
            callback.failed(failure);
        } finally {
            pooled.release();
        }
    }

    private static void flush(Response response, boolean last, ByteBuffer buffer) throws IOException {
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(last, buffer, written);
            written.block();
        }
        BufferUtil.clear(buffer);
    }
}
