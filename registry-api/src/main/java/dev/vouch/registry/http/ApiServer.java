package dev.vouch.registry.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.openapi.OpenApiDocument;
import dev.vouch.registry.VouchVersion;
import dev.vouch.registry.auth.TokenService;
import dev.vouch.registry.auth.exchange.TokenExchangeService;
import dev.vouch.registry.catalog.CatalogService;
import dev.vouch.registry.curation.CurationService;
import dev.vouch.registry.domain.JsonMappers;
import dev.vouch.registry.domain.RateLimitedException;
import dev.vouch.registry.domain.RegistryException;
import dev.vouch.registry.domain.rules.ManifestValidator;
import dev.vouch.registry.export.ExportService;
import dev.vouch.registry.http.limits.RateLimiter;
import dev.vouch.registry.http.limits.RequestGuard;
import dev.vouch.registry.http.observability.RequestTelemetry;
import dev.vouch.registry.http.security.SecurityHeaders;
import dev.vouch.registry.mirror.MirrorSources;
import dev.vouch.registry.observability.Metrics;
import dev.vouch.registry.observability.Readiness;
import dev.vouch.registry.publish.PublishService;
import dev.vouch.registry.snapshot.SnapshotService;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP face of the registry: every route of every API version, registered in one place. */
public final class ApiServer implements AutoCloseable {

    /** API versions served; {@code /v0} is kept as an alias of the current official version. */
    public static final List<String> API_PREFIXES = List.of("/v0", "/v0.1");

    public static final long DEFAULT_MAX_BODY_BYTES = HttpLimits.DEFAULT_MAX_BODY_BYTES;

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String PROBLEM_WRITTEN = "vouch.problem-written";
    private static final String PAGE = "vouch.page";
    /**
     * The body of a page's form post, read under the server's limits before the page's handler runs (bytes; see
     * {@link Pages}).
     */
    public static final String FORM_BODY = "vouch.form-body";

    /** One route: method, path and handler. The list of them is what the OpenAPI test checks. */
    public record Route(HandlerType method, String path, Handler handler) {}

    /**
     * What the server is made of beside the domain services: token exchange, the runtime exports, the
     * snapshot signer, metrics, readiness, the web pages, and how it behaves on the wire (limits, rate
     * limits, CORS, access log, drain).
     */
    public record Parts(
            TokenExchangeService exchange,
            ExportService exports,
            SnapshotService snapshots,
            MirrorSources mirrorSources,
            Metrics metrics,
            Readiness readiness,
            Pages pages,
            HttpOptions options) {}

    /**
     * Pages served beside the API (the web catalog): their routes, registered with the API's in one
     * place but not API routes (not in {@link #routes()}, not in the OpenAPI document), and how a page
     * shows a domain failure (as HTML, where an API route answers a problem), and what they prepare once
     * the server is listening (reading the catalog ahead of the first page, off the start's path). A page's
     * POST gets its body read as the API's are, under the same size limit, deadline and share of the workers, and
     * finds it in the {@link #FORM_BODY} attribute: a form parsed by the servlet layer (multipart above all)
     * escaped all three.
     */
    public record Pages(List<Route> routes, BiConsumer<Context, RegistryException> failure, Runnable afterStart) {
        public Pages {
            routes = List.copyOf(routes);
        }
    }

    private final Javalin app;
    private final List<Route> routes;
    private final Readiness readiness;
    private final Runnable afterStart;
    private final CachedReads cachedReads;

    private ApiServer(
            Javalin app, List<Route> routes, Readiness readiness, Runnable afterStart, CachedReads cachedReads) {
        this.app = app;
        this.routes = routes;
        this.readiness = readiness;
        this.afterStart = afterStart;
        this.cachedReads = cachedReads;
    }

    /** Builds the server over the given services; {@link #start} binds it. */
    public static ApiServer create(
            PublishService publisher,
            CatalogService catalog,
            CurationService curation,
            TokenService tokens,
            Parts parts) {
        ObjectMapper mapper = JsonMappers.forHttp();
        // One body reader for every handler: its limits and its share of the worker pool are server-wide.
        RequestBody body = new RequestBody(parts.options().limits());
        // Public reads are answered from bytes cached per catalog generation: moved at once by this
        // process's writes, and within the poll interval by another node's or the CLI's.
        ReadCache reads =
                new ReadCache(mapper, catalog.followChanges(parts.options().changePoll()));
        RequestTelemetry telemetry =
                new RequestTelemetry(parts.metrics(), parts.options().accessLog());
        RegistryHandlers handlers = new RegistryHandlers(
                catalog,
                publisher,
                curation,
                tokens,
                new ServerJson(mapper, parts.mirrorSources()),
                reads,
                parts.exports(),
                body);
        // Kept answers, and listing pages, are served in front of the servlet layer and Javalin.
        CachedReads cachedReads = new CachedReads(reads, telemetry, handlers::listPage);
        List<Route> routes = routes(
                catalog,
                parts,
                handlers,
                new AuthHandlers(parts.exchange(), body),
                new SnapshotHandlers(parts.snapshots(), catalog));
        Javalin app = Javalin.create(config -> configure(config, mapper, routes, parts, telemetry, cachedReads, body));
        return new ApiServer(app, routes, parts.readiness(), parts.pages().afterStart(), cachedReads);
    }

