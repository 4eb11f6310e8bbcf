package dev.vouch.registry.http;

import dev.vouch.registry.catalog.CatalogService;
import dev.vouch.registry.snapshot.SignedSnapshot;
import dev.vouch.registry.snapshot.SnapshotService;
import io.javalin.http.Context;

/**
 * The signed catalog snapshot, the registry's public key (PEM and JWKS), and each version's manifest as
 * the exact stored bytes, which is what a snapshot's digests are of.
 */
final class SnapshotHandlers {

    private final SnapshotService snapshots;
    private final CatalogService catalog;

    SnapshotHandlers(SnapshotService snapshots, CatalogService catalog) {
        this.snapshots = snapshots;
        this.catalog = catalog;
    }

    void snapshot(Context ctx) {
        SnapshotService.Issued issued = snapshots.current();
        ctx.contentType(SignedSnapshot.MEDIA_TYPE).result(issued.envelope());
    }

    void publicKeyPem(Context ctx) {
        ctx.contentType("application/x-pem-file").result(snapshots.key().publicKeyPem());
    }

    void publicKeyJwks(Context ctx) {
        ctx.contentType("application/jwk-set+json")
                .result(snapshots.key().jwks().toString());
    }

    void manifest(Context ctx) {
        ctx.contentType("application/json")
                .result(catalog.version(ctx.pathParam("serverName"), ctx.pathParam("version"), false)
                        .manifest());
    }
}
