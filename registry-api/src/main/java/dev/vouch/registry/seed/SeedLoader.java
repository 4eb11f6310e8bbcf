package dev.vouch.registry.seed;

import dev.vouch.registry.auth.Principal;
import dev.vouch.registry.domain.Manifest;
import dev.vouch.registry.publish.PublishService;
import dev.vouch.seed.SeedCatalog;
import dev.vouch.store.Store;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Loads the curated seed catalog into an empty registry, through the same publish pipeline as any
 * publisher, so every seed manifest is validated, scanned and decided like a published one.
 */
public final class SeedLoader {

    private final Store store;
    private final PublishService publisher;

    public SeedLoader(Store store, PublishService publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    /**
     * Publishes every seed version not yet stored, as long as nobody but the seed loader has ever
     * published here. A first start seeds the registry; a start after an interrupted seeding finishes
     * it; a registry in use is left alone, so a restart never duplicates or revives entries.
     *
     * @return the number of versions loaded
     */
    public int loadIfEmpty() {
        Principal seed = Principal.seedLoader();
        if (store.read(repos -> repos.versions().anyPublishedByOthers(seed.id()))) {
            return 0;
        }
        int loaded = 0;
        for (SeedCatalog.Entry entry : SeedCatalog.entries()) {
            Manifest manifest = Manifest.parse(entry.serverJson());
            boolean present = store.read(repos -> repos.versions().find(manifest.name(), manifest.version()))
                    .isPresent();
            if (!present) {
                publisher.publish(seed, envelope(entry));
                loaded++;
            }
        }
        return loaded;
    }

    /** A publish envelope around the seed's exact server.json bytes and its tool definitions. */
    private static byte[] envelope(SeedCatalog.Entry entry) {
        if (entry.tools().isEmpty()) {
            return entry.serverJson();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"server\":".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(entry.serverJson());
        out.writeBytes(",\"tools\":".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(entry.tools().get());
        out.writeBytes("}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
