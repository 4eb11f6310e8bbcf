package dev.vouch.registry.http;

import dev.vouch.registry.http.observability.RequestTelemetry;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers public reads in front of the servlet layer and Javalin, whose per-request work (servlet request
 * wrappers, session handling, routing, before-handlers, copying the answer through a servlet stream) cost
 * several times what answering does: a kept answer of {@link ReadCache}; and a {@code /servers} page
 * (a list, a search, the feed) that is not kept, computed as Javalin's handler computes it and written
 * once from its one array. Everything else, and a page that fails, goes on to Javalin.
 *
 * <p>Such an answer carries what the same answer from Javalin carries: the request id, the security and
 * CORS headers of a read, ETag, Cache-Control, {@code Vary}, 304 to a matching {@code If-None-Match},
 * gzip when accepted; and it is counted and logged like any other. Only a GET whose raw path and query
 * were answered before, under the current catalog generation, is answered from a kept answer, so it went
 * through every check once (the connector's limits on URI and header sizes apply to every request, here
 * too); a listing page's query is read as Javalin reads it ({@link QueryParameters}).
 */
final class CachedReads extends Handler.Wrapper {

    /** The listing routes answered here even when nothing is kept, each its own route template. */
    private static final Set<String> LISTINGS =
            ApiServer.API_PREFIXES.stream().map(prefix -> prefix + "/servers").collect(Collectors.toUnmodifiableSet());

    private static final String JSON = "application/json";
    private static final Logger LOG = LoggerFactory.getLogger(CachedReads.class);

    private final ReadCache reads;
    private final RequestTelemetry telemetry;
    private final Function<Function<String, String>, AnswerBytes> listPage;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong computed = new AtomicLong();

    /**
     * @param listPage the page of {@code /servers} for a request's query parameters, as Javalin's handler
     *     computes it
     */
    CachedReads(ReadCache reads, RequestTelemetry telemetry, Function<Function<String, String>, AnswerBytes> listPage) {
        this.reads = reads;
        this.telemetry = telemetry;
        this.listPage = listPage;
    }

    /**
     * Blocking: Jetty calls {@link #handle} on a worker. A non-blocking handler, answering kept reads on
     * the thread that read the request, served them with half the CPU, but under Jetty 12.1.12 and
     * 12.1.14 a request head Jetty refuses (431, too large) while others are read let one connection's
     * bytes into another's request buffer: requests parsed with a second {@code Host} header, or
     * refused as too large for bytes they never sent ({@code ProblemResponsesTest}; a bare Jetty does the
     * same, {@code JettyBufferMix}).
     */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            answer(request, response, callback);
        } catch (Throwable failure) {
            // Javalin answers its own failures; one that escapes it is a bug, logged and answered as a 500.
            LOG.error(
                    "unhandled failure on {} {}",
                    request.getMethod(),
                    request.getHttpURI().getPath(),
                    failure);
            Response.writeError(request, response, callback, failure);
        }
        return true;
    }

    private void answer(Request request, Response response, Callback callback) throws Exception {
        long started = System.nanoTime();
        HttpURI uri = request.getHttpURI();
        String path = uri.getPath();
        if (!HttpMethod.GET.is(request.getMethod())
                || path == null
                || !(path.startsWith("/v0/") || path.startsWith("/v0.1/"))) {
            onward(request, response, callback);
            return;
        }
        long generation = reads.generation();
        String target = ReadCache.target(path, uri.getQuery());
        CachedAnswer kept = reads.kept(generation, target);
        if (kept != null) {
            answered.incrementAndGet();
            answer(kept, true, request, response, callback, started);
            return;
        }
        CachedAnswer computed = LISTINGS.contains(path) ? listing(request, generation, target, path) : null;
        if (computed != null) {
            answer(computed, false, request, response, callback, started);
            return;
        }
        // Javalin computes the answer under the generation missed here, not a later one: a write since
        // then keys the answer under that write's. (Only on a miss: attributes cost a map per request.)
        request.setAttribute(ReadCache.GENERATION_ATTRIBUTE, generation);
        onward(request, response, callback);
    }

    /** The servlet layer and Javalin; a request nothing there takes is a 404, as the server would answer. */
    private void onward(Request request, Response response, Callback callback) throws Exception {
        if (!super.handle(request, response, callback)) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
        }
    }

    /** Sends {@code answer}, as kept ({@code fromCache}) or as the request computed it. */
    private void answer(
            CachedAnswer answer,
            boolean fromCache,
            Request request,
            Response response,
            Callback callback,
            long started) {
        HttpFields headers = request.getHeaders();
        String acceptEncoding = headers.get(HttpHeader.ACCEPT_ENCODING);
        CachedAnswer.Form form = fromCache ? answer.keptForm(acceptEncoding) : answer.form(acceptEncoding);
        boolean notModified = answer.notModified(headers.get(HttpHeader.IF_NONE_MATCH));
        String id = RequestTelemetry.requestId(headers.get(RequestTelemetry.REQUEST_ID_HEADER));
        int status = notModified ? 304 : 200;
        HttpFields.Mutable out = response.getHeaders();
        out.add(RequestTelemetry.REQUEST_ID_HEADER, id);
        // The rest were encoded once for this answer: nothing in them depends on the request.
        out.add(notModified ? form.notModified() : form.ok());
        response.setStatus(status);
        // Logged before the answer is sent, as Javalin logs its own: a caller that has the answer finds its line.
        telemetry.completeEarly(
                answer.route(),
                status,
                Duration.ofNanos(System.nanoTime() - started),
                id,
                Request.getRemoteAddr(request));
        if (notModified || form.inOneArray()) {
            // The answer's one array goes to the connection as it is: no copy through a servlet stream.
            response.write(
                    true, notModified ? null : ByteBuffer.wrap(form.body().get(0)), callback);
        } else {
            // A list page: its entries' own arrays, none copied into one answer (AnswerBytes).
            PartsWriter.write(request, response, form.body(), form.length(), callback);
        }
    }

    /** How many requests were answered from a kept answer here; for tests. */
    long answered() {
        return answered.get();
    }

    /** How many listing pages were computed and answered here, none kept; for tests. */
    long computed() {
        return computed.get();
    }

    /**
     * A listing page computed here, as Javalin's handler would compute it, or null to let Javalin answer:
     * when the query cannot be read or the page fails, Javalin computes it again and answers the failure
     * as it answers every failure (problem+json, in one place). Failures are a caller's mistakes (a bad
     * limit or cursor, refused before the store is read) or a store that does not answer, rare enough
     * that the second attempt costs nothing that matters.
     */
    private CachedAnswer listing(Request request, long generation, String target, String path) {
        // Javalin decodes a query in the charset a Content-Type names: such a rare GET is left to it.
        Optional<QueryParameters> query = request.getHeaders().contains(HttpHeader.CONTENT_TYPE)
                ? Optional.empty()
                : QueryParameters.parse(request.getHttpURI().getQuery());
        if (query.isEmpty()) {
            return null;
        }
        try {
            CachedAnswer page = reads.answer(
                    generation,
                    target,
                    ReadCache.Freshness.LISTING,
                    JSON,
                    path,
                    () -> listPage.apply(query.get()::get));
            computed.incrementAndGet();
            return page;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
