package dev.vouch.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An API token as stored: only the SHA-256 of the secret, never the secret itself.
 *
 * @param grants name patterns the token may write, such as {@code io.github.acme/*}
 * @param expiresAt when a short-lived (exchanged) token stops authenticating; empty: until revoked
 */
public record StoredToken(
        String id,
        String tokenHash,
        String role,
        List<String> grants,
        Optional<String> description,
        Instant createdAt,
        Optional<Instant> revokedAt,
        Optional<Instant> expiresAt) {

    public StoredToken {
        grants = List.copyOf(grants);
    }

    /** A token that lasts until it is revoked. */
    public StoredToken(
            String id,
            String tokenHash,
            String role,
            List<String> grants,
            Optional<String> description,
            Instant createdAt,
            Optional<Instant> revokedAt) {
        this(id, tokenHash, role, grants, description, createdAt, revokedAt, Optional.empty());
    }

    /** Whether the token still authenticates at {@code now} (not revoked, not expired). */
    public boolean activeAt(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }
}
