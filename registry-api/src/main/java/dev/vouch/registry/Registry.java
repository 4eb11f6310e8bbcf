package dev.vouch.registry;

import dev.vouch.registry.advisories.AdvisoryService;
import dev.vouch.registry.auth.TokenService;
import dev.vouch.registry.catalog.CatalogService;
import dev.vouch.registry.domain.ManifestValidator;
import dev.vouch.registry.http.ApiServer;
import dev.vouch.registry.publish.PublishService;
import dev.vouch.registry.seed.SeedLoader;
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

    private Registry(Store store, Clock clock) {
        this.store = store;
        this.tokens = new TokenService(store, clock);
        this.publisher = new PublishService(store, ManifestValidator.official(), clock);
        this.catalog = new CatalogService(store, clock);
        this.advisories = new AdvisoryService(store, clock);
    }

    /** Opens (creating and migrating if needed) the SQLite registry under {@code dataDir}. */
    public static Registry openSqlite(Path dataDir) {
        return new Registry(Store.openSqlite(dataDir), Clock.systemUTC());
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

    public AdvisoryService advisories() {
        return advisories;
    }

    /** Loads the seed catalog if the registry is empty; returns how many versions were loaded. */
    public int seedIfEmpty() {
        return new SeedLoader(store, publisher).loadIfEmpty();
    }

    /** An HTTP server over this registry, not yet started. */
    public ApiServer httpServer(long maxBodyBytes) {
        return ApiServer.create(store, publisher, catalog, tokens, maxBodyBytes);
    }

    @Override
    public void close() {
        store.close();
    }
}
