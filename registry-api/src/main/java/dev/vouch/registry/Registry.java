package dev.vouch.registry;

import dev.vouch.registry.advisories.AdvisoryService;
import dev.vouch.registry.auth.TokenService;
import dev.vouch.registry.auth.exchange.ExchangeSettings;
import dev.vouch.registry.auth.exchange.TokenExchangeService;
import dev.vouch.registry.catalog.CatalogService;
import dev.vouch.registry.curation.CurationService;
import dev.vouch.registry.domain.rules.ManifestValidator;
import dev.vouch.registry.evidence.EvidenceCollector;
import dev.vouch.registry.evidence.EvidenceSources;
import dev.vouch.registry.export.ExportService;
import dev.vouch.registry.http.ApiServer;
import dev.vouch.registry.http.HttpOptions;
import dev.vouch.registry.mirror.MirrorService;
import dev.vouch.registry.mirror.MirrorSettings;
import dev.vouch.registry.mirror.MirrorSources;
import dev.vouch.registry.observability.Metrics;
import dev.vouch.registry.observability.Readiness;
import dev.vouch.registry.policy.PolicySource;
import dev.vouch.registry.publish.PublishService;
import dev.vouch.registry.publish.RescanService;
import dev.vouch.registry.seed.SeedLoader;
import dev.vouch.registry.snapshot.RegistryKey;
import dev.vouch.registry.snapshot.SnapshotService;
import dev.vouch.registry.web.WebUi;
import dev.vouch.scanner.Scanner;
import dev.vouch.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The composition root: one store and the services over it. The server and every command that acts on
 * a registry get their services here; the one exception is {@code admin audit verify}, which opens the
 * store itself and reads only the audit chain ({@code AuditChain}), so a registry too damaged to start
 * its services can still be checked.
 */
public final class Registry implements AutoCloseable {

    private final Path dataDir;
    private final Clock clock;
    private final Store store;
    private final TokenService tokens;
    private final PublishService publisher;
    private final CatalogService catalog;
    private final AdvisoryService advisories;
    private final CurationService curation;
    private final RescanService rescans;
    private final ExportService exports;
    private final TokenExchangeService exchange;
    private final Metrics metrics = new Metrics();
    private final Readiness readiness = new Readiness();
    // Not built here: the serve command builds it on a second core; of the reads, only the facts page (its
    // rules version) waits for it.
    private final Supplier<Scanner> scanner = Scanner::withBundledRules;

    private Registry(
            Path dataDir,
            Store store,
            PolicySource policy,
            EvidenceSources sources,
            ExchangeSettings auth,
            Clock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.store = store;
        store.bindPoolMetrics(metrics.registry());
        this.tokens = new TokenService(store, clock);
        this.exchange = new TokenExchangeService(tokens, auth, clock);
        this.advisories = new AdvisoryService(store, clock);
        this.publisher = new PublishService(
                store,
                ManifestValidator.official(),
                scanner,
                new EvidenceCollector(sources, metrics),
                advisories,
                policy,
                clock);
        this.rescans = new RescanService(store, scanner, advisories, policy, clock);
        this.catalog = new CatalogService(store, clock);
        this.curation = new CurationService(store, clock);
        this.exports = new ExportService(store);
    }

    /** Opens (creating and migrating if needed) the SQLite registry under {@code dataDir}, on the safe default policy. */
    public static Registry openSqlite(Path dataDir) {
        return openSqlite(dataDir, PolicySource.safeDefault());
    }

    /** Opens the SQLite registry under {@code dataDir} with a publish policy. */
    public static Registry openSqlite(Path dataDir, PolicySource policy) {
        return openSqlite(dataDir, policy, EvidenceSources.defaults());
    }

    /** Opens the SQLite registry with a publish policy and where evidence is fetched from. */
    public static Registry openSqlite(Path dataDir, PolicySource policy, EvidenceSources sources) {
        return openSqlite(dataDir, policy, sources, ExchangeSettings.defaults());
    }

    /** Opens the SQLite registry with a publish policy, evidence sources and publisher authentication. */
    public static Registry openSqlite(
            Path dataDir, PolicySource policy, EvidenceSources sources, ExchangeSettings auth) {
        return new Registry(dataDir, Store.openSqlite(dataDir), policy, sources, auth, Clock.systemUTC());
    }

    /**
     * The registry over an opened store (SQLite or PostgreSQL), which it then owns and closes;
     * {@code dataDir} holds what is kept per node rather than in the database (the generated signing key).
     */
    public static Registry open(
            Store store, Path dataDir, PolicySource policy, EvidenceSources sources, ExchangeSettings auth) {
        return new Registry(dataDir, store, policy, sources, auth, Clock.systemUTC());
    }

    public TokenService tokens() {
        return tokens;
    }

    public PublishService publisher() {
        return publisher;
    }

    public CatalogService catalog() {
        return catalog;
    }

    public RescanService rescans() {
        return rescans;
    }

    public CurationService curation() {
        return curation;
    }

    public ExportService exports() {
        return exports;
    }

    public AdvisoryService advisories() {
        return advisories;
    }

    public TokenExchangeService exchange() {
        return exchange;
    }

    public Metrics metrics() {
        return metrics;
    }

    /** Ready once migrated (at open) and, when {@link Readiness#awaitSeeding()} was called, seeded. */
    public Readiness readiness() {
        return readiness;
    }

    /** A mirror of {@code settings}' upstream into this registry, through its own publish pipeline and policy. */
    public MirrorService mirror(MirrorSettings settings) {
        return new MirrorService(store, publisher, catalog, settings, clock);
    }

    /** Loads the seed catalog if the registry is empty; returns how many versions were loaded. */
    public int seedIfEmpty() {
        int loaded = new SeedLoader(store, publisher).loadIfEmpty();
        readiness.seeded();
        return loaded;
    }

    /** An HTTP server over this registry, API and web pages, signing snapshots with the data directory's key. */
    public ApiServer httpServer(long maxBodyBytes) {
        return httpServer(HttpOptions.defaults().withMaxBodyBytes(maxBodyBytes));
    }

    /** An HTTP server over this registry with these options, signing with the data directory's key. */
    public ApiServer httpServer(HttpOptions options) {
        return httpServer(options, RegistryKey.loadOrGenerate(dataDir));
    }

    /**
     * An HTTP server over this registry, API and web pages, with these options, signing snapshots with
     * {@code signingKey}; not yet started.
     */
    public ApiServer httpServer(HttpOptions options, RegistryKey signingKey) {
        WebUi web = new WebUi(catalog, curation, tokens, () -> scanner.get().rulesVersion(), clock);
        return ApiServer.create(
                publisher,
                catalog,
                curation,
                tokens,
                new ApiServer.Parts(
                        exchange,
                        exports,
                        new SnapshotService(store, signingKey, clock),
                        new MirrorSources(store),
                        metrics,
                        readiness,
                        web.pages(),
                        options));
    }

    @Override
    public void close() {
        store.close();
        metrics.close();
    }
}
