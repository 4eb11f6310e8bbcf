package dev.vouch.registry.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.openapi.OpenApiDocument;
import dev.vouch.registry.VouchVersion;
import dev.vouch.registry.auth.TokenService;
import dev.vouch.registry.auth.exchange.TokenExchangeService;
import dev.vouch.registry.catalog.CatalogService;
import dev.vouch.registry.curation.CurationService;
import dev.vouch.registry.domain.ManifestValidator;
import dev.vouch.registry.domain.RateLimitedException;
import dev.vouch.registry.domain.RegistryException;
import dev.vouch.registry.http.limits.RateLimiter;
import dev.vouch.registry.http.limits.RequestGuard;
import dev.vouch.registry.http.observability.RequestTelemetry;
import dev.vouch.registry.http.security.SecurityHeaders;
import dev.vouch.registry.observability.Metrics;
import dev.vouch.registry.observability.Readiness;
import dev.vouch.registry.publish.PublishService;
import dev.vouch.store.Store;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP face of the registry: every route of every API version, registered in one place. */
public final class ApiServer implements AutoCloseable {

    /** API versions served; {@code /v0} is kept as an alias of the current official version. */
    public static final List<String> API_PREFIXES = List.of("/v0", "/v0.1");
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** One route: method, path and handler. The list of them is what the OpenAPI test checks. */
    public record Route(HandlerType method, String path, Handler handler) {
    }

    private final Javalin app;
    private final List<Route> routes;
    private final Readiness readiness;

    private ApiServer(Javalin app, List<Route> routes, Readiness readiness) {
        this.app = app;
        this.routes = routes;
        this.readiness = readiness;
    }

    /** What the server adds around the API: token exchange, metrics, readiness and the HTTP options. */
    public record Extras(TokenExchangeService exchange, Metrics metrics, Readiness readiness, HttpOptions options) {
    }

    /** Builds the server over the given services; {@link #start} binds it. */
    public static ApiServer create(Store store, PublishService publisher, CatalogService catalog,
                                   CurationService curation, TokenService tokens, Extras extras) {
        ObjectMapper mapper = new ObjectMapper();
        long maxBodyBytes = extras.options().maxBodyBytes();
        RegistryHandlers handlers = new RegistryHandlers(catalog, publisher, curation, tokens, new ServerJson(mapper),
                maxBodyBytes);
        List<Route> routes = routes(handlers, new AuthHandlers(extras.exchange(), maxBodyBytes), store, extras);
        Javalin app = Javalin.create(config -> configure(config, mapper, routes, extras));
        return new ApiServer(app, routes, extras.readiness());
    }

    /** Every route this server registered. */
    public List<Route> routes() {
        return routes;
    }

    private static List<Route> routes(RegistryHandlers handlers, AuthHandlers auth, Store store, Extras extras) {
        List<Route> routes = new ArrayList<>();
        for (String v : API_PREFIXES) {
            routes.add(new Route(HandlerType.GET, v + "/servers", handlers::listServers));
            routes.add(new Route(HandlerType.GET, v + "/servers/{serverName}/versions", handlers::listVersions));
            routes.add(new Route(HandlerType.GET, v + "/servers/{serverName}/versions/{version}",
                    handlers::getVersion));
            routes.add(new Route(HandlerType.GET, v + "/servers/{serverName}/versions/{version}/report",
                    handlers::report));
            routes.add(new Route(HandlerType.PATCH, v + "/servers/{serverName}/versions/{version}/status",
                    handlers::changeVersionStatus));
            routes.add(new Route(HandlerType.PATCH, v + "/servers/{serverName}/status",
                    handlers::changeServerStatus));
            routes.add(new Route(HandlerType.POST, v + "/publish", handlers::publish));
            routes.add(new Route(HandlerType.GET, v + "/curation/pending", handlers::pending));
            routes.add(new Route(HandlerType.GET, v + "/curation/servers/{serverName}/versions/{version}/report",
                    handlers::pendingReport));
            routes.add(new Route(HandlerType.POST, v + "/curation/servers/{serverName}/versions/{version}/approve",
                    handlers::approve));
            routes.add(new Route(HandlerType.POST, v + "/curation/servers/{serverName}/versions/{version}/reject",
                    handlers::reject));
            routes.add(new Route(HandlerType.GET, v + "/health", ctx -> health(ctx, store)));
            routes.add(new Route(HandlerType.GET, v + "/version", ApiServer::version));
            routes.add(new Route(HandlerType.GET, v + "/ready", ctx -> ready(ctx, extras.readiness())));
            routes.add(new Route(HandlerType.POST, v + "/auth/github-oidc", auth::githubOidc));
            routes.add(new Route(HandlerType.POST, v + "/auth/oidc", auth::oidc));
            routes.add(new Route(HandlerType.POST, v + "/auth/http", auth::http));
            routes.add(new Route(HandlerType.POST, v + "/auth/dns", auth::dns));
            routes.add(new Route(HandlerType.POST, v + "/auth/none", auth::none));
        }
        routes.add(new Route(HandlerType.GET, "/openapi.yaml", ApiServer::openApi));
        routes.add(new Route(HandlerType.GET, "/metrics", ctx -> metrics(ctx, extras.metrics())));
        return List.copyOf(routes);
    }

