package dev.vouch.registry.cli;

import dev.vouch.registry.mirror.MirrorProgress;
import dev.vouch.registry.mirror.MirrorReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A mirror run's progress: on a terminal, one line redrawn in place with a bar (when the upstream says how
 * many entries to expect), servers/s and an ETA; elsewhere (a log, a pipe) a plain line every
 * {@code every}, so a log is not flooded with one line per page.
 */
final class ProgressPrinter implements MirrorProgress {

    private static final int BAR = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final Duration every;
    private final long startedNanos = System.nanoTime();
    private long lastLineNanos = System.nanoTime();
    private boolean drawn;

    ProgressPrinter(PrintWriter out, boolean terminal, Duration every) {
        this.out = out;
        this.terminal = terminal;
        this.every = every;
    }

    @Override
    public void page(MirrorReport soFar, Optional<Long> expectedTotal) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        double rate = seconds > 0 ? soFar.read() / seconds : 0;
        if (terminal) {
            out.print("\r" + line(soFar, expectedTotal, rate) + "   ");
            out.flush();
            drawn = true;
        } else if (System.nanoTime() - lastLineNanos >= every.toNanos()) {
            lastLineNanos = System.nanoTime();
            out.println("mirror: " + line(soFar, expectedTotal, rate));
            out.flush();
        }
    }

    static String line(MirrorReport soFar, Optional<Long> expectedTotal, double rate) {
        StringBuilder line = new StringBuilder();
        if (expectedTotal.isPresent() && expectedTotal.get() > 0) {
            long total = expectedTotal.get();
            int filled = (int) Math.min(BAR, soFar.read() * BAR / total);
            line.append('[')
                    .append("#".repeat(filled))
                    .append(".".repeat(BAR - filled))
                    .append("] ")
                    .append(String.format(Locale.ROOT, "%,d/%,d", soFar.read(), total));
        } else {
            line.append(String.format(Locale.ROOT, "%,d", soFar.read()));
        }
        line.append(String.format(Locale.ROOT, " servers, %.0f servers/s", rate));
        if (expectedTotal.isPresent() && rate > 0 && expectedTotal.get() > soFar.read()) {
            long eta = (long) ((expectedTotal.get() - soFar.read()) / rate);
            line.append(String.format(Locale.ROOT, ", ETA %d:%02d", eta / 60, eta % 60));
        }
        line.append(String.format(
                Locale.ROOT,
                " (%d published, %d held, %d rejected, %d unchanged)",
                soFar.published(),
                soFar.held(),
                soFar.rejected(),
                soFar.unchanged()));
        return line.toString();
    }

    @Override
    public void finished(MirrorReport report) {
        if (drawn) {
            out.println();
        }
        out.println("mirror " + report.summary());
        report.malformed().forEach(m -> out.println("  malformed, skipped: " + m));
        out.flush();
    }
}
