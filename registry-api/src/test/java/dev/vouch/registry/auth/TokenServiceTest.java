package dev.vouch.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.registry.domain.AuthenticationRequiredException;
import dev.vouch.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exchanged tokens: short-lived, stored hashed, audited, and refused from their expiry on. */
class TokenServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void anExchangedTokenAuthenticatesUntilItsExpiryAndNotFromThen() {
        try (Store store = Store.openSqlite(dataDir)) {
            ExchangedToken issued = new TokenService(store, Clock.fixed(T0, ZoneOffset.UTC))
                    .issueExchanged(
                            "http", "example.com", List.of(new NamespaceGrant("com.example/*")), Duration.ofMinutes(5));
            Optional<String> header = Optional.of("Bearer " + issued.token().secret());

            Principal before =
                    new TokenService(store, Clock.fixed(T0.plusSeconds(299), ZoneOffset.UTC)).authenticate(header);

            assertThat(issued.expiresAt()).isEqualTo(T0.plusSeconds(300));
            assertThat(before.role()).isEqualTo(Role.PUBLISHER);
            assertThat(before.grants()).containsExactly(new NamespaceGrant("com.example/*"));
            assertThatThrownBy(() -> new TokenService(store, Clock.fixed(T0.plusSeconds(300), ZoneOffset.UTC))
                            .authenticate(header))
                    .isInstanceOf(AuthenticationRequiredException.class)
                    .hasMessageContaining("expired");
        }
    }

    @Test
    void anIdentityThatProvesNoNamespaceGetsNoToken() {
        try (Store store = Store.openSqlite(dataDir)) {
            assertThatThrownBy(() -> new TokenService(store, Clock.systemUTC())
                            .issueExchanged("oidc", "x", List.of(), Duration.ofMinutes(5)))
                    .isInstanceOf(AuthenticationRequiredException.class);
            List<dev.vouch.store.StoredToken> stored =
                    store.read(r -> r.tokens().list());
            assertThat(stored).isEmpty();
        }
    }
}
