package dev.vouch.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
    private final byte[] stored = wire.getBytes(StandardCharsets.UTF_8);
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

    /** The status stored as these bytes (its wire name in UTF-8), read from a row without making a string. */
    static Optional<VersionStatus> fromStored(byte[] bytes) {
        for (VersionStatus status : ALL) {
            if (Arrays.equals(status.stored, bytes)) {
                return status.found;
            }
        }
        return Optional.empty();
    }
}
