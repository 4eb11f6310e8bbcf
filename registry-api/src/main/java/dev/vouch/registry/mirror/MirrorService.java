package dev.vouch.registry.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.registry.auth.NamespaceGrant;
import dev.vouch.registry.auth.Principal;
import dev.vouch.registry.auth.Role;
import dev.vouch.registry.catalog.CatalogService;
import dev.vouch.registry.domain.JsonMappers;
import dev.vouch.registry.publish.PublishService;
import dev.vouch.store.AuditEvent;
import dev.vouch.store.MirrorCheckpoint;
import dev.vouch.store.MirrorEntry;
import dev.vouch.store.Store;
import dev.vouch.store.StoredVersion;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Mirror mode: pulls an upstream that speaks the official registry API (the official registry, another
 * Vouch, a subregistry) into this registry, page by page with {@code updated_since} and cursors.
 *
 * <p>Nothing is trusted because the upstream trusted it: every version goes through this registry's
 * own {@link PublishService} (validation, evidence, scan, vulnerabilities, local policy), exactly as a
 * publisher's would. A version local policy rejects is recorded with its reasons in the mirror's
 * entries, not served; a held one waits in the local curator queue. Each mirrored version keeps its
 * source (upstream URL, publishedAt, updatedAt, status), which reads show in {@code _meta}. Upstream
 * status changes and deletions are carried over through {@link CatalogService#changeStatus}, audited.
 *
 * <p>The checkpoint of each upstream is durable and moves in the same transaction as the entries of the
 * page it follows, so a run killed at any point resumes from the last page it recorded; a version
 * published before the kill but not yet recorded is recognised by its digest on the re-read, never
 * stored twice. A re-read of what is already mirrored writes nothing at all.
 */
public final class MirrorService {

    /** Who mirrored versions are published by, in the store and the audit log. */
    public static final String PRINCIPAL_ID = "system:mirror";
    /** The {@code _meta} key reads show a mirrored version's source under. */
    public static final String META_KEY = "io.vouch.registry/mirror";

    /** Outcomes recorded for an upstream version. */
    public static final String PUBLISHED = "published";

    public static final String PENDING = "pending";
    public static final String REJECTED = "rejected";
    public static final String SKIPPED = "skipped";

    private static final ObjectMapper JSON = JsonMappers.JSON;
    static final Principal MIRROR =
            new Principal(PRINCIPAL_ID, Role.PUBLISHER, List.of(new NamespaceGrant(NamespaceGrant.EVERYTHING)));

    private final Store store;
    private final MirrorSettings settings;
    private final UpstreamClient client;
    private final LocalDecisions decisions;
    private final Clock clock;

    public MirrorService(
            Store store, PublishService publisher, CatalogService catalog, MirrorSettings settings, Clock clock) {
        this(store, publisher, catalog, settings, clock, duration -> Thread.sleep(duration.toMillis()));
    }

    MirrorService(
            Store store,
            PublishService publisher,
            CatalogService catalog,
            MirrorSettings settings,
            Clock clock,
            UpstreamClient.Sleeper sleeper) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.client = new UpstreamClient(settings, sleeper);
        this.decisions = new LocalDecisions(store, publisher, catalog, settings);
    }

    public MirrorSettings settings() {
        return settings;
    }

    /**
     * One run: from the checkpoint (or where a killed run stopped) to the end of the upstream's feed.
     *
     * @throws MirrorException when the upstream cannot be read or fails the pinned-key check; what was
     *                         applied stays, and the checkpoint stays on the last page recorded
     */
    public MirrorReport run(MirrorProgress progress) {
        ExecutorService workers = Executors.newFixedThreadPool(settings.workers(), runnable -> {
            Thread thread = new Thread(runnable, "vouch-mirror-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return run(progress, workers);
        } finally {
            workers.shutdownNow();
        }
    }

    private MirrorReport run(MirrorProgress progress, ExecutorService workers) {
        long started = System.nanoTime();
        String upstream = settings.upstreamId();
        MirrorCheckpoint checkpoint =
                store.read(repos -> repos.mirror().checkpoint(upstream)).orElse(MirrorCheckpoint.fresh(upstream));
        MirrorRun run = new MirrorRun(upstream, checkpoint);
        String api = api();
        Optional<UpstreamSnapshot> trust = settings.upstreamKey().map(key -> new UpstreamSnapshot(client, key, api));
        trust.ifPresent(snapshot -> snapshot.load(checkpoint.snapshotSerial()));
        CursorGuard cursors = new CursorGuard(run.cursor);
        while (true) {
            String query = pageQuery(api, run);
            UpstreamClient.Answer answer =
                    client.get(query, a -> UpstreamPage.parse(a.body()).isEmpty());
            if (answer.status() == 400 && run.resumed && run.pages == 0 && run.cursor.isPresent()) {
                // The killed run's cursor is no longer accepted (expired): redo that run from its start.
                run.malformed.add("the interrupted run's cursor " + run.cursor.get() + " was refused (HTTP 400); "
                        + "restarted from updated_since");
                run.cursor = Optional.empty();
                cursors = new CursorGuard(Optional.empty());
                continue;
            }
            if (answer.status() != 200) {
                throw new MirrorException(settings.upstreamId() + query + " answered HTTP " + answer.status());
            }
            Optional<UpstreamPage> parsed = UpstreamPage.parse(answer.body());
            if (parsed.isEmpty()) {
                run.malformed.add("page " + (run.pages + 1)
                        + run.cursor.map(c -> " (cursor " + c + ")").orElse("") + ": not a list page after "
                        + settings.attempts() + " attempts; stopped here");
                run.complete = false;
                break;
            }
            UpstreamPage page = parsed.get();
            if (run.clock.isEmpty()) {
                run.clock = answer.date();
            }
            run.pages++;
            page.malformed().forEach(m -> run.malformed.add("page " + run.pages + ", " + m));
            List<Recorded> recorded = applyPage(page, trust, run, workers);
            Optional<String> next = page.nextCursor();
            cursors.advance(next, page, run.pages);
            run.cursor = next;
            if (!recorded.isEmpty()) {
                record(recorded, next.map(cursor -> positionAt(checkpoint, run, cursor, trust)));
            }
            progress.page(run.report(started), page.total());
            if (next.isEmpty()) {
                break;
            }
        }
        finish(checkpoint, run, trust.map(UpstreamSnapshot::serial));
        MirrorReport report = run.report(started);
        progress.finished(report);
        return report;
    }

    private String pageQuery(String api, MirrorRun run) {
        return api + "/servers?limit=" + settings.pageSize()
                + run.since
                        .map(s -> "&updated_since=" + DateTimeFormatter.ISO_INSTANT.format(s))
                        .orElse("")
                + run.cursor.map(c -> "&cursor=" + encode(c)).orElse("");
    }

    /**
     * Every entry of the page is checked against the pinned key before any is applied, so a mismatch applies
     * nothing; then the page is applied and the run's high-water mark moves to its newest entry.
     */
    private List<Recorded> applyPage(
            UpstreamPage page, Optional<UpstreamSnapshot> trust, MirrorRun run, ExecutorService workers) {
        List<byte[]> verified = new ArrayList<>();
        for (UpstreamEntry entry : page.entries()) {
            verified.add(trust.flatMap(t -> t.verifiedManifest(entry)).orElse(null));
        }
        List<Recorded> recorded = applyAll(page.entries(), verified, run, workers);
        for (UpstreamEntry entry : page.entries()) {
            entry.updatedAt()
                    .ifPresent(at -> run.highWater =
                            Optional.of(run.highWater.filter(h -> h.isAfter(at)).orElse(at)));
        }
        return recorded;
    }

    /** Where a run killed after this page resumes: the next page's cursor, within this run's window. */
    private static MirrorCheckpoint positionAt(
            MirrorCheckpoint checkpoint, MirrorRun run, String nextCursor, Optional<UpstreamSnapshot> trust) {
        return new MirrorCheckpoint(
                run.upstream,
                checkpoint.updatedSince(),
                run.since,
                Optional.of(nextCursor),
                run.highWater,
                run.clock,
                trust.map(UpstreamSnapshot::serial).or(checkpoint::snapshotSerial));
    }

    /** {@code /v0.1} where the upstream serves it, else the older {@code /v0}. */
    private String api() {
        UpstreamClient.Answer probe = client.get("/v0.1/servers?limit=1");
        if (probe.status() == 200) {
            return "/v0.1";
        }
        if (probe.status() == 404) {
            UpstreamClient.Answer older = client.get("/v0/servers?limit=1");
            if (older.status() == 200) {
                return "/v0";
            }
            throw new MirrorException(settings.upstreamId() + " serves neither /v0.1/servers nor /v0/servers (HTTP "
                    + older.status() + ")");
        }
        throw new MirrorException(settings.upstreamId() + "/v0.1/servers answered HTTP " + probe.status());
    }

    /**
     * Where the next run starts once this one is complete: the newest updatedAt applied, but no later than
     * the upstream's clock when this run started, so nothing updated upstream while it ran is missed
     * whatever order the upstream pages in. Written only when it moves: a run that found nothing new
     * writes nothing.
     */
    private void finish(MirrorCheckpoint checkpoint, MirrorRun run, Optional<Long> serial) {
        MirrorCheckpoint next;
        if (run.complete) {
            Optional<Instant> since = run.highWater
                    .map(h -> run.clock.filter(c -> c.isBefore(h)).orElse(h))
                    .filter(s -> checkpoint
                            .updatedSince()
                            .map(old -> !s.isBefore(old))
                            .orElse(true))
                    .or(checkpoint::updatedSince);
            next = new MirrorCheckpoint(
                    checkpoint.upstream(),
                    since,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    serial.or(checkpoint::snapshotSerial));
        } else {
            next = new MirrorCheckpoint(
                    checkpoint.upstream(),
                    checkpoint.updatedSince(),
                    run.since,
                    run.cursor,
                    run.highWater,
                    run.clock,
                    serial.or(checkpoint::snapshotSerial));
        }
        if (!next.equals(checkpoint)) {
            store.writeBookkeeping(repos -> {
                repos.mirror().saveCheckpoint(next);
                return null;
            });
        }
    }

    /** An entry to record, the audit action of its recording, and whether it is the first for its version. */
    private record Recorded(MirrorEntry entry, String action, boolean fresh) {}

    private void record(List<Recorded> recorded, Optional<MirrorCheckpoint> position) {
        Instant now = clock.instant();
        store.write(repos -> {
            for (Recorded r : recorded) {
                MirrorEntry entry = r.entry();
                if (r.fresh()) {
                    repos.mirror().insert(entry);
                } else {
                    repos.mirror().save(entry);
                }
                entry.versionId().ifPresent(id -> repos.mirror().touchVersion(id, now));
                ObjectNode detail = JSON.createObjectNode()
                        .put("upstream", entry.upstream())
                        .put("outcome", entry.outcome())
                        .put("upstreamStatus", entry.upstreamStatus())
                        .put("manifestSha256", entry.manifestSha256());
                entry.upstreamUpdatedAt().ifPresent(at -> detail.put("upstreamUpdatedAt", at.toString()));
                repos.audit()
                        .append(new AuditEvent(
                                now,
                                PRINCIPAL_ID,
                                r.action(),
                                entry.serverName() + "@" + entry.version(),
                                detail.toString()));
            }
            position.ifPresent(repos.mirror()::saveCheckpoint);
            return null;
        });
    }

    /**
     * Applies a page's entries, {@code workers} servers at a time, each server's versions in page order (so
     * latest marks and drift baselines follow the upstream's order); returns what to record, in page order.
     */
    private List<Recorded> applyAll(
            List<UpstreamEntry> entries, List<byte[]> verified, MirrorRun run, ExecutorService workers) {
        Map<String, List<Integer>> byServer = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            byServer.computeIfAbsent(entries.get(i).name(), name -> new ArrayList<>())
                    .add(i);
        }
        Map<String, MirrorEntry> known = new java.util.HashMap<>();
        store.read(repos -> repos.mirror().findByServers(byServer.keySet()))
                .forEach(entry -> known.put(entry.serverName() + "@" + entry.version(), entry));
        Recorded[] results = new Recorded[entries.size()];
        List<Future<?>> tasks = new ArrayList<>();
        for (List<Integer> indices : byServer.values()) {
            tasks.add(workers.submit(() -> {
                for (int i : indices) {
                    results[i] = apply(
                                    entries.get(i),
                                    Optional.ofNullable(known.get(entries.get(i).coordinates())),
                                    Optional.ofNullable(verified.get(i)),
                                    run)
                            .orElse(null);
                }
            }));
        }
        RuntimeException failure = null;
        for (Future<?> task : tasks) {
            try {
                task.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException runtime
                            ? runtime
                            : new MirrorException("a mirror worker failed: " + e.getCause(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MirrorException("interrupted while applying a page", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        List<Recorded> recorded = new ArrayList<>();
        for (Recorded result : results) {
            if (result != null) {
                recorded.add(result);
            }
        }
        return recorded;
    }

    /** Applies one upstream entry; returns what to record, or empty when nothing changed. */
    private Optional<Recorded> apply(
            UpstreamEntry entry, Optional<MirrorEntry> known, Optional<byte[]> exact, MirrorRun run) {
        run.read.incrementAndGet();
        if (known.isPresent() && !known.get().upstream().equals(run.upstream)) {
            // Mirrored from another upstream: that one's to change, nothing to do from here.
            run.unchanged.incrementAndGet();
            return Optional.empty();
        }
        if (known.isPresent()) {
            MirrorEntry previous = known.get();
            if (previous.sameUpstreamState(entry.updatedAt(), entry.status(), entry.statusMessage())) {
                run.unchanged.incrementAndGet();
                return Optional.empty();
            }
            if (!SKIPPED.equals(previous.outcome()) || "deleted".equals(entry.status())) {
                decisions.carryStatus(entry, previous.versionId(), previous.outcome());
                run.updated.incrementAndGet();
                return Optional.of(new Recorded(withUpstream(previous, entry), "mirror.update", false));
            }
        }
        byte[] manifest = exact.orElseGet(() -> bytes(entry.server()));
        String sha256 = UpstreamSnapshot.sha256(manifest);
        if ("deleted".equals(entry.status())) {
            Optional<StoredVersion> local = store.read(repos -> repos.versions().find(entry.name(), entry.version()));
            if (local.isEmpty() || !local.get().manifestSha256().equals(sha256)) {
                run.skipped.incrementAndGet();
                return Optional.of(new Recorded(
                        newEntry(
                                entry,
                                Optional.empty(),
                                sha256,
                                SKIPPED,
                                Optional.of(LocalDecisions.reason("deleted upstream before it was mirrored"))),
                        "mirror.skip",
                        known.isEmpty()));
            }
        }
        LocalDecisions.Decided decided = decisions.decide(entry, manifest, sha256);
        switch (decided.outcome()) {
            case PUBLISHED -> run.published.incrementAndGet();
            case PENDING -> run.held.incrementAndGet();
            default -> run.rejected.incrementAndGet();
        }
        // A version this run published is active; one published before a kill may already carry its status.
        if (decided.versionId().isPresent() && (decided.adopted() || !"active".equals(entry.status()))) {
            decisions.carryStatus(entry, decided.versionId(), decided.outcome());
        }
        return Optional.of(new Recorded(
                newEntry(entry, decided.versionId(), sha256, decided.outcome(), decided.reasons()),
                "mirror." + decided.outcome(),
                known.isEmpty()));
    }

    private MirrorEntry newEntry(
            UpstreamEntry entry, Optional<Long> versionId, String sha256, String outcome, Optional<String> reasons) {
        return new MirrorEntry(
                settings.upstreamId(),
                entry.name(),
                entry.version(),
                versionId,
                sha256,
                entry.publishedAt(),
                entry.updatedAt(),
                entry.status(),
                entry.statusMessage(),
                outcome,
                reasons,
                clock.instant());
    }

    private MirrorEntry withUpstream(MirrorEntry previous, UpstreamEntry entry) {
        return new MirrorEntry(
                previous.upstream(),
                previous.serverName(),
                previous.version(),
                previous.versionId(),
                previous.manifestSha256(),
                entry.publishedAt(),
                entry.updatedAt(),
                entry.status(),
                entry.statusMessage(),
                previous.outcome(),
                previous.reasons(),
                clock.instant());
    }

    private static byte[] bytes(JsonNode server) {
        try {
            return JSON.writeValueAsBytes(server);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a parsed server cannot be written back", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
