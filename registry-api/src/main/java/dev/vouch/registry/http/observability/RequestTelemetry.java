package dev.vouch.registry.http.observability;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.vouch.registry.domain.PublishRejectedException;
import dev.vouch.registry.domain.RegistryException;
import dev.vouch.registry.observability.Metrics;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Per request: an id (the caller's {@code X-Request-Id} when it is a sane token, else a new UUID),
 * echoed in the response; on completion, one metrics sample and one JSON access-log line with the id,
 * method, route template, status, duration, client address and principal id. Never a header value, a
 * query string or a body: nothing a caller sends as a secret reaches the log.
 */
public final class RequestTelemetry {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String STARTED = "vouch.started";
    private static final String REQUEST_ID = "vouch.requestId";
    private static final String PRINCIPAL = "vouch.principal";
    private static final String SCAN_VERDICT = "vouch.scanVerdict";
    private static final JsonStringEncoder ESCAPE = JsonStringEncoder.getInstance();

    private final Metrics metrics;
    private final AccessLog log;

    public RequestTelemetry(Metrics metrics, AccessLog log) {
        this.metrics = metrics;
        this.log = log;
    }

    /** Runs first on every request. */
    public void begin(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
        String id = requestId(ctx.header(REQUEST_ID_HEADER));
        ctx.attribute(REQUEST_ID, id);
        ctx.header(REQUEST_ID_HEADER, id);
    }

    /**
     * The caller's request id when it is a sane token, else a new random UUID. An id correlates lines and
     * answers, it guards nothing, so it comes from a thread's own generator, not from the shared and
     * synchronised {@code SecureRandom} that {@code UUID.randomUUID()} takes on every request.
     */
    public static String requestId(String offered) {
        if (offered != null && SANE_ID.matcher(offered).matches()) {
            return offered;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // Version 4, IETF variant, as randomUUID() makes them.
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    /**
     * The metrics sample and access-log line of a read answered before it reached Javalin (a kept answer
     * served again): the same as {@link #complete} writes for any other request.
     */
    public void completeEarly(String route, int status, Duration took, String requestId, String client) {
        metrics.request("GET", route, status, took);
        log.write(accessLine(requestId, "GET", route, status, took, client, null));
    }

    /** Runs once the response is written (Javalin's request logger). */
    public void complete(Context ctx, Float millis) {
        Long started = ctx.attribute(STARTED);
        Duration took = started == null
                ? Duration.ofNanos((long) (millis * 1_000_000))
                : Duration.ofNanos(System.nanoTime() - started);
        String route = route(ctx);
        int status = ctx.statusCode();
        String method = ctx.method().name();
        metrics.request(method, route, status, took);
        if (ctx.method() == HandlerType.POST && route.endsWith("/publish")) {
            metrics.publish(publishOutcome(status));
            String verdict = ctx.attribute(SCAN_VERDICT);
            if (verdict != null) {
                metrics.scanVerdict(verdict);
            }
        }
        log.write(accessLine(
                ctx.attribute(REQUEST_ID), method, route, status, took, clientAddress(ctx), ctx.attribute(PRINCIPAL)));
    }

    /**
     * The access-log line, appended as text (it is written for every request), each string JSON-escaped;
     * the duration in milliseconds to the microsecond.
     */
    static String accessLine(
            String requestId, String method, String route, int status, Duration took, String client, String principal) {
        StringBuilder line = new StringBuilder(256).append("{\"time\":\"");
        LogTime.appendIso(line, Instant.now());
        line.append("\",");
        field(line, "requestId", requestId).append(',');
        field(line, "method", method).append(',');
        field(line, "route", route).append(',');
        line.append("\"status\":").append(status).append(',');
        long micros = took.toNanos() / 1_000;
        line.append("\"durationMs\":").append(micros / 1_000).append('.');
        LogTime.appendDigits(line, micros % 1_000, 3).append(',');
        field(line, "client", client);
        if (principal != null) {
            field(line.append(','), "principal", principal);
        }
        return line.append('}').toString();
    }

    private static StringBuilder field(StringBuilder line, String name, String value) {
        line.append('"').append(name).append("\":\"");
        String text = value == null ? "" : value;
        if (plain(text)) {
            line.append(text);
        } else {
            ESCAPE.quoteAsString(text, line);
        }
        return line.append('"');
    }

    /** Whether JSON needs no escape in {@code text}: the usual case (ids, templates, addresses), checked first. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Runs for every domain failure: a rejected publish still has a scanner verdict to count. */
    public void failed(Context ctx, RegistryException e) {
        if (e instanceof PublishRejectedException rejected) {
            scanVerdict(ctx, rejected.report().path("scan").path("verdict").asText());
        }
    }

    /** Names who acted, for the access log: a token id, never its secret. */
    public static void principal(Context ctx, String principalId) {
        ctx.attribute(PRINCIPAL, principalId);
    }

    /** The scanner's verdict on this request's publish, for the verdict counter. */
    public static void scanVerdict(Context ctx, String verdict) {
        if (verdict != null && !verdict.isEmpty()) {
            ctx.attribute(SCAN_VERDICT, verdict);
        }
    }

    public static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        return id == null ? "-" : id;
    }

    /**
     * The connecting address. Deliberately not {@code X-Forwarded-For}, which any client can write: rate
     * limits keyed on it would be limits the client picks.
     */
    public static String clientAddress(Context ctx) {
        return ctx.req().getRemoteAddr();
    }

    /** The template of the route a request matched ("unmatched" when none), as metrics and the log name it. */
    public static String route(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    private static String publishOutcome(int status) {
        return switch (status) {
            case 200 -> "published";
            case 202 -> "pending";
            case 422 -> "rejected";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 409 -> "conflict";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            default -> status >= 500 ? "error" : "invalid";
        };
    }
}
