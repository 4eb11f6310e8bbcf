package dev.vouch.registry.http;

import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * Writes an answer given as parts (a list page's entries and the framing between them) through one
 * pooled direct buffer of the connector, filled and written as often as the answer needs: no array of
 * the whole answer is made, and the kernel reads the buffer directly, where a heap array would first be
 * copied by the JDK into a direct one of its own. It never waits (each write continues from the
 * previous one's completion), so it may run on the thread that read the request.
 */
final class PartsWriter extends IteratingCallback {

    /** The connector's pool keeps buffers up to this size; a 150 KB page is three writes. */
    static final int BUFFER_BYTES = 64 * 1024;

    private final Response response;
    private final List<byte[]> parts;
    private final Callback callback;
    private final RetainableByteBuffer pooled;
    private int part;
    private int from;
    private boolean lastWritten;

    private PartsWriter(Request request, Response response, List<byte[]> parts, int length, Callback callback) {
        this.response = response;
        this.parts = parts;
        this.callback = callback;
        this.pooled =
                request.getComponents().getByteBufferPool().acquire(Math.max(1, Math.min(length, BUFFER_BYTES)), true);
    }

    /** Writes {@code parts}, {@code length} bytes in all, as the whole body, then completes {@code callback}. */
    static void write(Request request, Response response, List<byte[]> parts, int length, Callback callback) {
        new PartsWriter(request, response, parts, length, callback).iterate();
    }

    @Override
    protected Action process() {
        if (lastWritten) {
            return Action.SUCCEEDED;
        }
        ByteBuffer buffer = pooled.getByteBuffer();
        BufferUtil.clear(buffer);
        int position = BufferUtil.flipToFill(buffer);
        while (part < parts.size() && buffer.hasRemaining()) {
            byte[] bytes = parts.get(part);
            int count = Math.min(buffer.remaining(), bytes.length - from);
            buffer.put(bytes, from, count);
            from += count;
            if (from == bytes.length) {
                part++;
                from = 0;
            }
        }
        BufferUtil.flipToFlush(buffer, position);
        lastWritten = part == parts.size();
        response.write(lastWritten, buffer, this);
        return Action.SCHEDULED;
    }

    @Override
    protected void onCompleted(Throwable failure) {
        // Only here is the buffer certainly no longer being written from.
        pooled.release();
        if (failure == null) {
            callback.succeeded();
        } else {
            callback.failed(failure);
        }
    }

    /** Filling the buffer and starting a write never block, so completions may run on the selector. */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }
}
