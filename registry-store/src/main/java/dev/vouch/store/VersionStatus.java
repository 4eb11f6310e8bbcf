package dev.vouch.store;

import java.util.Locale;
import java.util.Optional;

/** Lifecycle status of a published server version, as the official registry names it. */
public enum VersionStatus {
    ACTIVE,
    DEPRECATED,
    DELETED;

    private static final VersionStatus[] ALL = values();

    /*
     * Made once: every row a listing reads is parsed here, and lower-casing the names anew for each was
     * three strings per row, hundreds per page.
     */
    private final String wire = name().toLowerCase(Locale.ROOT);
    private final Optional<VersionStatus> found = Optional.of(this);

    /** The lower-case form used on the wire and in the database. */
    public String wireName() {
        return wire;
    }

    public static Optional<VersionStatus> fromWire(String value) {
        for (VersionStatus status : ALL) {
            if (status.wire.equals(value)) {
                return status.found;
            }
        }
        return Optional.empty();
    }
}
