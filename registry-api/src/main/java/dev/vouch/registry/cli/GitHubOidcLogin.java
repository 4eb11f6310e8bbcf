package dev.vouch.registry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.registry.domain.JsonMappers;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --oidc}: trusted publishing from GitHub Actions, done the way the official publisher does it.
 * Asks the Actions runtime for an ID token for the registry's audience
 * ({@code ACTIONS_ID_TOKEN_REQUEST_URL}, authorised by {@code ACTIONS_ID_TOKEN_REQUEST_TOKEN}; the job needs
 * {@code permissions: id-token: write}), exchanges it at {@code /v0.1/auth/github-oidc}, and uses the
 * short-lived registry token it gets back. Neither token is printed.
 */
final class GitHubOidcLogin {

    private static final ObjectMapper JSON = JsonMappers.JSON;

    @Option(
            names = "--oidc",
            description = "Authenticate with GitHub Actions OIDC (trusted publishing) instead of a token.")
    boolean enabled;

    @Option(
            names = "--oidc-audience",
            defaultValue = "mcp-registry",
            paramLabel = "AUDIENCE",
            description = "The audience to ask GitHub for; the registry's configured one (default: ${DEFAULT-VALUE}).")
    String audience;

    @Option(
            names = "--oidc-request-url",
            defaultValue = "${env:ACTIONS_ID_TOKEN_REQUEST_URL}",
            paramLabel = "URL",
            description = "Where the ID token is requested (default: ACTIONS_ID_TOKEN_REQUEST_URL).")
    String requestUrl;

    @Option(
            names = "--oidc-request-token",
            defaultValue = "${env:ACTIONS_ID_TOKEN_REQUEST_TOKEN}",
            paramLabel = "TOKEN",
            description = "Authorises the ID token request (default: ACTIONS_ID_TOKEN_REQUEST_TOKEN).")
    String requestToken;

    /** The registry token to publish with when {@code --oidc} is given; empty otherwise. */
    Optional<String> registryToken(CommandLine commandLine, URI registry, int timeoutSeconds)
            throws InterruptedException {
        if (!enabled) {
            return Optional.empty();
        }
        if (requestUrl == null || requestUrl.isBlank() || requestToken == null || requestToken.isBlank()) {
            throw new CommandLine.ParameterException(
                    commandLine,
                    "--oidc needs ACTIONS_ID_TOKEN_REQUEST_URL and "
                            + "ACTIONS_ID_TOKEN_REQUEST_TOKEN (give the job `permissions: id-token: write`)");
        }
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(timeoutSeconds))
                .build();
        String separator = requestUrl.contains("?") ? "&" : "?";
        URI idTokenUrl;
        try {
            idTokenUrl = URI.create(
                    requestUrl + separator + "audience=" + URLEncoder.encode(audience, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, "ACTIONS_ID_TOKEN_REQUEST_URL is not a URL");
        }
        JsonNode idToken = call(
                commandLine,
                http,
                HttpRequest.newBuilder(idTokenUrl)
                        .timeout(Duration.ofSeconds(timeoutSeconds))
                        .header("Authorization", "Bearer " + requestToken)
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                "the GitHub Actions ID token request");
        String oidcToken = idToken.path("value").asText("");
        if (oidcToken.isEmpty()) {
            throw new CommandLine.ParameterException(commandLine, "the GitHub Actions ID token response has no value");
        }
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Map.of("oidc_token", oidcToken));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        JsonNode exchanged = call(
                commandLine,
                http,
                HttpRequest.newBuilder(registry.resolve("/v0.1/auth/github-oidc"))
                        .timeout(Duration.ofSeconds(timeoutSeconds))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                "the registry's token exchange");
        String registryToken = exchanged.path("registry_token").asText("");
        if (registryToken.isEmpty()) {
            throw new CommandLine.ParameterException(commandLine, "the registry's token exchange returned no token");
        }
        return Optional.of(registryToken);
    }

    private static JsonNode call(CommandLine commandLine, HttpClient http, HttpRequest request, String what)
            throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CommandLine.ParameterException(
                    commandLine, what + " failed: cannot reach " + request.uri().getHost());
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new CommandLine.ParameterException(
                    commandLine, what + " answered HTTP " + response.statusCode() + " without JSON");
        }
        if (response.statusCode() != 200) {
            throw new CommandLine.ParameterException(
                    commandLine,
                    what + " answered HTTP " + response.statusCode() + ": "
                            + json.path("detail").asText(json.path("message").asText("")));
        }
        return json;
    }
}
