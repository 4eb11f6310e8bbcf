package dev.vouch.store;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A number that changes whenever the catalog may have changed, read without touching the database: what
 * response caches key on. It moves at once when a write of this store commits, and within one poll
 * interval (plus the time of one read of the database's change sequence) when a write of any other
 * process commits: another node on the same database, or the CLI writing the same SQLite file.
 *
 * <p>It is a generation of this process, not the database's change sequence itself, so that a sequence
 * seen again (a database restored from an older copy) never revives answers kept under it.
 *
 * <p>One daemon thread polls the database's change sequence; it starts with {@link #follow} (a server)
 * and never for a command that only writes. While the sequence cannot be read the generation moves on
 * every poll, so nothing kept is served as current when changes elsewhere could go unseen.
 */
public final class CatalogGeneration {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogGeneration.class);

    private final LongSupplier databaseSequence;
    private final AtomicLong generation = new AtomicLong();
    /** The database's change sequence as last seen; only ever compared for difference. */
    private final AtomicLong lastSeen = new AtomicLong(Long.MIN_VALUE);

    private ScheduledExecutorService poller;
    /** Whether the last poll failed, so a failure is logged once and its end once. */
    private volatile boolean failing;

    CatalogGeneration(LongSupplier databaseSequence) {
        this.databaseSequence = databaseSequence;
    }

    /** The generation now: equal values mean nothing was written in between, as far as this process knows. */
    public long current() {
        return generation.get();
    }

    /**
     * Called after a write of this store committed the change sequence {@code sequence}: readers from now on
     * get a new generation, so they read what it wrote.
     */
    void committed(long sequence) {
        lastSeen.accumulateAndGet(sequence, Math::max);
        generation.incrementAndGet();
    }

    /**
     * Starts looking for other processes' writes every {@code every}, after reading the sequence once now.
     * Following again keeps the first interval.
     */
    synchronized void follow(Duration every) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the change poll interval must be positive");
        }
        if (poller != null) {
            return;
        }
        poll();
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vouch-catalog-changes");
            thread.setDaemon(true);
            return thread;
        });
        long micros = TimeUnit.NANOSECONDS.toMicros(every.toNanos());
        poller.scheduleWithFixedDelay(this::poll, micros, micros, TimeUnit.MICROSECONDS);
    }

    /** Reads the database's change sequence and moves the generation if it differs from the last seen. */
    void poll() {
        long before = lastSeen.get();
        long sequence;
        try {
            sequence = databaseSequence.getAsLong();
        } catch (RuntimeException e) {
            generation.incrementAndGet();
            lastSeen.set(Long.MIN_VALUE);
            if (!failing) {
                failing = true;
                LOG.warn("cannot read the catalog change sequence; cached answers are not served until it reads", e);
            }
            return;
        }
        if (failing) {
            failing = false;
            LOG.info("the catalog change sequence reads again");
        }
        while (true) {
            long seen = lastSeen.get();
            // A write of this store that committed during the read set a sequence of its own: what was read
            // is news only if newer than that. Otherwise any difference is (a restored database too).
            boolean changed = seen == before ? sequence != seen : sequence > seen;
            if (!changed) {
                return;
            }
            if (lastSeen.compareAndSet(seen, sequence)) {
                generation.incrementAndGet();
                return;
            }
        }
    }

    /** Stops polling, waiting for a poll under way, so none reads a database being closed. */
    synchronized void stop() {
        if (poller == null) {
            return;
        }
        poller.shutdownNow();
        try {
            poller.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
