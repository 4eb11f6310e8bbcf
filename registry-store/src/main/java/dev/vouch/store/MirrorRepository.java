package dev.vouch.store;

import static dev.vouch.store.Tables.MirrorCheckpoints;
import static dev.vouch.store.Tables.MirrorEntries;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

/** Mirror mode's bookkeeping: each mirrored version's source and outcome, and each upstream's checkpoint. */
public final class MirrorRepository {

    private final DSLContext dsl;

    MirrorRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<MirrorEntry> find(String serverName, String version) {
        return dsl.select(MirrorEntries.ALL)
                .from(MirrorEntries.TABLE)
                .where(MirrorEntries.SERVER_NAME.eq(serverName).and(MirrorEntries.VERSION.eq(version)))
                .fetchOptional(MirrorRepository::toEntry);
    }

    /** Every entry of these servers, whatever their versions: a page's lookups in one query. */
    public List<MirrorEntry> findByServers(java.util.Collection<String> serverNames) {
        if (serverNames.isEmpty()) {
            return List.of();
        }
        return dsl.select(MirrorEntries.ALL)
                .from(MirrorEntries.TABLE)
                .where(MirrorEntries.SERVER_NAME.in(serverNames))
                .fetch(MirrorRepository::toEntry);
    }

    /** The entries of these stored versions, by version id: what reads show as a version's source. */
    public Map<Long, MirrorEntry> byVersionIds(List<Long> versionIds) {
        Map<Long, MirrorEntry> entries = new HashMap<>();
        if (versionIds.isEmpty()) {
            return entries;
        }
        dsl.select(MirrorEntries.ALL)
                .from(MirrorEntries.TABLE)
                .where(MirrorEntries.VERSION_ID.in(versionIds))
                .fetch(MirrorRepository::toEntry)
                .forEach(entry -> entries.put(entry.versionId().orElseThrow(), entry));
        return entries;
    }

    /** Entries with this outcome, oldest first, at most {@code limit}. */
    public List<MirrorEntry> listByOutcome(String outcome, int limit) {
        return dsl.select(MirrorEntries.ALL)
                .from(MirrorEntries.TABLE)
                .where(MirrorEntries.OUTCOME.eq(outcome))
                .orderBy(MirrorEntries.OUTCOME.asc(), MirrorEntries.ID.asc())
                .limit(limit)
                .fetch(MirrorRepository::toEntry);
    }

    /** Inserts or replaces the entry of (server, version). */
    public void save(MirrorEntry entry) {
        if (!update(entry)) {
            insert(entry);
        }
    }

    /** Replaces the entry of (server, version); false when there is none. */
    public boolean update(MirrorEntry entry) {
        int updated = dsl.update(MirrorEntries.TABLE)
                .set(values(entry))
                .where(MirrorEntries.SERVER_NAME.eq(entry.serverName()).and(MirrorEntries.VERSION.eq(entry.version())))
                .execute();
        return updated > 0;
    }

    /** Records an entry for a (server, version) that has none yet. */
    public void insert(MirrorEntry entry) {
        dsl.insertInto(MirrorEntries.TABLE)
                .set(MirrorEntries.SERVER_NAME, entry.serverName())
                .set(MirrorEntries.VERSION, entry.version())
                .set(values(entry))
                .execute();
    }

