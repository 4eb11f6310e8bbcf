package dev.vouch.registry.mirror;

import java.util.Optional;

/** Hears how a mirror run is going, after every page; the command line draws it. */
public interface MirrorProgress {

    /** A page was applied; {@code soFar} counts everything since the run started. */
    void page(MirrorReport soFar, Optional<Long> expectedTotal);

    /** The run ended, completely or not. */
    void finished(MirrorReport report);

    static MirrorProgress none() {
        return new MirrorProgress() {
            @Override
            public void page(MirrorReport soFar, Optional<Long> expectedTotal) {}

            @Override
            public void finished(MirrorReport report) {}
        };
    }
}
