package dev.vouch.registry.auth.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.registry.auth.NamespaceGrant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publisher-authentication file: what it says over the safe defaults, and what it may not say. */
class AuthConfigFileTest {

    @TempDir
    Path dir;

    ExchangeSettings read(String yaml) throws IOException {
        return AuthConfigFile.read(Files.writeString(dir.resolve("auth.yaml"), yaml), ExchangeSettings.defaults());
    }

    @Test
    void theDefaultsAreWhatTheOfficialRegistryOffersWithAnonymousOff() {
        ExchangeSettings defaults = ExchangeSettings.defaults();

        assertThat(defaults.github()).contains(ExchangeSettings.GitHub.official());
        assertThat(defaults.github().orElseThrow().audience()).isEqualTo("mcp-registry");
        assertThat(defaults.http()).isTrue();
        assertThat(defaults.dns()).isTrue();
        assertThat(defaults.anonymous()).isFalse();
        assertThat(defaults.oidcIssuers()).isEmpty();
        assertThat(defaults.tokenLifetime()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aFullFileConfiguresEveryMethod() throws IOException {
        ExchangeSettings settings = read("""
                tokenLifetimeSeconds: 120
                githubOidc:
                  audience: vouch.example.com
                  trustedPublishers:
                    - repository: acme/weather
                      workflow: release.yml
                      grants: ["io.github.acme/weather"]
                    - repository: acme/tools
                oidc:
                  - issuer: https://idp.example.com
                    jwksUri: https://idp.example.com/keys
                    audience: vouch
                    requiredClaims: {hd: example.com}
                    namespaces:
                      - {claim: groups, value: mcp-publishers, grants: ["com.example/*"]}
                http: {enabled: false}
                dns: {enabled: true}
                anonymous: {enabled: true}
                """);

        assertThat(settings.tokenLifetime()).isEqualTo(Duration.ofSeconds(120));
        ExchangeSettings.GitHub github = settings.github().orElseThrow();
        assertThat(github.issuer()).isEqualTo(GitHubOidcExchange.ISSUER);
        assertThat(github.audience()).isEqualTo("vouch.example.com");
        assertThat(github.trustedPublishers())
                .containsExactly(
                        new TrustedPublisher(
                                "acme/weather",
                                Optional.of(".github/workflows/release.yml"),
                                List.of(new NamespaceGrant("io.github.acme/weather"))),
                        new TrustedPublisher(
                                "acme/tools", Optional.empty(), List.of(new NamespaceGrant("io.github.acme/*"))));
        assertThat(settings.oidcIssuers()).singleElement().satisfies(issuer -> {
            assertThat(issuer.requiredClaims()).containsEntry("hd", "example.com");
            assertThat(issuer.mappings())
                    .singleElement()
                    .satisfies(m -> assertThat(m.grants()).containsExactly(new NamespaceGrant("com.example/*")));
        });
        assertThat(settings.http()).isFalse();
        assertThat(settings.anonymous()).isTrue();
    }

    @Test
    void githubOidcCanBeTurnedOff() throws IOException {
        assertThat(read("githubOidc: {enabled: false}\n").github()).isEmpty();
    }

    @Test
    void aTrustedPublisherMayNotGrantOutsideItsOwnersNamespace() {
        assertThatThrownBy(() -> read("""
                githubOidc:
                  trustedPublishers:
                    - repository: acme/weather
                      grants: ["io.github.globex/*"]
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("io.github.acme/");
    }

    @Test
    void unknownFieldsMalformedGrantsAndIssuersWithoutMappingsAreRefused() {
        assertThatThrownBy(() -> read("anonymus: {enabled: true}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("anonymus");
        assertThatThrownBy(() -> read("""
                oidc:
                  - {issuer: https://idp.example.com, jwksUri: https://idp.example.com/keys, audience: vouch,
                     namespaces: [{claim: groups, value: x, grants: ["not a grant"]}]}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a grant");
        assertThatThrownBy(() -> read("""
                oidc:
                  - {issuer: https://idp.example.com, jwksUri: https://idp.example.com/keys, audience: vouch}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maps no claim");
        assertThatThrownBy(() -> read("tokenLifetimeSeconds: 86400\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