    /** Everything of an entry but its key, (server, version): what an insert and an update both write. */
    private static Map<Field<?>, Object> values(MirrorEntry entry) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(MirrorEntries.UPSTREAM, entry.upstream());
        values.put(MirrorEntries.VERSION_ID, entry.versionId().orElse(null));
        values.put(MirrorEntries.MANIFEST_SHA256, entry.manifestSha256());
        values.put(
                MirrorEntries.UPSTREAM_PUBLISHED_AT,
                entry.upstreamPublishedAt().map(Micros::of).orElse(null));
        values.put(
                MirrorEntries.UPSTREAM_UPDATED_AT,
                entry.upstreamUpdatedAt().map(Micros::of).orElse(null));
        values.put(MirrorEntries.UPSTREAM_STATUS, entry.upstreamStatus());
        values.put(
                MirrorEntries.UPSTREAM_STATUS_MESSAGE,
                entry.upstreamStatusMessage().orElse(null));
        values.put(MirrorEntries.OUTCOME, entry.outcome());
        values.put(MirrorEntries.REASONS, entry.reasons().orElse(null));
        values.put(MirrorEntries.RECORDED_AT, Micros.of(entry.recordedAt()));
        return values;
    }

    public Optional<MirrorCheckpoint> checkpoint(String upstream) {
        return dsl.select(MirrorCheckpoints.ALL)
                .from(MirrorCheckpoints.TABLE)
                .where(MirrorCheckpoints.UPSTREAM.eq(upstream))
                .fetchOptional(r -> new MirrorCheckpoint(
                        r.get(MirrorCheckpoints.UPSTREAM),
                        instant(r, MirrorCheckpoints.UPDATED_SINCE),
                        instant(r, MirrorCheckpoints.RUN_SINCE),
                        Optional.ofNullable(r.get(MirrorCheckpoints.RUN_CURSOR)),
                        instant(r, MirrorCheckpoints.RUN_HIGH_WATER),
                        instant(r, MirrorCheckpoints.RUN_CLOCK),
                        Optional.ofNullable(r.get(MirrorCheckpoints.SNAPSHOT_SERIAL))));
    }

    public void saveCheckpoint(MirrorCheckpoint checkpoint) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(
                MirrorCheckpoints.UPDATED_SINCE,
                checkpoint.updatedSince().map(Micros::of).orElse(null));
        values.put(
                MirrorCheckpoints.RUN_SINCE,
                checkpoint.runSince().map(Micros::of).orElse(null));
        values.put(MirrorCheckpoints.RUN_CURSOR, checkpoint.runCursor().orElse(null));
        values.put(
                MirrorCheckpoints.RUN_HIGH_WATER,
                checkpoint.runHighWater().map(Micros::of).orElse(null));
        values.put(
                MirrorCheckpoints.RUN_CLOCK,
                checkpoint.runClock().map(Micros::of).orElse(null));
        values.put(
                MirrorCheckpoints.SNAPSHOT_SERIAL, checkpoint.snapshotSerial().orElse(null));
        int updated = dsl.update(MirrorCheckpoints.TABLE)
                .set(values)
                .where(MirrorCheckpoints.UPSTREAM.eq(checkpoint.upstream()))
                .execute();
        if (updated == 0) {
            dsl.insertInto(MirrorCheckpoints.TABLE)
                    .set(MirrorCheckpoints.UPSTREAM, checkpoint.upstream())
                    .set(values)
                    .execute();
        }
    }

    /**
     * Moves a version's {@code updatedAt} without another change: its source, which reads show, changed,
     * so the feed and every cached rendering of it must see a new version of it.
     */
    public void touchVersion(long versionId, Instant at) {
        dsl.update(Tables.ServerVersions.TABLE)
                .set(Tables.ServerVersions.UPDATED_AT, Micros.of(at))
                .where(Tables.ServerVersions.ID.eq(versionId))
                .execute();
    }

    private static Optional<Instant> instant(Record r, org.jooq.Field<Long> field) {
        return Optional.ofNullable(r.get(field)).map(Micros::toInstant);
    }

    private static MirrorEntry toEntry(Record r) {
        return new MirrorEntry(
                r.get(MirrorEntries.UPSTREAM),
                r.get(MirrorEntries.SERVER_NAME),
                r.get(MirrorEntries.VERSION),
                Optional.ofNullable(r.get(MirrorEntries.VERSION_ID)),
                r.get(MirrorEntries.MANIFEST_SHA256),
                instant(r, MirrorEntries.UPSTREAM_PUBLISHED_AT),
                instant(r, MirrorEntries.UPSTREAM_UPDATED_AT),
                r.get(MirrorEntries.UPSTREAM_STATUS),
                Optional.ofNullable(r.get(MirrorEntries.UPSTREAM_STATUS_MESSAGE)),
                r.get(MirrorEntries.OUTCOME),
                Optional.ofNullable(r.get(MirrorEntries.REASONS)),
                Micros.toInstant(r.get(MirrorEntries.RECORDED_AT)));
    }
}
