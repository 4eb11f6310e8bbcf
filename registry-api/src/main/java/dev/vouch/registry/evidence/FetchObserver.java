package dev.vouch.registry.evidence;

import java.time.Duration;

/** Told of every evidence fetch from a package registry: which kind, how long it took, whether it failed. */
@FunctionalInterface
public interface FetchObserver {

    FetchObserver NONE = (registry, took, failed) -> {};

    /** @param registry {@code oci} or {@code npm} */
    void fetched(String registry, Duration took, boolean failed);
}
