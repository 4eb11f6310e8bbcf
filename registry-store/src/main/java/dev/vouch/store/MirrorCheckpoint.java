package dev.vouch.store;

import java.time.Instant;
import java.util.Optional;

/**
 * How far a mirror has read one upstream. {@code updatedSince} is where the next run starts. While a run
 * is under way, {@code runCursor} is the next page it will read, {@code runSince} the updated_since it
 * started from, {@code runHighWater} the newest upstream updatedAt it has applied and {@code runClock}
 * the upstream's clock when it started; a run killed mid-way resumes from them. {@code snapshotSerial}
 * is the highest signed-snapshot serial verified from this upstream (a lower one is a rollback).
 */
public record MirrorCheckpoint(
        String upstream,
        Optional<Instant> updatedSince,
        Optional<Instant> runSince,
        Optional<String> runCursor,
        Optional<Instant> runHighWater,
        Optional<Instant> runClock,
        Optional<Long> snapshotSerial) {

    public static MirrorCheckpoint fresh(String upstream) {
        return new MirrorCheckpoint(
                upstream,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** Whether a run was under way when the process stopped. */
    public boolean runInProgress() {
        return runCursor.isPresent();
    }
}
