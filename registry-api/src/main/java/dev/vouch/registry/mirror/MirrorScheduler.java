package dev.vouch.registry.mirror;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a mirror on a schedule ({@code serve --mirror}): one run at start, then one {@code interval} after
 * each run ends, so runs never overlap. A failed run is reported and the next one retries from the
 * checkpoint; it never stops the schedule.
 */
public final class MirrorScheduler implements AutoCloseable {

    private final MirrorService mirror;
    private final Duration interval;
    private final Consumer<String> log;
    private final ScheduledExecutorService executor;

    public MirrorScheduler(MirrorService mirror, Duration interval, Consumer<String> log) {
        this.mirror = mirror;
        this.interval = interval;
        this.log = log;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vouch-mirror");
            thread.setDaemon(true);
            return thread;
        });
    }

    public MirrorScheduler start() {
        executor.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void runOnce() {
        try {
            MirrorReport report = mirror.run(MirrorProgress.none());
            log.accept("mirror " + report.summary());
        } catch (MirrorException e) {
            log.accept("mirror of " + mirror.settings().upstreamId() + " failed: " + e.getMessage()
                    + "; the next run resumes from the checkpoint");
        } catch (RuntimeException e) {
            log.accept("mirror of " + mirror.settings().upstreamId() + " failed: " + e
                    + "; the next run resumes from the checkpoint");
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
