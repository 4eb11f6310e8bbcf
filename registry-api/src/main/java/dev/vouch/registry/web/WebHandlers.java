package dev.vouch.registry.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.registry.VouchVersion;
import dev.vouch.registry.auth.Principal;
import dev.vouch.registry.auth.TokenService;
import dev.vouch.registry.catalog.CatalogService;
import dev.vouch.registry.curation.CurationService;
import dev.vouch.registry.domain.AuthenticationRequiredException;
import dev.vouch.registry.domain.PermissionDeniedException;
import dev.vouch.registry.http.ApiServer;
import dev.vouch.store.StoredVersion;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The web pages' handlers. Each reads the request, asks the domain services, and renders one page;
 * failures are thrown and rendered as an error page by {@link WebUi}.
 */
final class WebHandlers {

    private static final int AUDIT_SHOWN = 20;

    private final CatalogService catalog;
    private final CurationService curation;
    private final TokenService tokens;
    private final CatalogIndex index;
    private final CuratorSessions sessions;
    private final Pages pages;
    private final Supplier<String> rulesVersion;

    WebHandlers(
            CatalogService catalog,
            CurationService curation,
            TokenService tokens,
            CatalogIndex index,
            CuratorSessions sessions,
            Pages pages,
            Supplier<String> rulesVersion) {
        this.catalog = catalog;
        this.curation = curation;
        this.tokens = tokens;
        this.index = index;
        this.sessions = sessions;
        this.pages = pages;
        this.rulesVersion = rulesVersion;
    }

    void catalogPage(Context ctx) {
        CatalogQuery query = CatalogQuery.from(ctx::queryParam);
        pages.publicPage(ctx, "catalog.jte", Views.Catalog.of(query, index.select(query)));
    }

    void serverPage(Context ctx) {
        String name = ctx.pathParam("serverName");
        List<StoredVersion> versions = catalog.versions(name, true);
        StoredVersion latest = catalog.version(name, "latest", true);
        pages.publicPage(ctx, "server.jte", ServerPage.of(latest, versions, Json.read(latest.report())));
    }

    void factsPage(Context ctx) {
        CatalogIndex.Snapshot snapshot = index.current();
        var byTier = snapshot.count(ServerSummary::tier);
        pages.publicPage(
                ctx,
                "facts.jte",
                new Views.Facts(
                        ctx.scheme() + "://" + ctx.host(),
                        rulesVersion.get(),
                        VouchVersion.current(),
                        byTier.values().stream().mapToInt(Integer::intValue).sum(),
                        byTier,
                        snapshot.count(ServerSummary::verdict),
                        ApiServer.API_PREFIXES));
    }

    void curationPage(Context ctx) {
        Optional<CuratorSessions.Session> session = sessions.find(ctx.cookie(CuratorSessions.COOKIE));
        if (session.isEmpty()) {
            pages.privatePage(ctx, 200, "signin.jte", new Views.SignIn(""));
            return;
        }
        Principal principal = authenticate(session.get());
        List<Views.QueueItem> queue = new ArrayList<>();
        for (StoredVersion held : curation.pending(principal)) {
            queue.add(queueItem(held, curation.report(principal, held.serverName(), held.version())));
        }
        pages.privatePage(
                ctx,
                200,
                "curation.jte",
                new Views.Curation(
                        principal.id(), session.get().csrf(), queue, curation.recentAudit(principal, AUDIT_SHOWN)));
    }

    void signIn(Context ctx) {
        requireSameOrigin(ctx);
        String token = Form.of(ctx).field("token").strip();
        if (token.isEmpty()) {
            pages.privatePage(ctx, 401, "signin.jte", new Views.SignIn("Enter a curator token."));
            return;
        }
        Principal principal = tokens.authenticate(Optional.of("Bearer " + token));
        // The queue answers only curators and admins: a publisher's token is refused before a session exists.
        curation.pending(principal);
        CuratorSessions.Session session = sessions.open(token);
        ctx.header("Set-Cookie", cookie(ctx, session.id(), CuratorSessions.LIFETIME.toSeconds()));
        ctx.redirect(WebPaths.CURATION, HttpStatus.SEE_OTHER);
    }

