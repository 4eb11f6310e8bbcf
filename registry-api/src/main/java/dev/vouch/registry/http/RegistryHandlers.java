package dev.vouch.registry.http;

import dev.vouch.registry.auth.Principal;
import dev.vouch.registry.auth.TokenService;
import dev.vouch.registry.catalog.CatalogService;
import dev.vouch.registry.catalog.ListRequest;
import dev.vouch.registry.catalog.StatusChange;
import dev.vouch.registry.curation.CurationService;
import dev.vouch.registry.export.ExportService;
import dev.vouch.registry.http.observability.RequestTelemetry;
import dev.vouch.registry.mirror.MirrorSources;
import dev.vouch.registry.publish.Decision;
import dev.vouch.registry.publish.PublishOutcome;
import dev.vouch.registry.publish.PublishReports;
import dev.vouch.registry.publish.PublishService;
import dev.vouch.store.StoredVersion;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The handlers of the official-compatible API. Each reads the request, calls one domain operation and
 * writes one response; failures are thrown and mapped to problem+json in one place.
 */
final class RegistryHandlers {

    private static final String JSON = "application/json";

    private final CatalogService catalog;
    private final PublishService publisher;
    private final CurationService curation;
    private final TokenService tokens;
    private final ServerJson json;
    private final ReadCache reads;
    private final ExportService exports;
    private final RequestBody body;

    RegistryHandlers(
            CatalogService catalog,
            PublishService publisher,
            CurationService curation,
            TokenService tokens,
            ServerJson json,
            ReadCache reads,
            ExportService exports,
            RequestBody body) {
        this.catalog = catalog;
        this.exports = exports;
        this.reads = reads;
        this.publisher = publisher;
        this.curation = curation;
        this.tokens = tokens;
        this.json = json;
        this.body = body;
    }

    void listServers(Context ctx) {
        reads.serveAnswer(ctx, ReadCache.Freshness.LISTING, JSON, () -> listPage(ctx::queryParam));
    }

    /**
     * One page of {@code /servers} (a listing, a search, the feed) for these query parameters: what
     * {@link #listServers} answers, and what {@link CachedReads} computes itself before Javalin.
     */
    AnswerBytes listPage(Function<String, String> queryParam) {
        CatalogService.StampPage page = catalog.listStamps(ListRequest.from(queryParam));
        return json.listBytes(page.stamps(), catalog::listed, page.nextCursor());
    }

    void listVersions(Context ctx) {
        reads.serveAnswer(
                ctx,
                ReadCache.Freshness.LISTING,
                JSON,
                () -> json.listBytes(
                        catalog.versionStamps(ctx.pathParam("serverName"), includeDeleted(ctx)),
                        catalog::listed,
                        Optional.empty()));
    }

    void getVersion(Context ctx) {
        String version = ctx.pathParam("version");
        reads.serveAnswer(
                ctx,
                CatalogService.LATEST.equals(version) ? ReadCache.Freshness.LISTING : ReadCache.Freshness.EXACT_VERSION,
                JSON,
                () -> json.responseBytes(catalog.version(ctx.pathParam("serverName"), version, includeDeleted(ctx))));
    }

    void dockerCatalog(Context ctx) {
        reads.serve(
                ctx,
                ReadCache.Freshness.LISTING,
                "application/yaml",
                () -> exports.dockerCatalog(
                        Optional.ofNullable(ctx.queryParam("tier")).filter(t -> !t.isEmpty())));
    }

    void publish(Context ctx) {
        Principal principal = authenticate(ctx);
        PublishOutcome outcome = publisher.publish(principal, body.read(ctx));
        RequestTelemetry.scanVerdict(
                ctx, outcome.report().path("scan").path("verdict").asText());
        boolean held = outcome.decision().outcome() == Decision.Outcome.PENDING;
        ctx.status(held ? 202 : 200)
                .json(json.published(
                        outcome.version(),
                        outcome.decision().outcome().name().toLowerCase(Locale.ROOT),
                        PublishReports.checks(outcome.decision())));
    }

    void report(Context ctx) {
        reads.serve(
                ctx,
                ReadCache.Freshness.LISTING,
                () -> catalog.report(ctx.pathParam("serverName"), ctx.pathParam("version")));
    }

    void pending(Context ctx) {
        ctx.json(json.list(curation.pending(authenticate(ctx)), Optional.empty()));
    }

    void mirrorRejected(Context ctx) {
        ctx.json(MirrorSources.rejections(curation.mirrorRejected(authenticate(ctx))));
    }

    void pendingReport(Context ctx) {
        ctx.json(curation.report(authenticate(ctx), ctx.pathParam("serverName"), ctx.pathParam("version")));
    }

    void approve(Context ctx) {
        ctx.json(json.response(
                curation.approve(authenticate(ctx), ctx.pathParam("serverName"), ctx.pathParam("version"))));
    }

    void reject(Context ctx) {
        Principal principal = authenticate(ctx);
        String reason = CurationRequest.reason(body.read(ctx));
        ctx.json(json.response(
                curation.reject(principal, ctx.pathParam("serverName"), ctx.pathParam("version"), reason)));
    }

    void changeVersionStatus(Context ctx) {
        Principal principal = authenticate(ctx);
        StoredVersion changed = catalog.changeStatus(
                principal, ctx.pathParam("serverName"), ctx.pathParam("version"), StatusChange.parse(body.read(ctx)));
        ctx.json(json.response(changed));
    }

    void changeServerStatus(Context ctx) {
        Principal principal = authenticate(ctx);
        List<StoredVersion> changed =
                catalog.changeAllStatus(principal, ctx.pathParam("serverName"), StatusChange.parse(body.read(ctx)));
        ctx.json(json.allVersionsStatus(changed));
    }

    private Principal authenticate(Context ctx) {
        Principal principal = tokens.authenticate(Optional.ofNullable(ctx.header("Authorization")));
        RequestTelemetry.principal(ctx, principal.id());
        return principal;
    }

    private static boolean includeDeleted(Context ctx) {
        return ListRequest.flag("include_deleted", ctx.queryParam("include_deleted"));
    }
}