    /** Loads and initialises the HTTP stack's classes without binding a port, ahead of a start. */
    public static void warmUp() {
        Javalin.create(config -> config.startup.showJavalinBanner = false);
    }

    /** Every API route this server registered (the pages are not API routes): what the OpenAPI document lists. */
    public List<Route> routes() {
        return routes;
    }

    private static List<Route> routes(
            CatalogService catalog,
            Parts parts,
            RegistryHandlers handlers,
            AuthHandlers auth,
            SnapshotHandlers snapshots) {
        List<Route> routes = new ArrayList<>();
        for (String v : API_PREFIXES) {
            routes.add(new Route(HandlerType.GET, v + "/servers", handlers::listServers));
            routes.add(new Route(HandlerType.GET, v + "/servers/{serverName}/versions", handlers::listVersions));
            routes.add(
                    new Route(HandlerType.GET, v + "/servers/{serverName}/versions/{version}", handlers::getVersion));
            routes.add(new Route(
                    HandlerType.GET, v + "/servers/{serverName}/versions/{version}/report", handlers::report));
            routes.add(new Route(
                    HandlerType.GET, v + "/servers/{serverName}/versions/{version}/server.json", snapshots::manifest));
            routes.add(new Route(
                    HandlerType.PATCH,
                    v + "/servers/{serverName}/versions/{version}/status",
                    handlers::changeVersionStatus));
            routes.add(new Route(HandlerType.PATCH, v + "/servers/{serverName}/status", handlers::changeServerStatus));
            routes.add(new Route(HandlerType.POST, v + "/publish", handlers::publish));
            routes.add(new Route(HandlerType.GET, v + "/curation/pending", handlers::pending));
            routes.add(new Route(HandlerType.GET, v + "/curation/mirror/rejected", handlers::mirrorRejected));
            routes.add(new Route(
                    HandlerType.GET,
                    v + "/curation/servers/{serverName}/versions/{version}/report",
                    handlers::pendingReport));
            routes.add(new Route(
                    HandlerType.POST,
                    v + "/curation/servers/{serverName}/versions/{version}/approve",
                    handlers::approve));
            routes.add(new Route(
                    HandlerType.POST,
                    v + "/curation/servers/{serverName}/versions/{version}/reject",
                    handlers::reject));
            routes.add(new Route(HandlerType.POST, v + "/auth/github-oidc", auth::githubOidc));
            routes.add(new Route(HandlerType.POST, v + "/auth/oidc", auth::oidc));
            routes.add(new Route(HandlerType.POST, v + "/auth/http", auth::http));
            routes.add(new Route(HandlerType.POST, v + "/auth/dns", auth::dns));
            routes.add(new Route(HandlerType.POST, v + "/auth/none", auth::none));
            routes.add(new Route(HandlerType.GET, v + "/snapshot", snapshots::snapshot));
            routes.add(new Route(HandlerType.GET, v + "/export/docker-catalog.yaml", handlers::dockerCatalog));
            routes.add(new Route(HandlerType.GET, v + "/health", ctx -> health(ctx, catalog)));
            routes.add(new Route(HandlerType.GET, v + "/ready", ctx -> ready(ctx, parts.readiness())));
            routes.add(new Route(HandlerType.GET, v + "/version", ApiServer::version));
        }
        routes.add(new Route(HandlerType.GET, "/.well-known/vouch-registry-key", snapshots::publicKeyPem));
        routes.add(new Route(HandlerType.GET, "/.well-known/vouch-registry-key.jwks", snapshots::publicKeyJwks));
        routes.add(new Route(HandlerType.GET, "/openapi.yaml", ApiServer::openApi));
        routes.add(new Route(HandlerType.GET, "/metrics", ctx -> metrics(ctx, parts.metrics())));
        return List.copyOf(routes);
    }

