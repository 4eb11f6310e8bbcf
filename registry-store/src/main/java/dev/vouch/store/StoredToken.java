package dev.vouch.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An API token as stored: only the SHA-256 of the secret, never the secret itself.
 *
 * @param grants name patterns the token may write, such as {@code io.github.acme/*}
 */
public record StoredToken(
        String id,
        String tokenHash,
        String role,
        List<String> grants,
        Optional<String> description,
        Instant createdAt,
        Optional<Instant> revokedAt) {

    public StoredToken {
        grants = List.copyOf(grants);
    }
}
