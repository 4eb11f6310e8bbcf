package dev.vouch.registry.mirror;

import java.time.Duration;
import java.util.List;

/**
 * What one mirror run did. {@code read} counts the upstream entries read; each lands in exactly one of
 * published, held (the local curator queue), rejected (recorded with reasons, not served), unchanged
 * (nothing new upstream, or a version mirrored from another upstream), updated (a status or source
 * change carried over to a version already mirrored) or skipped (deleted upstream before it was
 * mirrored, recorded so). {@code malformed}
 * names every entry or page that could not be read; {@code complete} is false when a page that never
 * parsed stopped the run early (the checkpoint stays on it, so the next run resumes there).
 */
public record MirrorReport(
        String upstream,
        boolean resumed,
        int pages,
        long read,
        long published,
        long held,
        long rejected,
        long unchanged,
        long updated,
        long skipped,
        List<String> malformed,
        boolean complete,
        Duration elapsed) {

    public MirrorReport {
        malformed = List.copyOf(malformed);
    }

    /** Whether the run wrote anything to the catalog or its audit log. */
    public boolean changedAnything() {
        return published + held + rejected + updated + skipped > 0;
    }

    /** Entries read per second. */
    public double rate() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : read / seconds;
    }

    public String summary() {
        return String.format(
                java.util.Locale.ROOT,
                "%s: %d read in %d page(s), %d published, %d held for review, %d rejected, %d updated, %d unchanged, "
                        + "%d skipped, %d malformed%s in %.1f s (%.0f servers/s)",
                upstream,
                read,
                pages,
                published,
                held,
                rejected,
                updated,
                unchanged,
                skipped,
                malformed.size(),
                complete ? "" : ", INCOMPLETE (a page could not be read; the next run resumes there)",
                elapsed.toNanos() / 1e9,
                rate());
    }
}
