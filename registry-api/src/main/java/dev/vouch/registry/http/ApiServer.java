package dev.vouch.registry.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.openapi.OpenApiDocument;
import dev.vouch.registry.VouchVersion;
import dev.vouch.registry.auth.TokenService;
import dev.vouch.registry.catalog.CatalogService;
import dev.vouch.registry.curation.CurationService;
import dev.vouch.registry.domain.ManifestValidator;
import dev.vouch.registry.domain.RegistryException;
import dev.vouch.registry.publish.PublishService;
import dev.vouch.registry.snapshot.SnapshotService;
import dev.vouch.store.Store;
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
import java.util.stream.Collectors;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP face of the registry: every route of every API version, registered in one place. */
public final class ApiServer implements AutoCloseable {

    /** API versions served; {@code /v0} is kept as an alias of the current official version. */
    public static final List<String> API_PREFIXES = List.of("/v0", "/v0.1");
    public static final long DEFAULT_MAX_BODY_BYTES = HttpLimits.DEFAULT_MAX_BODY_BYTES;

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** One route: method, path and handler. The list of them is what the OpenAPI test checks. */
    public record Route(HandlerType method, String path, Handler handler) {
    }

    private final Javalin app;
    private final List<Route> routes;

    private ApiServer(Javalin app, List<Route> routes) {
        this.app = app;
        this.routes = routes;
    }

    /** Builds the server over the given services; {@link #start} binds it. */
    public static ApiServer create(Store store, PublishService publisher, CatalogService catalog,
                                   CurationService curation, TokenService tokens, HttpLimits limits,
                                   SnapshotService snapshots) {
        ObjectMapper mapper = new ObjectMapper();
        RegistryHandlers handlers = new RegistryHandlers(catalog, publisher, curation, tokens, new ServerJson(mapper),
                new RequestBody(limits));
        List<Route> routes = routes(handlers, store);
        routes.addAll(snapshotRoutes(new SnapshotHandlers(snapshots, catalog)));
        Javalin app = Javalin.create(config -> configure(config, mapper, routes, limits));
        return new ApiServer(app, List.copyOf(routes));
    }

    /** Every route this server registered. */
    public List<Route> routes() {
        return routes;
    }

    private static List<Route> routes(RegistryHandlers handlers, Store store) {
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
        }
        routes.add(new Route(HandlerType.GET, "/openapi.yaml", ApiServer::openApi));
        return routes;
    }

    private static List<Route> snapshotRoutes(SnapshotHandlers handlers) {
        List<Route> routes = new ArrayList<>();
        for (String v : API_PREFIXES) {
            routes.add(new Route(HandlerType.GET, v + "/snapshot", handlers::snapshot));
            routes.add(new Route(HandlerType.GET, v + "/servers/{serverName}/versions/{version}/server.json",
                    handlers::manifest));
        }
        routes.add(new Route(HandlerType.GET, "/.well-known/vouch-registry-key", handlers::publicKeyPem));
        routes.add(new Route(HandlerType.GET, "/.well-known/vouch-registry-key.jwks", handlers::publicKeyJwks));
        return routes;
    }

    private static void configure(JavalinConfig config, ObjectMapper mapper, List<Route> routes, HttpLimits limits) {
        long maxBodyBytes = limits.maxBodyBytes();
        config.jsonMapper(new JavalinJackson(mapper, false));
        config.http.maxRequestSize = maxBodyBytes;
        QueuedThreadPool pool = new QueuedThreadPool(limits.maxThreads(), Math.min(8, limits.maxThreads()));
        pool.setName("vouch-http");
        config.jetty.threadPool = pool;
        // A request that sends nothing for this long fails, also while a handler blocks reading its body.
        config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(limits.idleTimeout().toMillis()));
        config.startup.showJavalinBanner = false;
        // Server names arrive URL-encoded ("io.github.acme%2Fweather"): allow the encoded slash.
        config.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(
                UriCompliance.DEFAULT.with("vouch", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                        UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING)));
        config.jetty.modifyServletContextHandler(handler -> handler.getServletHandler().setDecodeAmbiguousURIs(true));
        config.http.prefer405over404 = true;
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems(mapper)));
        config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JettyProblems(mapper)));
        routes.forEach(route -> config.routes.addHttpHandler(route.method(), route.path(), route.handler()));
        // OPTIONS answers which methods a path takes; without it a preflight or a probe got 404.
        Map<String, Set<String>> methods = new LinkedHashMap<>();
        routes.forEach(route -> methods.computeIfAbsent(route.path(), p -> new TreeSet<>()).add(route.method().name()));
        methods.forEach((path, allowed) -> config.routes.addHttpHandler(HandlerType.OPTIONS, path,
                ctx -> ctx.header("Allow", allow(allowed)).status(204)));
        // Reads are public: any origin may read the catalog. Writes carry bearer tokens and get no CORS.
        config.routes.after(ctx -> {
            if (ctx.method() == HandlerType.GET) {
                ctx.header("Access-Control-Allow-Origin", "*");
            }
        });
        config.routes.exception(RegistryException.class, (e, ctx) -> problem(ctx, ProblemMapping.of(e)));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 503) {
                ctx.header("Retry-After", "1");
            }
            if (e.getStatus() == 405) {
                ctx.header("Allow", allow(methods.entrySet().stream()
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
        // Error handlers run after exception mappers too: they must not overwrite a problem already written.
        config.routes.error(404, ctx -> {
            if (ctx.attribute(PROBLEM_WRITTEN) == null) {
                problem(ctx, ProblemMapping.notFound(ctx.path()));
            }
        });
        config.routes.error(413, ctx -> {
            if (ctx.attribute(PROBLEM_WRITTEN) == null) {
                problem(ctx, ProblemMapping.payloadTooLarge(maxBodyBytes));
            }
        });
    }

    private static final String PROBLEM_WRITTEN = "vouch.problem-written";

    private static void problem(Context ctx, Problem problem) {
        ctx.attribute(PROBLEM_WRITTEN, true);
        ctx.status(problem.status()).json(problem).contentType(Problem.CONTENT_TYPE);
    }

    private static String allow(Set<String> methods) {
        TreeSet<String> all = new TreeSet<>(methods);
        all.add("OPTIONS");
        return String.join(", ", all);
    }

    /** Whether a request path fits a route path whose {param} segments match any one segment. */
    private static boolean matches(String routePath, String requestPath) {
        String[] route = routePath.split("/", -1);
        String[] request = requestPath.split("/", -1);
        if (route.length != request.length) {
            return false;
        }
        for (int i = 0; i < route.length; i++) {
            if (!(route[i].startsWith("{") || route[i].equals(request[i]))) {
                return false;
            }
        }
        return true;
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

    @Override
    public void close() {
        app.stop();
    }
}