    private static void configure(JavalinConfig config, ObjectMapper mapper, List<Route> routes, Extras extras) {
        long maxBodyBytes = extras.options().maxBodyBytes();
        RequestTelemetry telemetry = new RequestTelemetry(extras.metrics(), extras.options().accessLog());
        SecurityHeaders headers = new SecurityHeaders(extras.options().corsWriteOrigins());
        RequestGuard guard = new RequestGuard(new RateLimiter(extras.options().rateLimits()), extras.readiness(),
                extras.metrics());
        config.jsonMapper(new JavalinJackson(mapper, false));
        config.http.maxRequestSize = maxBodyBytes;
        config.startup.showJavalinBanner = false;
        // Server names arrive URL-encoded ("io.github.acme%2Fweather"): allow the encoded slash.
        config.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(
                UriCompliance.DEFAULT.with("vouch", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                        UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING)));
        config.jetty.modifyServletContextHandler(handler -> handler.getServletHandler().setDecodeAmbiguousURIs(true));
        // A stop lets requests in flight finish (up to the drain timeout) while new connections are refused.
        config.jetty.modifyServer(server -> {
            server.setStopTimeout(extras.options().drainTimeout().toMillis());
            server.setHandler(new GracefulHandler());
        });
        config.requestLogger.http(telemetry::complete);
        config.routes.before(telemetry::begin);
        config.routes.before(headers::apply);
        config.routes.before(guard::before);
        routes.forEach(route -> config.routes.addHttpHandler(route.method(), route.path(), route.handler()));
        config.routes.exception(RegistryException.class, (e, ctx) -> {
            guard.failed(ctx, e);
            telemetry.failed(ctx, e);
            if (e instanceof RateLimitedException limited) {
                ctx.header("Retry-After", Long.toString(Math.max(1, limited.retryAfter().toSeconds())));
            }
            problem(ctx, ProblemMapping.of(e));
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, ProblemMapping.of(e)));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled failure on {} {}", ctx.method(), ctx.path(), e);
            problem(ctx, ProblemMapping.internalError());
        });
        config.routes.error(404, ctx -> {
            if (!Problem.CONTENT_TYPE.equals(ctx.res().getContentType())) {
                problem(ctx, ProblemMapping.notFound(ctx.path()));
            }
        });
        config.routes.error(413, ctx -> {
            if (!Problem.CONTENT_TYPE.equals(ctx.res().getContentType())) {
                problem(ctx, ProblemMapping.payloadTooLarge(maxBodyBytes));
            }
        });
    }

    private static void problem(Context ctx, Problem problem) {
        SecurityHeaders.noStore(ctx);
        ctx.status(problem.status()).json(problem).contentType(Problem.CONTENT_TYPE);
    }

    private static void ready(Context ctx, Readiness readiness) {
        readiness.requireReady();
        ctx.json(Map.of("status", "ready"));
    }

    private static void metrics(Context ctx, Metrics metrics) {
        ctx.contentType(Metrics.CONTENT_TYPE).result(metrics.scrape());
    }

    private static void health(Context ctx, Store store) {
        if (!store.isHealthy()) {
            throw new IllegalStateException("the store did not answer");
        }
        ctx.json(Map.of("status", "ok"));
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
        return this;
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
