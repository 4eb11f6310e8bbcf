package dev.vouch.registry.http;

import dev.vouch.registry.http.observability.RequestTelemetry;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers a public read from {@link ReadCache}'s kept answer before the request reaches the servlet
 * layer and Javalin, whose per-request work (servlet request wrappers, session handling, routing,
 * before-handlers) cost several times what answering from memory does. Everything else passes on.
 *
 * <p>Such an answer carries what the same answer from Javalin carries: the request id, the security and
 * CORS headers of a read, ETag, Cache-Control, {@code Vary}, 304 to a matching {@code If-None-Match},
 * gzip when accepted; and it is counted and logged like any other. Only a GET whose raw path and query
 * were answered before, under the current catalog generation, is answered here, so it went through
 * every check once (the connector's limits on URI and header sizes apply to every request, here too).
 */
final class CachedReads extends Handler.Wrapper {

    private final ReadCache reads;
    private final RequestTelemetry telemetry;
    private final AtomicLong answered = new AtomicLong();

    CachedReads(ReadCache reads, RequestTelemetry telemetry) {
        this.reads = reads;
        this.telemetry = telemetry;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long started = System.nanoTime();
        CachedAnswer kept = keptFor(request);
        if (kept == null) {
            return super.handle(request, response, callback);
        }
        HttpFields headers = request.getHeaders();
        CachedAnswer.Form form = kept.form(headers.get(HttpHeader.ACCEPT_ENCODING));
        boolean notModified = kept.notModified(headers.get(HttpHeader.IF_NONE_MATCH));
        String id = RequestTelemetry.requestId(headers.get(RequestTelemetry.REQUEST_ID_HEADER));
        int status = notModified ? 304 : 200;
        HttpFields.Mutable out = response.getHeaders();
        out.add(RequestTelemetry.REQUEST_ID_HEADER, id);
        // The rest were encoded once for this answer: nothing in them depends on the request.
        out.add(notModified ? form.notModified() : form.ok());
        response.setStatus(status);
        answered.incrementAndGet();
        // Logged before the answer is sent, as Javalin logs its own: a caller that has the answer finds its line.
        telemetry.completeEarly(
                kept.route(),
                status,
                Duration.ofNanos(System.nanoTime() - started),
                id,
                Request.getRemoteAddr(request));
        response.write(true, notModified ? null : ByteBuffer.wrap(form.body()), callback);
        return true;
    }

    /** How many requests were answered here; for tests. */
    long answered() {
        return answered.get();
    }

    private CachedAnswer keptFor(Request request) {
        if (!HttpMethod.GET.is(request.getMethod())) {
            return null;
        }
        HttpURI uri = request.getHttpURI();
        String path = uri.getPath();
        if (path == null || !(path.startsWith("/v0/") || path.startsWith("/v0.1/"))) {
            return null;
        }
        long generation = reads.generation();
        CachedAnswer kept = reads.kept(generation, ReadCache.target(path, uri.getQuery()));
        if (kept == null) {
            // Javalin computes the answer under the generation missed here, not a later one: a write since
            // then keys the answer under that write's. (Only on a miss: attributes cost a map per request.)
            request.setAttribute(ReadCache.GENERATION_ATTRIBUTE, generation);
        }
        return kept;
    }
}
