package dev.vouch.store;

import java.time.Instant;

/**
 * What a listing needs to know of one version to place it on a page and to tell whether an answer
 * built from it earlier still holds: every change to a version moves its {@code updatedAt}, and its
 * latest mark and status are part of what it looks like. A listing reads these few columns first and
 * loads whole versions ({@link ServerVersionRepository#listed}) only for those a cache does not hold.
 *
 * <p>{@code updatedAt} is kept as the stored microseconds: a page reads a hundred stamps per request and
 * most readers only compare them, so no {@link Instant} is made for each.
 */
public record VersionStamp(long id, String serverName, long updatedAtMicros, boolean latest, VersionStatus status) {

    public static VersionStamp of(StoredVersion version) {
        return new VersionStamp(
                version.id(), version.serverName(), Micros.of(version.updatedAt()), version.latest(), version.status());
    }
}
