package dev.vouch.registry.auth;

import java.util.Locale;
import java.util.Optional;

/** What a token may do: publishers write their namespaces, curators review, admins do everything. */
public enum Role {
    PUBLISHER,
    CURATOR,
    ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String value) {
        for (Role role : values()) {
            if (role.wireName().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
