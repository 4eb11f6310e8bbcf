package dev.vouch.registry.auth.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers each signed proof for as long as its timestamp could still be accepted, so a captured
 * proof cannot be replayed inside the window. Entries older than the window are dropped, so memory is
 * bounded by the rate of proofs (which the rate limiter bounds in turn).
 */
final class ReplayGuard {

    private final Duration retention;
    private final Clock clock;
    private final Map<String, Instant> seen = new LinkedHashMap<>();

    ReplayGuard(Duration retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    /** Whether {@code proof} is seen for the first time within the retention; records it. */
    synchronized boolean firstUse(String proof) {
        Instant now = clock.instant();
        Iterator<Map.Entry<String, Instant>> oldest = seen.entrySet().iterator();
        while (oldest.hasNext()) {
            if (oldest.next().getValue().plus(retention).isAfter(now)) {
                break;
            }
            oldest.remove();
        }
        return seen.putIfAbsent(proof, now) == null;
    }
}
