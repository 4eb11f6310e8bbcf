package dev.vouch.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps are stored as microseconds since the epoch: portable across dialects, totally ordered,
 * and precise enough that the {@code updated_since} feed's strict "greater than" loses no entry.
 */
final class Micros {
    private Micros() {}

    static long of(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    static Instant toInstant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
