package dev.vouch.registry.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.registry.domain.JsonMappers;
import dev.vouch.store.AuditRecord;
import dev.vouch.store.ReviewState;
import dev.vouch.store.Store;
import dev.vouch.store.StoredVersion;
import dev.vouch.store.VersionStatus;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Issues signed snapshots of the served catalog. A snapshot is built and signed once per audit-log
 * position and reused until the next audited write, so a busy read endpoint neither re-reads the whole
 * catalog nor re-signs it on every request.
 */
public final class SnapshotService {

    private static final int PAGE = 500;
    private static final ObjectMapper JSON = JsonMappers.JSON;

    private final Store store;
    private final RegistryKey key;
    private final Clock clock;
    private final AtomicReference<Issued> latest = new AtomicReference<>();

    public SnapshotService(Store store, RegistryKey key, Clock clock) {
        this.store = store;
        this.key = key;
        this.clock = clock;
    }

    /** A snapshot as served: its serial and the envelope bytes. */
    public record Issued(long serial, byte[] envelope) {}

    public RegistryKey key() {
        return key;
    }

    /** The current snapshot's DSSE envelope, signed by the registry key. */
    public Issued current() {
        long head =
                store.read(repos -> repos.audit().last()).map(AuditRecord::seq).orElse(0L);
        Issued cached = latest.get();
        if (cached != null && cached.serial() == head) {
            return cached;
        }
        CatalogSnapshot snapshot = build();
        Issued issued = new Issued(snapshot.serial(), SignedSnapshot.sign(snapshot, key));
        latest.accumulateAndGet(issued, (old, fresh) -> old != null && old.serial() > fresh.serial() ? old : fresh);
        return issued;
    }

    /**
     * Reads the audit head and every version inside one transaction, so the serial names exactly the
     * catalog listed: a write committed halfway through a plain read could otherwise appear under the
     * serial of the catalog before it.
     */
    private CatalogSnapshot build() {
        return store.write(repos -> {
            Optional<AuditRecord> head = repos.audit().last();
            List<CatalogSnapshot.Entry> entries = new ArrayList<>();
            long after = 0;
            for (List<StoredVersion> page = repos.versions().listAll(after, PAGE);
                    !page.isEmpty();
                    page = repos.versions().listAll(after, PAGE)) {
                for (StoredVersion version : page) {
                    if (served(version)) {
                        entries.add(entry(version));
                    }
                }
                after = page.get(page.size() - 1).id();
            }
            return new CatalogSnapshot(
                    head.map(AuditRecord::seq).orElse(0L),
                    clock.instant(),
                    head.map(AuditRecord::hash).orElse(AuditRecord.GENESIS),
                    entries);
        });
    }

    /** What the catalog serves: published (not held or rejected) and not deleted. */
    private static boolean served(StoredVersion version) {
        return version.reviewState() == ReviewState.PUBLISHED && version.status() != VersionStatus.DELETED;
    }

    private static CatalogSnapshot.Entry entry(StoredVersion version) {
        JsonNode scan = version.trust()
                .map(trust -> json(trust, version))
                .orElse(JSON.missingNode())
                .path("scan");
        return new CatalogSnapshot.Entry(
                version.serverName(),
                version.version(),
                version.manifestSha256(),
                version.toolsDigest(),
                version.tier(),
                text(scan, "verdict"),
                text(scan, "rulesVersion"),
                version.status().wireName());
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.path(field).isTextual() ? Optional.of(node.path(field).asText()) : Optional.empty();
    }

    /** A stored trust summary that does not parse was altered behind the registry's back: sign nothing. */
    private static JsonNode json(byte[] bytes, StoredVersion version) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "stored trust summary of " + version.serverName() + "@" + version.version()
                            + " is not JSON; no snapshot is signed over it",
                    e);
        }
    }
}
