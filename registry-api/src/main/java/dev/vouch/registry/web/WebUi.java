package dev.vouch.registry.web;

import dev.vouch.registry.auth.TokenService;
import dev.vouch.registry.catalog.CatalogService;
import dev.vouch.registry.curation.CurationService;
import dev.vouch.registry.domain.AuthenticationRequiredException;
import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.RegistryException;
import dev.vouch.registry.http.ApiServer;
import dev.vouch.registry.http.HttpProblems;
import dev.vouch.registry.http.Problem;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
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

    public WebUi(
            CatalogService catalog,
            CurationService curation,
            TokenService tokens,
            Supplier<String> rulesVersion,
            Clock clock) {
        this.pages = new Pages();
        this.index = new CatalogIndex(catalog, clock);
        this.handlers =
                new WebHandlers(catalog, curation, tokens, index, new CuratorSessions(clock), pages, rulesVersion);
    }

    /**
     * The pages' routes and how a page shows a failure, for {@link ApiServer} to register beside the API
     * (its one exception mapping hands a page's domain failures back here, after counting them).
     */
    public ApiServer.Pages pages() {
        return new ApiServer.Pages(
                List.of(
                        new ApiServer.Route(HandlerType.GET, WebPaths.CATALOG, handlers::catalogPage),
                        new ApiServer.Route(HandlerType.GET, WebPaths.SERVER, handlers::serverPage),
                        new ApiServer.Route(HandlerType.GET, WebPaths.FACTS, handlers::factsPage),
                        new ApiServer.Route(HandlerType.GET, WebPaths.CURATION, handlers::curationPage),
                        new ApiServer.Route(HandlerType.POST, WebPaths.SIGN_IN, handlers::signIn),
                        new ApiServer.Route(HandlerType.POST, WebPaths.SIGN_OUT, handlers::signOut),
                        new ApiServer.Route(HandlerType.POST, WebPaths.APPROVE, handlers::approve),
                        new ApiServer.Route(HandlerType.POST, WebPaths.REJECT, handlers::reject),
                        new ApiServer.Route(HandlerType.GET, WebPaths.ASSETS, assets::serve)),
                this::failure,
                this::warmUp);
    }

    /**
     * Reads the whole catalog once in the background, so the first visitor of a large registry does not
     * wait for it; run once the server listens, so it does not compete with the start for the CPU.
     */
    private void warmUp() {
        Thread thread = new Thread(
                () -> {
                    try {
                        index.current();
                    } catch (RuntimeException e) {
                        LOG.warn("could not read the catalog ahead of the first page; the first page will", e);
                    }
                },
                "vouch-catalog-index");
        thread.setDaemon(true);
        thread.start();
    }

    private void failure(Context ctx, RegistryException e) {
        Problem problem = HttpProblems.of(e);
        List<dev.vouch.registry.domain.Violation> violations =
                e instanceof InvalidRequestException invalid ? invalid.violations() : List.of();
        pages.privatePage(
                ctx,
                problem.status(),
                "error.jte",
                new Views.Failure(
                        problem.status(),
                        problem.title(),
                        problem.detail(),
                        violations,
                        e instanceof AuthenticationRequiredException));
    }
}
