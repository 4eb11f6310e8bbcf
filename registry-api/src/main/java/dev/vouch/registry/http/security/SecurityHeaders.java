package dev.vouch.registry.http.security;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Headers every response carries, set before the handler runs so that errors carry them too:
 * {@code nosniff}; a CSP that lets nothing load or frame (the API serves data, and anything rendered
 * from it must not run); no caching of writes (their answers hold tokens and decisions). Errors get
 * {@code no-store} where they are written (see {@link #noStore}).
 *
 * <p>CORS: any origin may read; a browser may write only from the configured origins, and a preflight
 * from anywhere else gets no permission.
 */
public final class SecurityHeaders {

    public static final String CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static final Set<HandlerType> READS = Set.of(HandlerType.GET, HandlerType.HEAD);
    private static final String WRITE_METHODS = "POST, PATCH";
    private static final String REQUEST_HEADERS = "Authorization, Content-Type, X-Request-Id";
    private static final String EXPOSED = "X-Request-Id, Retry-After, ETag";

    private final List<String> writeOrigins;

    public SecurityHeaders(List<String> writeOrigins) {
        this.writeOrigins = List.copyOf(writeOrigins);
    }

    /**
     * Runs before every handler. A CORS preflight gets its grants here; the route's OPTIONS handler then
     * answers it (204 with {@code Allow}), and a preflight to a path that does not exist stays a 404.
     */
    public void apply(Context ctx) {
        if (READS.contains(ctx.method())) {
            readHeaders(ctx::header);
            return;
        }
        common(ctx::header);
        if (ctx.method() != HandlerType.OPTIONS) {
            noStore(ctx);
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        String requested = ctx.header("Access-Control-Request-Method");
        if (ctx.method() == HandlerType.OPTIONS && requested != null) {
            preflight(ctx, origin, requested);
        } else if (writeOrigins.contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Access-Control-Expose-Headers", EXPOSED);
            ctx.header("Vary", "Origin");
        }
    }

    /** The headers of every read's answer, given to {@code header} in order: also for reads answered before Javalin. */
    public static void readHeaders(BiConsumer<String, String> header) {
        common(header);
        header.accept("Access-Control-Allow-Origin", "*");
        header.accept("Access-Control-Expose-Headers", EXPOSED);
    }

    private static void common(BiConsumer<String, String> header) {
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Content-Security-Policy", CSP);
        header.accept("X-Frame-Options", "DENY");
        header.accept("Referrer-Policy", "no-referrer");
    }

    /** Marks a response as never to be stored by any cache. */
    public static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }

    private void preflight(Context ctx, String origin, String requested) {
        boolean read = "GET".equals(requested) || "HEAD".equals(requested);
        if (read) {
            ctx.header("Access-Control-Allow-Origin", "*");
            ctx.header("Access-Control-Allow-Methods", "GET, HEAD");
            ctx.header("Access-Control-Allow-Headers", "X-Request-Id, If-None-Match");
        } else if (writeOrigins.contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Access-Control-Allow-Methods", WRITE_METHODS);
            ctx.header("Access-Control-Allow-Headers", REQUEST_HEADERS);
            ctx.header("Vary", "Origin");
        }
        ctx.header("Access-Control-Max-Age", "600");
    }
}
