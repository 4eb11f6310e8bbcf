package dev.vouch.registry.web;

import dev.vouch.registry.auth.TokenService;
import dev.vouch.registry.catalog.CatalogService;
import dev.vouch.registry.curation.CurationService;
import dev.vouch.registry.domain.AuthenticationRequiredException;
import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.RegistryException;
import dev.vouch.registry.http.HttpProblems;
import dev.vouch.registry.http.Problem;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's web pages: the catalog, one server, the curator's queue and the registry's facts,
 * rendered on the server and registered beside the API. Failures render as an HTML page with the
 * status the API's problem mapping gives them.
 */
public final class WebUi {

    private static final Logger LOG = LoggerFactory.getLogger(WebUi.class);

    private final CatalogIndex index;
    private final WebHandlers handlers;
    private final Assets assets = new Assets();
    private final Pages pages;

    public WebUi(CatalogService catalog, CurationService curation, TokenService tokens, String rulesVersion,
                 Clock clock) {
        this.pages = new Pages();
        this.index = new CatalogIndex(catalog, clock);
        this.handlers = new WebHandlers(catalog, curation, tokens, index,
                new CuratorSessions(clock), pages, rulesVersion);
    }

    /** Adds the pages' routes to a server being configured. */
    public void register(JavalinConfig config) {
        add(config, HandlerType.GET, WebPaths.CATALOG, handlers::catalogPage);
        add(config, HandlerType.GET, WebPaths.SERVER, handlers::serverPage);
        add(config, HandlerType.GET, WebPaths.FACTS, handlers::factsPage);
        add(config, HandlerType.GET, WebPaths.CURATION, handlers::curationPage);
        add(config, HandlerType.POST, WebPaths.SIGN_IN, handlers::signIn);
        add(config, HandlerType.POST, WebPaths.SIGN_OUT, handlers::signOut);
        add(config, HandlerType.POST, WebPaths.APPROVE, handlers::approve);
        add(config, HandlerType.POST, WebPaths.REJECT, handlers::reject);
        config.routes.addHttpHandler(HandlerType.GET, WebPaths.ASSETS, assets::serve);
        warmUp();
    }

    /** Reads the whole catalog once in the background, so the first visitor of a large registry does not wait for it. */
    private void warmUp() {
        Thread thread = new Thread(() -> {
            try {
                index.current();
            } catch (RuntimeException e) {
                LOG.warn("could not read the catalog ahead of the first page; the first page will", e);
            }
        }, "vouch-catalog-index");
        thread.setDaemon(true);
        thread.start();
    }

    private void add(JavalinConfig config, HandlerType method, String path, Handler handler) {
        config.routes.addHttpHandler(method, path, ctx -> {
            try {
                handler.handle(ctx);
            } catch (RegistryException e) {
                failure(ctx, e);
            }
        });
    }

    private void failure(Context ctx, RegistryException e) {
        Problem problem = HttpProblems.of(e);
        List<dev.vouch.registry.domain.Violation> violations = e instanceof InvalidRequestException invalid
                ? invalid.violations() : List.of();
        pages.privatePage(ctx, problem.status(), "error.jte", new Views.Failure(problem.status(), problem.title(),
                problem.detail(), violations, e instanceof AuthenticationRequiredException));
    }
}
