package dev.vouch.registry;

import dev.vouch.registry.advisories.AdvisoryService;
import dev.vouch.registry.auth.TokenService;
import dev.vouch.registry.catalog.CatalogService;
import dev.vouch.registry.curation.CurationService;
import dev.vouch.registry.domain.ManifestValidator;
import dev.vouch.registry.evidence.EvidenceCollector;
import dev.vouch.registry.evidence.EvidenceSources;
import dev.vouch.registry.http.ApiServer;
import dev.vouch.registry.policy.PolicySource;
import dev.vouch.registry.publish.PublishService;
import dev.vouch.registry.publish.RescanService;
import dev.vouch.registry.seed.SeedLoader;
import dev.vouch.registry.web.WebUi;
import dev.vouch.scanner.Scanner;
import dev.vouch.store.Store;
import java.nio.file.Path;
import java.time.Clock;

/** The composition root: one store and the services over it. Nothing else constructs services. */
public final class Registry implements AutoCloseable {

    private final Store store;
    private final TokenService tokens;
    private final PublishService publisher;
    private final CatalogService catalog;
    private final AdvisoryService advisories;
    private final CurationService curation;
    private final RescanService rescans;
    private final String rulesVersion;

    private Registry(Store store, PolicySource policy, EvidenceSources sources, Clock clock) {
        this.store = store;
        this.tokens = new TokenService(store, clock);
        Scanner scanner = Scanner.withBundledRules();
        this.rulesVersion = scanner.rulesVersion();
        this.advisories = new AdvisoryService(store, clock);
        this.publisher = new PublishService(store, ManifestValidator.official(), scanner,
                new EvidenceCollector(sources), advisories, policy, clock);
        this.rescans = new RescanService(store, scanner, advisories, policy, clock);
        this.catalog = new CatalogService(store, clock);
        this.curation = new CurationService(store, clock);
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
        return new Registry(Store.openSqlite(dataDir), policy, sources, Clock.systemUTC());
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

    public AdvisoryService advisories() {
        return advisories;
    }

    /** Loads the seed catalog if the registry is empty; returns how many versions were loaded. */
    public int seedIfEmpty() {
        return new SeedLoader(store, publisher).loadIfEmpty();
    }

    /** An HTTP server over this registry, API and web pages, not yet started. */
    public ApiServer httpServer(long maxBodyBytes) {
        WebUi web = new WebUi(catalog, curation, tokens, rulesVersion, Clock.systemUTC());
        return ApiServer.create(store, publisher, catalog, curation, tokens, maxBodyBytes, web::register);
    }

    @Override
    public void close() {
        store.close();
    }
}
