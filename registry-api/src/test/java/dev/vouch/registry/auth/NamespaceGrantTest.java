package dev.vouch.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.registry.domain.ServerName;
import org.junit.jupiter.api.Test;

class NamespaceGrantTest {

    static ServerName name(String text) {
        return ServerName.parse(text).name().orElseThrow();
    }

    @Test
    void namespaceWildcardCoversOnlyThatNamespace() {
        NamespaceGrant grant = new NamespaceGrant("io.github.acme/*");

        assertThat(grant.covers(name("io.github.acme/weather"))).isTrue();
        assertThat(grant.covers(name("io.github.acme-evil/weather"))).isFalse();
        assertThat(grant.covers(name("io.github.acme.evil/weather"))).isFalse();
    }

    @Test
    void exactGrantCoversOneServer() {
        NamespaceGrant grant = new NamespaceGrant("io.github.acme/weather");

        assertThat(grant.covers(name("io.github.acme/weather"))).isTrue();
        assertThat(grant.covers(name("io.github.acme/weather2"))).isFalse();
    }

    @Test
    void subNamespaceWildcardCoversOnlyDeeperNamespaces() {
        NamespaceGrant grant = new NamespaceGrant("com.example.*");

        assertThat(grant.covers(name("com.example.api/weather"))).isTrue();
        assertThat(grant.covers(name("com.example.a.b/weather"))).isTrue();
        assertThat(grant.covers(name("com.example/weather"))).isFalse();
        assertThat(grant.covers(name("com.examplex/weather"))).isFalse();
    }

    @Test
    void malformedGrantsAreRefused() {
        for (String bad :
                new String[] {"", "io.github.acme", "io.github.acme/**", "*/*", "io github/*", ".*", "com.example/x.*"
                }) {
            assertThatThrownBy(() -> new NamespaceGrant(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
