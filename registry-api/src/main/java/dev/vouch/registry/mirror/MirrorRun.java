package dev.vouch.registry.mirror;

import dev.vouch.store.MirrorCheckpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The state of one mirror run: where it reads next and what it counted (the workers count at once). */
final class MirrorRun {
    final String upstream;
    final boolean resumed;
    Optional<Instant> since;
    Optional<String> cursor;
    Optional<Instant> highWater;
    Optional<Instant> clock;
    final List<String> malformed = new ArrayList<>();
    boolean complete = true;
    int pages;
    final AtomicLong read = new AtomicLong();
    final AtomicLong published = new AtomicLong();
    final AtomicLong held = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong unchanged = new AtomicLong();
    final AtomicLong updated = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();

    MirrorRun(String upstream, MirrorCheckpoint checkpoint) {
        this.upstream = upstream;
        this.resumed = checkpoint.runInProgress();
        this.since = resumed ? checkpoint.runSince() : checkpoint.updatedSince();
        this.cursor = resumed ? checkpoint.runCursor() : Optional.empty();
        this.highWater = resumed ? checkpoint.runHighWater() : Optional.empty();
        this.clock = resumed ? checkpoint.runClock() : Optional.empty();
    }

    MirrorReport report(long startedNanos) {
        return new MirrorReport(
                upstream,
                resumed,
                pages,
                read.get(),
                published.get(),
                held.get(),
                rejected.get(),
                unchanged.get(),
                updated.get(),
                skipped.get(),
                malformed,
                complete,
                Duration.ofNanos(System.nanoTime() - startedNanos));
    }
}
