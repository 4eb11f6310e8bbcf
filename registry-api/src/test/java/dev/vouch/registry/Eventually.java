package dev.vouch.registry;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for what another node makes true within a bound of its own (a cached read notices another
 * process's write within the change poll interval): asks again every few milliseconds until the
 * expectation holds, so a test waits only as long as the change took, never a fixed sleep.
 */
public final class Eventually {

    /** Generous beside the 250 ms poll, for a loaded build machine; a passing test waits far less. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);

    private static final long RETRY_MILLIS = 10;

    private Eventually() {}

    /** Returns the first value {@code read} gives that {@code expectation} accepts (by not throwing). */
    public static <T> T until(Supplier<T> read, java.util.function.Consumer<T> expectation) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            T value = read.get();
            try {
                expectation.accept(value);
                return value;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