    void signOut(Context ctx) {
        requireSameOrigin(ctx);
        CuratorSessions.Session session = sessions.forWrite(
                ctx.cookie(CuratorSessions.COOKIE), Form.of(ctx).field("csrf"));
        sessions.close(session.id());
        ctx.header("Set-Cookie", cookie(ctx, "", 0));
        ctx.redirect(WebPaths.CURATION, HttpStatus.SEE_OTHER);
    }

    void approve(Context ctx) {
        CuratorPost post = writer(ctx);
        curation.approve(post.curator(), post.form().field("name"), post.form().field("version"));
        ctx.redirect(WebPaths.CURATION + "#audit", HttpStatus.SEE_OTHER);
    }

    void reject(Context ctx) {
        CuratorPost post = writer(ctx);
        Form form = post.form();
        curation.reject(
                post.curator(),
                form.field("name"),
                form.field("version"),
                form.field("reason").strip());
        ctx.redirect(WebPaths.CURATION + "#audit", HttpStatus.SEE_OTHER);
    }

    private Views.QueueItem queueItem(StoredVersion held, JsonNode report) {
        JsonNode manifest = Json.read(held.manifest());
        JsonNode definitions = Json.read(held.tools());
        var scanned = Json.MAPPER.createObjectNode();
        scanned.set("server", manifest);
        scanned.set("tools", definitions.isArray() ? definitions : Json.MAPPER.createArrayNode());
        List<ServerPage.Check> failed = new ArrayList<>();
        for (JsonNode check : report.path("checks")) {
            if (!check.path("passed").asBoolean(false)) {
                failed.add(new ServerPage.Check(Json.text(check, "name"), false, Json.text(check, "detail")));
            }
        }
        List<StoredVersion> published =
                report.path("drift").isObject() ? catalog.versions(held.serverName(), true) : List.of();
        return new Views.QueueItem(
                held.serverName(),
                held.version(),
                held.publishedBy(),
                held.publishedAt().toString(),
                failed,
                ServerPage.tools(scanned, definitions, report.path("scan").path("tools")).stream()
                        .filter(ServerPage.ToolView::flagged)
                        .toList(),
                ServerPage.findings(scanned, report.path("scan").path("serverFindings")),
                ServerPage.drift(report.path("drift"), definitions, published));
    }

    /** A curator's form post: who posted it, and its fields. */
    private record CuratorPost(Principal curator, Form form) {}

    /**
     * The curator behind a form post: posted from this site, a live session, its CSRF token, and a token that still
     * authenticates.
     */
    private CuratorPost writer(Context ctx) {
        requireSameOrigin(ctx);
        Form form = Form.of(ctx);
        return new CuratorPost(
                authenticate(sessions.forWrite(ctx.cookie(CuratorSessions.COOKIE), form.field("csrf"))), form);
    }

    private Principal authenticate(CuratorSessions.Session session) {
        try {
            return tokens.authenticate(Optional.of("Bearer " + session.token()));
        } catch (AuthenticationRequiredException e) {
            sessions.close(session.id());
            throw e;
        }
    }

    /** Browsers send Origin on form posts; one from another site is refused even before the CSRF token is read. */
    private static void requireSameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals(ctx.scheme() + "://" + ctx.host())) {
            throw new PermissionDeniedException("this form was posted from another site (" + origin + ")");
        }
    }

    /** HttpOnly and SameSite=Strict always; Secure whenever the page itself came over HTTPS. */
    private static String cookie(Context ctx, String value, long maxAgeSeconds) {
        return CuratorSessions.COOKIE + "=" + value + "; Path=/curation; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Strict" + ("https".equals(ctx.scheme()) ? "; Secure" : "");
    }
}
