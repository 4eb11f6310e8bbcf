package dev.vouch.registry.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.vouch.openapi.OpenApiDocument;
import dev.vouch.registry.RunningRegistry;
import dev.vouch.registry.auth.exchange.ExchangeSettings;
import dev.vouch.registry.auth.exchange.FakeIssuer;
import dev.vouch.registry.cli.CliRunner;
import dev.vouch.registry.http.observability.AccessLog;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trusted publishing end to end, as a GitHub Actions job does it against the official registry:
 * WireMock plays the Actions runtime's ID-token service and GitHub's issuer; the client asks for an ID
 * token with the official audience, exchanges it at {@code /v0/auth/github-oidc} and publishes a bare
 * server.json at {@code /v0/publish}. Every answer has the official registry's shape.
 */
class OfficialPublisherFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REQUEST_TOKEN = "actions-runtime-secret";

    @TempDir
    Path dir;

    WireMockServer wiremock;
    FakeIssuer github;
    RunningRegistry registry;

    @BeforeEach
    void start() {
        wiremock =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wiremock.start();
        github = new FakeIssuer(wiremock, "/github");
        registry = RunningRegistry.start(
                dir.resolve("data"),
                false,
                ExchangeSettings.defaults()
                        .withGitHub(Optional.of(new ExchangeSettings.GitHub(
                                github.issuer(), github.jwks(), "mcp-registry", List.of()))),
                HttpOptions.defaults().withAccessLog(AccessLog.none()));
    }

    @AfterEach
    void stop() {
        registry.close();
        wiremock.stop();
    }

    /** The Actions runtime: hands an ID token for the requested audience to a caller holding the request token. */
    String actionsRuntime(String repository) {
        String idToken = github.sign(github.actions(repository, "release.yml", "mcp-registry"));
        wiremock.stubFor(get(urlPathEqualTo("/_apis/pipelines/idtoken"))
                .withQueryParam("api-version", equalTo("2.0"))
                .withQueryParam("audience", equalTo("mcp-registry"))
                .withHeader("Authorization", equalTo("Bearer " + REQUEST_TOKEN))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"count\":1,\"value\":\"" + idToken + "\"}")));
        return wiremock.baseUrl() + "/_apis/pipelines/idtoken?api-version=2.0";
    }

    static byte[] serverJson(String name) {
        return ("{\"$schema\":\"https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json\","
                        + "\"name\":\"" + name
                        + "\",\"description\":\"Weather forecasts for agents\",\"version\":\"1.0.0\","
                        + "\"repository\":{\"url\":\"https://github.com/acme/weather\",\"source\":\"github\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anOfficialStyleClientLogsInWithGithubOidcThenPublishesAndGetsOfficialAnswers() throws Exception {
        OpenApiSchemas official;
        try (InputStream in = getClass().getResourceAsStream("/official/openapi.yaml")) {
            official = OpenApiSchemas.fromYaml(
                    "https://official.example/openapi.json", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        OpenApiSchemas vouch = OpenApiSchemas.fromYaml("https://vouch.example/openapi.json", OpenApiDocument.yaml());
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> idToken = http.send(
                HttpRequest.newBuilder(URI.create(actionsRuntime("acme/weather") + "&audience=mcp-registry"))
                        .header("Authorization", "Bearer " + REQUEST_TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String oidcToken = JSON.readTree(idToken.body()).path("value").asText();
        RunningRegistry.Response login = registry.send(
                "POST",
                "/v0/auth/github-oidc",
                Optional.empty(),
                JSON.writeValueAsBytes(Map.of("oidc_token", oidcToken)));
        assertThat(login.status()).as(login.text()).isEqualTo(200);
        assertThat(vouch.validate("RegistryToken", login.json())).isEmpty();
        String registryToken = login.json().path("registry_token").asText();

        RunningRegistry.Response published =
                registry.send("POST", "/v0/publish", Optional.of(registryToken), serverJson("io.github.acme/weather"));
        assertThat(published.status()).as(published.text()).isEqualTo(200);
        assertThat(official.validate("ServerResponse", published.json())).isEmpty();
        JsonNode official0 = published.json().path("_meta").path("io.modelcontextprotocol.registry/official");
        assertThat(official0.path("status").asText()).isEqualTo("active");
        assertThat(official0.path("isLatest").asBoolean()).isTrue();

        RunningRegistry.Response again =
                registry.send("POST", "/v0/publish", Optional.of(registryToken), serverJson("io.github.acme/weather"));
        assertThat(again.status()).as("a version is published once").isEqualTo(409);
        RunningRegistry.Response elsewhere = registry.send(
                "POST", "/v0/publish", Optional.of(registryToken), serverJson("io.github.globex/weather"));
        assertThat(elsewhere.status()).as("outside io.github.acme/*").isEqualTo(403);
        RunningRegistry.Response read = registry.get("/v0/servers/io.github.acme%2Fweather/versions/latest");
        assertThat(official.validate("ServerResponse", read.json())).isEmpty();
    }

    @Test
    void vouchPublishWithOidcDoesTheActionsFlowItself() throws Exception {
        Path file = Files.write(dir.resolve("server.json"), serverJson("io.github.acme/forecast"));

        CliRunner.Run run = CliRunner.run(
                "publish",
                "--oidc",
                "--oidc-request-url",
                actionsRuntime("acme/forecast"),
                "--oidc-request-token",
                REQUEST_TOKEN,
                "--registry",
                registry.uri("").toString(),
                file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("published io.github.acme/forecast@1.0.0");
        assertThat(run.out() + run.err()).doesNotContain(REQUEST_TOKEN).doesNotContain("vouch_");
    }

    @Test
    void vouchPublishWithOidcOutsideActionsIsAUsageError() throws Exception {
        Path file = Files.write(dir.resolve("server.json"), serverJson("io.github.acme/forecast"));

        CliRunner.Run run = CliRunner.run(
                "publish",
                "--oidc",
                "--oidc-request-url",
                "",
                "--oidc-request-token",
                "",
                "--registry",
                registry.uri("").toString(),
                file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ACTIONS_ID_TOKEN_REQUEST_URL");
    }

    @Test
    void vouchPublishWithOidcReportsARefusedExchange() throws Exception {
        Path file = Files.write(dir.resolve("server.json"), serverJson("io.github.acme/forecast"));
        String url = actionsRuntime("acme/forecast");
        // A runtime handing out a token signed by a key the issuer never published:
        wiremock.stubFor(get(urlPathEqualTo("/_apis/pipelines/idtoken"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{\"value\":\""
                                + github.signWithUnknownKey(
                                        github.actions("acme/forecast", "release.yml", "mcp-registry"))
                                + "\"}")));

        CliRunner.Run run = CliRunner.run(
                "publish",
                "--oidc",
                "--oidc-request-url",
                url,
                "--oidc-request-token",
                REQUEST_TOKEN,
                "--registry",
                registry.uri("").toString(),
                file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("token exchange answered HTTP 401");
    }
}
