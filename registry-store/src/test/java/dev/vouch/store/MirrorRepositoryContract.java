package dev.vouch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mirror mode's bookkeeping (migration V12) as every store backend must keep it; each backend runs it on
 * a fresh database.
 */
abstract class MirrorRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456Z");
    private static final String UPSTREAM = "https://registry.example";

    @TempDir
    Path dataDir;

    Store store;

    abstract Store openStore(Path dataDir);

    @BeforeEach
    void open() {
        store = openStore(dataDir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static MirrorEntry entry(String name, String version, Optional<Long> versionId, String outcome, String status) {
        return new MirrorEntry(
                UPSTREAM,
                name,
                version,
                versionId,
                "a".repeat(64),
                Optional.of(T0),
                Optional.of(T0.plusSeconds(60)),
                status,
                Optional.empty(),
                outcome,
                outcome.equals("rejected")
                        ? Optional.of("[{\"name\":\"signature\",\"passed\":false}]")
                        : Optional.empty(),
                T0);
    }

    @Test
    void anEntryKeepsItsSourceAndOutcomeAndIsReplacedInPlace() {
        StoredVersion stored =
                store.write(r -> r.versions().insert(StoreContract.version("io.github.a/x", "1.0.0", T0, true)));
        MirrorEntry first = entry("io.github.a/x", "1.0.0", Optional.of(stored.id()), "published", "active");
        store.write(r -> {
            r.mirror().insert(first);
            return null;
        });
        MirrorEntry deprecated = new MirrorEntry(
                UPSTREAM,
                "io.github.a/x",
                "1.0.0",
                Optional.of(stored.id()),
                first.manifestSha256(),
                first.upstreamPublishedAt(),
                Optional.of(T0.plusSeconds(120)),
                "deprecated",
                Optional.of("use 2.0"),
                "published",
                Optional.empty(),
                T0.plusSeconds(121));

        store.write(r -> {
            r.mirror().save(deprecated);
            return null;
        });

        Optional<MirrorEntry> found = store.read(r -> r.mirror().find("io.github.a/x", "1.0.0"));
        java.util.Map<Long, MirrorEntry> byId = store.read(r -> r.mirror().byVersionIds(List.of(stored.id(), 999L)));
        assertThat(found).contains(deprecated);
        assertThat(byId).containsOnlyKeys(stored.id()).containsValue(deprecated);
        assertThat(deprecated.sameUpstreamState(Optional.of(T0.plusSeconds(120)), "deprecated", Optional.of("use 2.0")))
                .isTrue();
    }

    @Test
    void rejectedEntriesAreListedOldestFirstWithTheirReasons() {
        store.write(r -> {
            r.mirror().insert(entry("io.github.a/x", "1.0.0", Optional.empty(), "rejected", "active"));
            r.mirror().insert(entry("io.github.a/y", "1.0.0", Optional.empty(), "skipped", "deleted"));
            r.mirror().insert(entry("io.github.a/z", "2.0.0", Optional.empty(), "rejected", "active"));
            return null;
        });

        List<MirrorEntry> rejected = store.read(r -> r.mirror().listByOutcome("rejected", 10));

        assertThat(rejected).extracting(MirrorEntry::serverName).containsExactly("io.github.a/x", "io.github.a/z");
        assertThat(rejected.get(0).reasons())
                .hasValueSatisfying(reasons -> assertThat(reasons).contains("signature"));
        List<MirrorEntry> ofServers =
                store.read(r -> r.mirror().findByServers(List.of("io.github.a/y", "io.github.a/z")));
        assertThat(ofServers)
                .extracting(MirrorEntry::serverName)
                .containsExactlyInAnyOrder("io.github.a/y", "io.github.a/z");
    }

    @Test
    void aCheckpointRoundTripsAndItsWritesLeaveTheCatalogSequenceAlone() {
        long sequence = store.changeSequence();
        MirrorCheckpoint running = new MirrorCheckpoint(
                UPSTREAM,
                Optional.of(T0),
                Optional.of(T0),
                Optional.of("io.github.a/x:1.0.0"),
                Optional.of(T0.plusSeconds(5)),
                Optional.of(T0.plusSeconds(9)),
                Optional.of(42L));
        MirrorCheckpoint done = new MirrorCheckpoint(
                UPSTREAM,
                Optional.of(T0.plusSeconds(5)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(43L));

        store.writeBookkeeping(r -> {
            r.mirror().saveCheckpoint(running);
            return null;
        });
        Optional<MirrorCheckpoint> afterFirst = store.read(r -> r.mirror().checkpoint(UPSTREAM));
        store.writeBookkeeping(r -> {
            r.mirror().saveCheckpoint(done);
            return null;
        });

        assertThat(afterFirst).contains(running);
        assertThat(afterFirst.orElseThrow().runInProgress()).isTrue();
        Optional<MirrorCheckpoint> afterSecond = store.read(r -> r.mirror().checkpoint(UPSTREAM));
        Optional<MirrorCheckpoint> elsewhere = store.read(r -> r.mirror().checkpoint("https://elsewhere.example"));
        assertThat(afterSecond).contains(done);
        assertThat(elsewhere).isEmpty();
        assertThat(store.changeSequence()).isEqualTo(sequence);
    }

    @Test
    void touchingAVersionMovesItIntoTheFeed() {
        StoredVersion stored =
                store.write(r -> r.versions().insert(StoreContract.version("io.github.a/x", "1.0.0", T0, true)));

        store.write(r -> {
            r.mirror().touchVersion(stored.id(), T0.plusSeconds(300));
            return null;
        });

        assertThat(store.read(r -> r.versions().find("io.github.a/x", "1.0.0"))
                        .orElseThrow()
                        .updatedAt())
                .isEqualTo(T0.plusSeconds(300));
    }
}
