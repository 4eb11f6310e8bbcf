package dev.vouch.registry.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.vouch.registry.RunningRegistry;
import dev.vouch.registry.auth.NamespaceGrant;
import dev.vouch.registry.auth.exchange.ExchangeSettings;
import dev.vouch.registry.auth.exchange.FakeIssuer;
import dev.vouch.registry.auth.exchange.JwtVerifier;
import dev.vouch.registry.auth.exchange.OidcExchange;
import dev.vouch.registry.auth.exchange.TrustedPublisher;
import dev.vouch.registry.http.limits.RateLimitSettings;
import dev.vouch.registry.http.observability.AccessLog;
import dev.vouch.store.AuditRecord;
import dev.vouch.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official registry's token exchange, end to end: a real registry, WireMock as the GitHub Actions
 * issuer, a company IdP and the domains' web servers, a swapped-in DNS resolver. Each method grants what
 * its proof covers, and every forged, stale or misdirected proof is a 401 problem. One registry serves
 * the class (each test publishes its own names); tests of other settings start their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublisherAuthenticationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUDIENCE = "mcp-registry";

    @TempDir
    static Path dataDir;

    WireMockServer wiremock;
    FakeIssuer github;
    FakeIssuer idp;
    KeyPair domainKey;
    final Map<String, List<String>> txt = new ConcurrentHashMap<>();
    RunningRegistry registry;

    @BeforeAll
    void start() {
        wiremock =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wiremock.start();
        github = new FakeIssuer(wiremock, "/github");
        idp = new FakeIssuer(wiremock, "/idp");
        registry = start(dataDir.resolve("shared"), settings(List.of()));
    }

    @BeforeEach
    void freshDomainKey() throws Exception {
        domainKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    ExchangeSettings settings(List<TrustedPublisher> rules) {
        return ExchangeSettings.defaults()
                .withGitHub(Optional.of(new ExchangeSettings.GitHub(github.issuer(), github.jwks(), AUDIENCE, rules)))
                .withOidcIssuers(List.of(new OidcExchange.Issuer(
                        idp.issuer(),
                        idp.jwks(),
                        "vouch",
                        Map.of("hd", "example.com"),
                        List.of(new OidcExchange.ClaimMapping(
                                "groups", "mcp-publishers", List.of(new NamespaceGrant("com.example/*")))))))
                .withDomainProof(
                        true,
                        true,
                        wiremock.baseUrl() + "/domains/{domain}/.well-known/mcp-registry-auth",
                        domain -> txt.getOrDefault(domain, List.of()))
                // A refetch for an unknown key id may happen at once, so rotation is seen by the next token.
                .withJwks(
                        new JwtVerifier.JwksSettings(Duration.ofHours(1), Duration.ofMillis(1), Duration.ofSeconds(5)));
    }

    static RunningRegistry start(Path data, ExchangeSettings settings) {
        return RunningRegistry.start(
                data,
                false,
                settings,
                HttpOptions.defaults()
                        .withAccessLog(AccessLog.none())
                        .withRateLimits(new RateLimitSettings(1000, 1000, 1000, 1000)));
    }

    @AfterAll
    void stop() {
        registry.close();
        wiremock.stop();
    }

    RunningRegistry.Response exchange(String prefix, String method, Object body) throws Exception {
        return exchange(registry, prefix, method, body);
    }

    static RunningRegistry.Response exchange(RunningRegistry on, String prefix, String method, Object body)
            throws Exception {
        return on.send("POST", prefix + "/auth/" + method, Optional.empty(), JSON.writeValueAsBytes(body));
    }

    RunningRegistry.Response publish(String name, String token) {
        return publish(registry, name, token);
    }

    static RunningRegistry.Response publish(RunningRegistry on, String name, String token) {
        return on.send("POST", "/v0.1/publish", Optional.of(token), RegistryApiTest.manifest(name, "1.0.0"));
    }

    static void assertRefused(RunningRegistry.Response response, String reason) {
        assertThat(response.status()).as(response.text()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).isEqualTo("urn:vouch:problem:unauthenticated");
        assertThat(response.json().path("detail").asText()).contains(reason);
    }

    // --- github-oidc -------------------------------------------------------------------------------

    @Test
    void anActionsTokenIsExchangedForAShortLivedTokenThatPublishesInTheOwnersNamespaceOnly() throws Exception {
        for (String prefix : List.of("/v0", "/v0.1")) {
            RunningRegistry.Response exchanged = exchange(
                    prefix,
                    "github-oidc",
                    FakeIssuer.body(github.sign(github.actions("acme/weather", "release.yml", AUDIENCE))));

            assertThat(exchanged.status()).as(exchanged.text()).isEqualTo(200);
            assertThat(exchanged.header("Cache-Control")).contains("no-store");
            long expiresAt = exchanged.json().path("expires_at").asLong();
            assertThat(expiresAt)
                    .isBetween(
                            Instant.now().getEpochSecond() + 240, Instant.now().getEpochSecond() + 301);
            String token = exchanged.json().path("registry_token").asText();
            String name = "io.github.acme/weather-" + prefix.length();
            assertThat(publish(name, token).status()).isEqualTo(200);
            assertThat(publish("io.github.other/weather", token).status()).isEqualTo(403);
            RunningRegistry.Response deprecated = registry.send(
                    "PATCH",
                    prefix + "/servers/" + RegistryApiTest.encoded(name) + "/versions/1.0.0/status",
                    Optional.of(token),
                    "{\"status\":\"deprecated\",\"statusMessage\":\"use 2.0.0\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(deprecated.status()).as(deprecated.text()).isEqualTo(200);
        }
    }

    @Test
    void everyExchangedTokenIsAuditedWithItsMethodSubjectAndGrants() throws Exception {
        RunningRegistry.Response exchanged = exchange(
                "/v0.1",
                "github-oidc",
                FakeIssuer.body(github.sign(github.actions("auditco/ledger", "release.yml", AUDIENCE))));

        try (Store store = Store.openSqlite(dataDir.resolve("shared"))) {
            List<AuditRecord> records = store.read(r -> r.audit().read(0, 1000));
            AuditRecord exchange = records.stream()
                    .filter(r ->
                            r.action().equals("token.exchange") && r.actor().contains("auditco/ledger"))
                    .findFirst()
                    .orElseThrow();
            assertThat(exchange.actor()).isEqualTo("github-oidc:repo:auditco/ledger:ref:refs/tags/v1.0.0");
            JsonNode detail = JSON.readTree(exchange.detail());
            assertThat(detail.path("method").asText()).isEqualTo("github-oidc");
            assertThat(detail.path("grants").get(0).asText()).isEqualTo("io.github.auditco/*");
            assertThat(Instant.parse(detail.path("expiresAt").asText()).getEpochSecond())
                    .isEqualTo(exchanged.json().path("expires_at").asLong());
            assertThat(exchange.detail())
                    .doesNotContain(exchanged.json().path("registry_token").asText());
        }
    }

    @Test
    void anExpiredActionsTokenIsRefused() throws Exception {
        Instant past = Instant.now().minus(2, ChronoUnit.HOURS);
        var claims = github.actions("acme/weather", "release.yml", AUDIENCE)
                .issueTime(java.util.Date.from(past))
                .notBeforeTime(java.util.Date.from(past))
                .expirationTime(java.util.Date.from(past.plusSeconds(300)));

        assertRefused(exchange("/v0.1", "github-oidc", FakeIssuer.body(github.sign(claims))), "Expired JWT");
    }

    @Test
    void anActionsTokenForAnotherAudienceIsRefused() throws Exception {
        assertRefused(
                exchange(
                        "/v0.1",
                        "github-oidc",
                        FakeIssuer.body(
                                github.sign(github.actions("acme/weather", "release.yml", "sts.amazonaws.com")))),
                "aud claim rejected");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefusedEvenWhenSignedWithTheIssuersKey() throws Exception {
        var claims = github.actions("acme/weather", "release.yml", AUDIENCE).issuer("https://evil.example");

        assertRefused(exchange("/v0.1", "github-oidc", FakeIssuer.body(github.sign(claims))), "iss");
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() throws Exception {
        assertRefused(
                exchange(
                        "/v0.1",
                        "github-oidc",
                        FakeIssuer.body(github.unsigned(github.actions("acme/weather", "release.yml", AUDIENCE)))),
                "unsigned (alg none)");
    }

    @Test
    void anIssuerWhoseKeysCannotBeFetchedIsUnavailableNotARefusal(@TempDir Path data) throws Exception {
        FakeIssuer down = new FakeIssuer(wiremock, "/down");
        wiremock.stubFor(get(urlEqualTo("/down/jwks")).willReturn(aResponse().withStatus(500)));
        ExchangeSettings settings = ExchangeSettings.defaults()
                .withGitHub(Optional.of(new ExchangeSettings.GitHub(down.issuer(), down.jwks(), AUDIENCE, List.of())));

        try (RunningRegistry other = start(data, settings)) {
            RunningRegistry.Response response = exchange(
                    other,
                    "/v0.1",
                    "github-oidc",
                    FakeIssuer.body(down.sign(down.actions("acme/weather", "release.yml", AUDIENCE))));

            assertThat(response.status()).as(response.text()).isEqualTo(503);
            assertThat(response.json().path("detail").asText()).contains("could not be fetched");
        }
    }

    @Test
    void anHs256TokenKeyedWithThePublishedRsaKeyIsRefused() throws Exception {
        assertRefused(
                exchange(
                        "/v0.1",
                        "github-oidc",
                        FakeIssuer.body(github.signHs256WithPublicKey(
                                github.actions("acme/weather", "release.yml", AUDIENCE)))),
                "refused");
    }

    @Test
    void aTokenSignedByAKeyTheJwksDoesNotPublishIsRefused() throws Exception {
        assertRefused(
                exchange(
                        "/v0.1",
                        "github-oidc",
                        FakeIssuer.body(
                                github.signWithUnknownKey(github.actions("acme/weather", "release.yml", AUDIENCE)))),
                "refused");
    }

    @Test
    void aRotatedIssuerKeyIsPickedUpWithoutARestart() throws Exception {
        assertThat(exchange(
                                "/v0.1",
                                "github-oidc",
                                FakeIssuer.body(github.sign(github.actions("acme/weather", "release.yml", AUDIENCE))))
                        .status())
                .isEqualTo(200);
        github.rotate();

        RunningRegistry.Response afterRotation = exchange(
                "/v0.1",
                "github-oidc",
                FakeIssuer.body(github.sign(github.actions("acme/weather", "release.yml", AUDIENCE))));

        assertThat(afterRotation.status()).as(afterRotation.text()).isEqualTo(200);
    }

    @Test
    void garbageInsteadOfAJwtIsRefusedAndAMissingTokenIsABadRequest() throws Exception {
        assertRefused(exchange("/v0.1", "github-oidc", FakeIssuer.body("not-a-jwt")), "not a JWT");
        RunningRegistry.Response missing = exchange("/v0.1", "github-oidc", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void trustedPublishingNarrowsAnOwnerToItsConfiguredRepositoryAndWorkflow() throws Exception {
        try (RunningRegistry narrowed = start(
                dataDir.resolve("narrowed"),
                settings(List.of(new TrustedPublisher(
                        "acme/weather",
                        Optional.of("release.yml"),
                        List.of(new NamespaceGrant("io.github.acme/weather"))))))) {
            RunningRegistry.Response trusted = exchange(
                    narrowed,
                    "/v0.1",
                    "github-oidc",
                    FakeIssuer.body(github.sign(github.actions("acme/weather", "release.yml", AUDIENCE))));
            assertThat(trusted.status()).as(trusted.text()).isEqualTo(200);
            String token = trusted.json().path("registry_token").asText();
            assertThat(publish(narrowed, "io.github.acme/weather", token).status())
                    .isEqualTo(200);
            assertThat(publish(narrowed, "io.github.acme/other", token).status())
                    .isEqualTo(403);

            assertRefused(
                    exchange(
                            narrowed,
                            "/v0.1",
                            "github-oidc",
                            FakeIssuer.body(github.sign(github.actions("acme/other", "release.yml", AUDIENCE)))),
                    "does not trust acme/other");
            assertRefused(
                    exchange(
                            narrowed,
                            "/v0.1",
                            "github-oidc",
                            FakeIssuer.body(github.sign(github.actions("acme/weather", "ci.yml", AUDIENCE)))),
                    "workflow .github/workflows/ci.yml");
            RunningRegistry.Response otherOwner = exchange(
                    narrowed,
                    "/v0.1",
                    "github-oidc",
                    FakeIssuer.body(github.sign(github.actions("globex/tool", "ci.yml", AUDIENCE))));
            assertThat(otherOwner.status())
                    .as("owners no rule names keep io.github.<owner>/*")
                    .isEqualTo(200);
        }
    }

    @Test
    void githubOidcCanBeDisabled() throws Exception {
        try (RunningRegistry withoutGitHub =
                start(dataDir.resolve("no-github"), settings(List.of()).withGitHub(Optional.empty()))) {
            assertRefused(
                    exchange(
                            withoutGitHub,
                            "/v0.1",
                            "github-oidc",
                            FakeIssuer.body(github.sign(github.actions("acme/weather", "release.yml", AUDIENCE)))),
                    "disabled");
        }
    }

    // --- oidc ---------------------------------------------------------------------------------------

    @Test
    void aCompanyIdpTokenGetsTheNamespacesItsClaimsMapTo() throws Exception {
        var claims = idp.claims("vouch")
                .subject("alice")
                .claim("hd", "example.com")
                .claim("groups", List.of("staff", "mcp-publishers"));

        RunningRegistry.Response exchanged = exchange("/v0", "oidc", FakeIssuer.body(idp.sign(claims)));

        assertThat(exchanged.status()).as(exchanged.text()).isEqualTo(200);
        String token = exchanged.json().path("registry_token").asText();
        assertThat(publish("com.example/weather", token).status()).isEqualTo(200);
        assertThat(publish("io.github.acme/weather", token).status()).isEqualTo(403);
    }

    @Test
    void aCompanyIdpTokenWithoutAMappedClaimOrRequiredClaimIsRefused() throws Exception {
        assertRefused(
                exchange(
                        "/v0.1",
                        "oidc",
                        FakeIssuer.body(idp.sign(idp.claims("vouch")
                                .subject("bob")
                                .claim("hd", "example.com")
                                .claim("groups", List.of("staff"))))),
                "no namespace is mapped");
        assertRefused(
                exchange(
                        "/v0.1",
                        "oidc",
                        FakeIssuer.body(idp.sign(idp.claims("vouch")
                                .subject("eve")
                                .claim("hd", "evil.example")
                                .claim("groups", List.of("mcp-publishers"))))),
                "hd claim");
    }

    @Test
    void aTokenFromAnIssuerNobodyConfiguredIsRefused() throws Exception {
        assertRefused(
                exchange(
                        "/v0.1",
                        "oidc",
                        FakeIssuer.body(github.sign(github.actions("acme/weather", "release.yml", "vouch")))),
                "issuer is not trusted");
    }

    @Test
    void anIdpTokenForAnotherAudienceIsRefused() throws Exception {
        assertRefused(
                exchange(
                        "/v0.1",
                        "oidc",
                        FakeIssuer.body(idp.sign(idp.claims("someone-else")
                                .subject("alice")
                                .claim("hd", "example.com")
                                .claim("groups", List.of("mcp-publishers"))))),
                "aud claim rejected");
    }

    // --- http and dns -------------------------------------------------------------------------------

    String keyRecord() {
        byte[] spki = domainKey.getPublic().getEncoded();
        return "v=MCPv1; k=ed25519; p="
                + Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    Map<String, String> proof(String domain, Instant at) throws Exception {
        String timestamp = at.truncatedTo(ChronoUnit.SECONDS).toString();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(domainKey.getPrivate());
        signer.update(timestamp.getBytes(StandardCharsets.UTF_8));
        return Map.of(
                "domain",
                domain,
                "timestamp",
                timestamp,
                "signed_timestamp",
                HexFormat.of().formatHex(signer.sign()));
    }

    void serveKeyFile(String domain, String body) {
        wiremock.stubFor(get(urlEqualTo("/domains/" + domain + "/.well-known/mcp-registry-auth"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/plain")
                        .withBody(body)));
    }

    @Test
    void httpProofOfADomainGrantsItsReversedNamespaceButNotItsSubdomains() throws Exception {
        serveKeyFile("web.example.net", keyRecord() + "\n");

        RunningRegistry.Response exchanged = exchange("/v0.1", "http", proof("web.example.net", Instant.now()));

        assertThat(exchanged.status()).as(exchanged.text()).isEqualTo(200);
        String token = exchanged.json().path("registry_token").asText();
        assertThat(publish("net.example.web/weather", token).status()).isEqualTo(200);
        assertThat(publish("net.example.web.api/weather", token).status()).isEqualTo(403);
    }

    @Test
    void aStaleOrFutureTimestampIsRefused() throws Exception {
        serveKeyFile("example.com", keyRecord());

        assertRefused(
                exchange("/v0.1", "http", proof("example.com", Instant.now().minusSeconds(60))), "±15 seconds");
        assertRefused(
                exchange("/v0.1", "http", proof("example.com", Instant.now().plusSeconds(60))), "±15 seconds");
    }

    @Test
    void aReplayedSignedTimestampIsRefused() throws Exception {
        serveKeyFile("example.com", keyRecord());
        Map<String, String> proof = proof("example.com", Instant.now());

        assertThat(exchange("/v0.1", "http", proof).status()).isEqualTo(200);
        assertRefused(exchange("/v0", "http", proof), "already used");
    }

    @Test
    void aKeyFileBehindARedirectIsNotFollowed() throws Exception {
        wiremock.stubFor(get(urlEqualTo("/domains/example.com/.well-known/mcp-registry-auth"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", wiremock.baseUrl() + "/elsewhere")));
        wiremock.stubFor(get(urlEqualTo("/elsewhere"))
                .willReturn(aResponse().withStatus(200).withBody(keyRecord())));

        assertRefused(exchange("/v0.1", "http", proof("example.com", Instant.now())), "redirect");
        assertThat(wiremock.findAll(
                        com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/elsewhere"))))
                .isEmpty();
    }

    @Test
    void aKeyFileLargerThan4KiBIsRefused() throws Exception {
        serveKeyFile("example.com", keyRecord() + "\n" + "#".repeat(5000));

        assertRefused(exchange("/v0.1", "http", proof("example.com", Instant.now())), "larger than 4096 bytes");
    }

    @Test
    void anIpAddressIsNotADomainAndIsNeverFetched() throws Exception {
        assertRefused(exchange("/v0.1", "http", proof("127.0.0.1", Instant.now())), "not a domain name");
        assertRefused(exchange("/v0.1", "dns", proof("10.0.0.1", Instant.now())), "not a domain name");
    }

    @Test
    void anOverlongDomainIsRefusedBeforeAnyWorkOnIt() throws Exception {
        // Lower-cased first, 100,000 capital dotted I's took Java 17 seconds (its toLowerCase is quadratic in them);
        // the refusal says how long the name was rather than sending all of it back.
        assertRefused(
                exchange("/v0.1", "http", proof("\u0130".repeat(100_000) + ".com", Instant.now())),
                "a name of 100004 characters is not a domain name");
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() throws Exception {
        serveKeyFile("example.com", keyRecord());
        domainKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

        assertRefused(exchange("/v0.1", "http", proof("example.com", Instant.now())), "does not verify");
    }

    @Test
    void dnsProofGrantsTheReversedDomainAndItsSubNamespaces() throws Exception {
        txt.put("zone.example.org", List.of("google-site-verification=abc", keyRecord()));

        RunningRegistry.Response exchanged = exchange("/v0", "dns", proof("zone.example.org", Instant.now()));

        assertThat(exchanged.status()).as(exchanged.text()).isEqualTo(200);
        String token = exchanged.json().path("registry_token").asText();
        assertThat(publish("org.example.zone/weather", token).status()).isEqualTo(200);
        assertThat(publish("org.example.zone.api/weather", token).status()).isEqualTo(200);
        assertThat(publish("org.example.zonex/weather", token).status()).isEqualTo(403);
    }

    @Test
    void dnsWithoutAKeyRecordIsRefused() throws Exception {
        txt.put("bare.example.org", List.of("v=spf1 -all"));

        assertRefused(exchange("/v0.1", "dns", proof("bare.example.org", Instant.now())), "no v=MCPv1 key record");
    }

    // --- none ---------------------------------------------------------------------------------------

    @Test
    void anonymousTokensAreRefusedUnlessTheOperatorEnablesThem() throws Exception {
        assertRefused(exchange("/v0.1", "none", Map.of()), "disabled");

        try (RunningRegistry open =
                start(dataDir.resolve("anonymous"), settings(List.of()).withAnonymous(true))) {
            RunningRegistry.Response anonymous = exchange(open, "/v0.1", "none", Map.of());

            assertThat(anonymous.status()).isEqualTo(200);
            String token = anonymous.json().path("registry_token").asText();
            assertThat(publish(open, "io.modelcontextprotocol.anonymous/weather", token)
                            .status())
                    .isEqualTo(200);
            assertThat(publish(open, "io.github.acme/weather", token).status()).isEqualTo(403);
        }
    }
}
