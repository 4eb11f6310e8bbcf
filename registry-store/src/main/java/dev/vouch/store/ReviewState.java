package dev.vouch.store;

import java.util.Locale;
import java.util.Optional;

/** Where a version stands with curation: only published versions are listed to the public. */
public enum ReviewState {
    PUBLISHED,
    PENDING,
    REJECTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReviewState> fromWire(String value) {
        for (ReviewState state : values()) {
            if (state.wireName().equals(value)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
