package dev.vouch.store;

import java.util.Locale;
import java.util.Optional;

/** Lifecycle status of a published server version, as the official registry names it. */
public enum VersionStatus {
    ACTIVE,
    DEPRECATED,
    DELETED;

    /** The lower-case form used on the wire and in the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<VersionStatus> fromWire(String value) {
        for (VersionStatus status : values()) {
            if (status.wireName().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