    private static void configure(
            JavalinConfig config,
            ObjectMapper mapper,
            List<Route> routes,
            Parts parts,
            RequestTelemetry telemetry,
            CachedReads cachedReads,
            RequestBody body) {
        HttpOptions options = parts.options();
        HttpLimits limits = options.limits();
        config.jsonMapper(new JavalinJackson(mapper, false));
        config.startup.showJavalinBanner = false;
        jetty(config, mapper, options, cachedReads);

        // Before every handler, in this order: the request id and timer (so every later refusal is logged
        // and counted), the security and CORS headers (so every answer carries them, errors included),
        // then the guard (readiness and rate limits for writes).
        SecurityHeaders headers = new SecurityHeaders(options.corsWriteOrigins());
        RequestGuard guard =
                new RequestGuard(new RateLimiter(options.rateLimits()), parts.readiness(), parts.metrics());
        config.requestLogger.http(telemetry::complete);
        // A page is marked before the guard runs, so that its refusals (503, 429) are rendered as pages too.
        List<Route> pages = parts.pages().routes().stream()
                .map(route -> route.method() == HandlerType.POST ? withFormBody(route, body) : route)
                .toList();
        config.routes.before(telemetry::begin);
        config.routes.before(headers::apply);
        pages.forEach(route -> config.routes.before(route.path(), ctx -> ctx.attribute(PAGE, true)));
        config.routes.before(guard::before);

        // Every route in one place: the API's, then the pages'.
        Stream.concat(routes.stream(), pages.stream())
                .forEach(route -> config.routes.addHttpHandler(route.method(), route.path(), route.handler()));
        // OPTIONS answers which methods a path takes (a CORS preflight too: SecurityHeaders added its
        // grants before); an unknown path stays a 404.
        Map<String, Set<String>> methods = new LinkedHashMap<>();
        Stream.concat(routes.stream(), pages.stream())
                .forEach(route -> methods.computeIfAbsent(route.path(), p -> new TreeSet<>())
                        .add(route.method().name()));
        methods.forEach((path, allowed) -> config.routes.addHttpHandler(
                HandlerType.OPTIONS,
                path,
                ctx -> ctx.header("Allow", allow(allowed)).status(204)));

        // The one exception mapping: domain failures, HTTP-level refusals, and anything else as a 500.
        config.routes.exception(RegistryException.class, (e, ctx) -> {
            guard.failed(ctx, e);
            telemetry.failed(ctx, e);
            Problem problem = ProblemMapping.of(e);
            if (e instanceof RateLimitedException limited) {
                ctx.header(
                        "Retry-After",
                        Long.toString(Math.max(1, limited.retryAfter().toSeconds())));
            }
            retryAfterUnavailable(ctx, problem.status());
            if (ctx.attribute(PAGE) != null) {
                parts.pages().failure().accept(ctx, e);
            } else {
                problem(ctx, problem);
            }
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 405) {
                ctx.header(
                        "Allow",
                        allow(methods.entrySet().stream()
                                .filter(entry -> matches(entry.getKey(), ctx.path()))
                                .flatMap(entry -> entry.getValue().stream())
                                .collect(Collectors.toCollection(TreeSet::new))));
            }
            problem(ctx, ProblemMapping.of(e));
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled failure on {} {}", ctx.method(), ctx.path(), e);
            problem(ctx, ProblemMapping.internalError());
        });
        // Error handlers run after exception mappers too: they must not overwrite a problem already written,
        // nor a page's own HTML answer (its 404 page names what was not found).
        config.routes.error(404, ctx -> {
            if (ctx.attribute(PROBLEM_WRITTEN) == null && !isHtml(ctx)) {
                problem(ctx, ProblemMapping.notFound(ctx.path()));
            }
        });
        config.routes.error(413, ctx -> {
            if (ctx.attribute(PROBLEM_WRITTEN) == null) {
                problem(ctx, ProblemMapping.payloadTooLarge(limits.maxBodyBytes()));
            }
        });
    }

    /** A page's form post with its body read first, as {@link Pages} says. */
    private static Route withFormBody(Route route, RequestBody body) {
        return new Route(route.method(), route.path(), ctx -> {
            ctx.attribute(FORM_BODY, body.read(ctx));
            route.handler().handle(ctx);
        });
    }

    /** The connection level: limits, URI rules, Jetty's own errors as problems, and a draining stop. */
    private static void jetty(JavalinConfig config, ObjectMapper mapper, HttpOptions options, CachedReads cachedReads) {
        HttpLimits limits = options.limits();
        config.http.maxRequestSize = limits.maxBodyBytes();
        config.http.prefer405over404 = true;
        QueuedThreadPool pool = new QueuedThreadPool(limits.maxThreads(), Math.min(8, limits.maxThreads()));
        pool.setName("vouch-http");
        config.jetty.threadPool = pool;
        // A request that sends nothing for this long fails, also while a handler blocks reading its body.
        config.jetty.modifyHttpConfiguration(
                http -> http.setIdleTimeout(limits.idleTimeout().toMillis()));
        // ... and one that completes no request in that time, however it trickles its headers, is closed.
        config.jetty.modifyServer(server -> StalledConnections.watch(server, limits.idleTimeout()));
        // Server names arrive URL-encoded ("io.github.acme%2Fweather"): allow the encoded slash.
        config.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(UriCompliance.DEFAULT.with(
                "vouch",
                UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING)));
        config.jetty.modifyServletContextHandler(
                handler -> handler.getServletHandler().setDecodeAmbiguousURIs(true));
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems(mapper)));
        config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JettyProblems(mapper)));
        // A stop lets requests in flight finish (up to the drain timeout) while new connections are refused.
        config.jetty.modifyServer(server -> {
            server.setStopTimeout(options.drainTimeout().toMillis());
            // Javalin puts its servlet context inside the innermost wrapper, behind the kept answers.
            server.setHandler(new GracefulHandler(cachedReads));
            // Handlers are fixed once started: none is added or swapped while requests run.
            server.setDynamic(false);
        });
    }

    private static void problem(Context ctx, Problem problem) {
        ctx.attribute(PROBLEM_WRITTEN, true);
        SecurityHeaders.noStore(ctx);
        retryAfterUnavailable(ctx, problem.status());
        ctx.status(problem.status()).json(problem).contentType(Problem.CONTENT_TYPE);
    }

    /** Every 503 is a "not now" (the body-reader share, readiness, an unreadable policy): say when to retry. */
    private static void retryAfterUnavailable(Context ctx, int status) {
        if (status == 503 && ctx.res().getHeader("Retry-After") == null) {
            ctx.header("Retry-After", "1");
        }
    }

    private static boolean isHtml(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("text/html");
    }

    private static String allow(Set<String> methods) {
        TreeSet<String> all = new TreeSet<>(methods);
        all.add("OPTIONS");
        return String.join(", ", all);
    }

    /**
     * Whether a request path fits a route path whose {param} segments match any one segment and whose
     * trailing &lt;param&gt; segment matches the rest of the path (a page's server name keeps its slash).
     */
    private static boolean matches(String routePath, String requestPath) {
        String[] route = routePath.split("/", -1);
        String[] request = requestPath.split("/", -1);
        boolean rest = route[route.length - 1].startsWith("<");
        if (rest ? request.length < route.length : route.length != request.length) {
            return false;
        }
        for (int i = 0; i < route.length - (rest ? 1 : 0); i++) {
            if (!(route[i].startsWith("{") || route[i].equals(request[i]))) {
                return false;
            }
        }
        return true;
    }

    private static void health(Context ctx, CatalogService catalog) {
        if (!catalog.isHealthy()) {
            throw new IllegalStateException("the store did not answer");
        }
        ctx.json(Map.of("status", "ok"));
    }

    private static void ready(Context ctx, Readiness readiness) {
        readiness.requireReady();
        ctx.json(Map.of("status", "ready"));
    }

    private static void metrics(Context ctx, Metrics metrics) {
        ctx.contentType(Metrics.CONTENT_TYPE).result(metrics.scrape());
    }

    private static void version(Context ctx) {
        ctx.json(Map.of(
                "version", VouchVersion.current(),
                "apiVersions", API_PREFIXES.stream().map(p -> p.substring(1)).toList(),
                "serverSchema", ManifestValidator.SUPPORTED_SCHEMA));
    }

    private static void openApi(Context ctx) {
        ctx.contentType("application/yaml").result(OpenApiDocument.yaml());
    }

    public ApiServer start(String host, int port) {
        app.start(host, port);
        afterStart.run();
        return this;
    }

    /** How many reads were answered from kept answers before reaching Javalin; for tests. */
    long earlyAnswers() {
        return cachedReads.answered();
    }

    /** How many listing pages were computed and answered before reaching Javalin; for tests. */
    long earlyListings() {
        return cachedReads.computed();
    }

    /** The bound port, which differs from the requested one when that was 0. */
    public int port() {
        return app.port();
    }

    /** Stops taking writes and new connections, lets requests in flight finish, then stops. */
    @Override
    public void close() {
        readiness.draining();
        app.stop();
    }
}
