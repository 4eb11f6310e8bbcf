package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.registry.RunningRegistry;
import dev.vouch.registry.auth.exchange.ExchangeSettings;
import dev.vouch.registry.http.limits.RateLimitSettings;
import dev.vouch.registry.http.observability.AccessLog;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Budgets per token and per client address on publishes, exchanges and failed authentications. */
class RateLimitTest {

    @TempDir
    Path dataDir;

    RunningRegistry registry;

    RunningRegistry start(RateLimitSettings limits) {
        registry = RunningRegistry.start(
                dataDir,
                false,
                ExchangeSettings.defaults(),
                HttpOptions.defaults().withAccessLog(AccessLog.none()).withRateLimits(limits));
        return registry;
    }

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    RunningRegistry.Response publish(String name, String token) {
        return registry.send(
                "POST", "/v0.1/publish", Optional.ofNullable(token), RegistryApiTest.manifest(name, "1.0.0"));
    }

    static void assertLimited(RunningRegistry.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(429);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).isEqualTo("urn:vouch:problem:rate-limited");
        assertThat(response.header("Retry-After").map(Long::parseLong))
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 60L));
        assertThat(response.header("Cache-Control")).contains("no-store");
    }

    @Test
    void aTokenPublishingPastItsBudgetGets429WithRetryAfterAndNothingIsStored() {
        start(new RateLimitSettings(2, 100, 100, 100));
        String token = registry.token("io.github.acme/*");

        assertThat(publish("io.github.acme/one", token).status()).isEqualTo(200);
        assertThat(publish("io.github.acme/two", token).status()).isEqualTo(200);
        assertLimited(publish("io.github.acme/three", token));

        assertThat(registry.get("/v0.1/servers/io.github.acme%2Fthree/versions").status())
                .isEqualTo(404);
        String other = registry.token("io.github.globex/*");
        assertThat(publish("io.github.globex/one", other).status())
                .as("another token has its own budget")
                .isEqualTo(200);
    }

    @Test
    void anAddressPublishingPastItsBudgetGets429WhateverTokenItUses() {
        start(new RateLimitSettings(100, 2, 100, 100));

        assertThat(publish("io.github.a/one", registry.token("io.github.a/*")).status())
                .isEqualTo(200);
        assertThat(publish("io.github.b/one", registry.token("io.github.b/*")).status())
                .isEqualTo(200);
        assertLimited(publish("io.github.c/one", registry.token("io.github.c/*")));
    }

    @Test
    void anAddressThatSpentItsFailedAuthenticationBudgetCannotWriteEvenWithAGoodToken() {
        start(new RateLimitSettings(100, 100, 3, 100));
        String good = registry.token("io.github.acme/*");

        for (int i = 0; i < 3; i++) {
            assertThat(publish("io.github.acme/x", "vouch_guessed" + i).status())
                    .isEqualTo(401);
        }

        assertLimited(publish("io.github.acme/x", good));
        assertLimited(registry.send("POST", "/v0.1/auth/none", Optional.empty(), new byte[0]));
        assertThat(registry.get("/v0.1/servers").status()).as("reads stay open").isEqualTo(200);
        assertThat(registry.get("/metrics").text()).contains("vouch_auth_failures_total{kind=\"bearer\"} 3.0");
    }

    @Test
    void aFailedAuthenticationIsLoggedWithItsAddressAndReasonButNotTheToken() {
        start(RateLimitSettings.defaults());
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(publish("io.github.acme/x", "vouch_not-a-real-token").status())
                    .isEqualTo(401);
        } finally {
            System.setErr(stderr);
        }

        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(log)
                .contains("authentication failed: POST /v0.1/publish from 127.0.0.1")
                .contains("the token is unknown or revoked")
                .doesNotContain("vouch_not-a-real-token");
    }

    @Test
    void tokenExchangesFromOneAddressHaveTheirOwnBudget() {
        start(new RateLimitSettings(100, 100, 100, 2));

        for (int i = 0; i < 2; i++) {
            assertThat(registry.send("POST", "/v0/auth/none", Optional.empty(), new byte[0])
                            .status())
                    .isEqualTo(401);
        }

        assertLimited(registry.send("POST", "/v0.1/auth/none", Optional.empty(), new byte[0]));
    }

    @Test
    void theDefaultsAreFiniteAndAZeroLimitIsRefused() {
        RateLimitSettings defaults = RateLimitSettings.defaults();

        assertThat(defaults.authFailuresPerAddress()).isEqualTo(10);
        assertThat(defaults.publishPerToken()).isEqualTo(30);
        assertThatThrownBy(() -> new RateLimitSettings(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
