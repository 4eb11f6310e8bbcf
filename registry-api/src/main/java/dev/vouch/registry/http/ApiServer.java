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
import java.util.function.Consumer;
import org.eclipse.jetty.http.UriCompliance;
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

    private ApiServer(Javalin app, List<Route> routes) {
        this.app = app;
        this.routes = routes;
    }

    /** Builds the server over the given services; {@link #start} binds it. */
    public static ApiServer create(Store store, PublishService publisher, CatalogService catalog,
                                   CurationService curation, TokenService tokens, long maxBodyBytes) {
        return create(store, publisher, catalog, curation, tokens, maxBodyBytes, config -> { });
    }

    /**
     * Builds the server with further routes beside the API's ({@code pages}: the web pages), which are
     * not API routes and so not in {@link #routes()}.
     */
    public static ApiServer create(Store store, PublishService publisher, CatalogService catalog,
                                   CurationService curation, TokenService tokens, long maxBodyBytes,
                                   Consumer<JavalinConfig> pages) {
        ObjectMapper mapper = new ObjectMapper();
        RegistryHandlers handlers = new RegistryHandlers(catalog, publisher, curation, tokens, new ServerJson(mapper),
                maxBodyBytes);
        List<Route> routes = routes(handlers, store);
        Javalin app = Javalin.create(config -> {
            configure(config, mapper, routes, maxBodyBytes);
            pages.accept(config);
        });
        return new ApiServer(app, routes);
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
        return List.copyOf(routes);
    }

    private static void configure(JavalinConfig config, ObjectMapper mapper, List<Route> routes, long maxBodyBytes) {
        config.jsonMapper(new JavalinJackson(mapper, false));
        config.http.maxRequestSize = maxBodyBytes;
        config.startup.showJavalinBanner = false;
        // Server names arrive URL-encoded ("io.github.acme%2Fweather"): allow the encoded slash.
        config.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(
                UriCompliance.DEFAULT.with("vouch", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                        UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING)));
        config.jetty.modifyServletContextHandler(handler -> handler.getServletHandler().setDecodeAmbiguousURIs(true));
        routes.forEach(route -> config.routes.addHttpHandler(route.method(), route.path(), route.handler()));
        // Reads are public: any origin may read the catalog. Writes carry bearer tokens and get no CORS.
        config.routes.after(ctx -> {
            if (ctx.method() == HandlerType.GET) {
                ctx.header("Access-Control-Allow-Origin", "*");
            }
        });
        config.routes.exception(RegistryException.class, (e, ctx) -> problem(ctx, ProblemMapping.of(e)));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, ProblemMapping.of(e)));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled failure on {} {}", ctx.method(), ctx.path(), e);
            problem(ctx, ProblemMapping.internalError());
        });
        config.routes.error(404, ctx -> {
            if (!Problem.CONTENT_TYPE.equals(ctx.res().getContentType()) && !isWebPage(ctx)) {
                problem(ctx, ProblemMapping.notFound(ctx.path()));
            }
        });
        config.routes.error(413, ctx -> {
            if (!Problem.CONTENT_TYPE.equals(ctx.res().getContentType())) {
                problem(ctx, ProblemMapping.payloadTooLarge(maxBodyBytes));
            }
        });
    }

    /** A web page answered with its own HTML (its 404 page names what was not found). */
    private static boolean isWebPage(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("text/html");
    }

    private static void problem(Context ctx, Problem problem) {
        ctx.status(problem.status()).json(problem).contentType(Problem.CONTENT_TYPE);
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
