package dev.vouch.registry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.registry.domain.JsonMappers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options and HTTP call every client command of a running registry shares ({@code publish},
 * {@code curate}): where the registry is, the bearer token, and how long to wait. A registry that cannot
 * be reached, or that answers with something other than JSON, is a usage error (exit 2).
 */
final class RegistryClient {

    private static final ObjectMapper JSON = JsonMappers.JSON;

    @Option(
            names = "--registry",
            required = true,
            paramLabel = "URL",
            description = "The registry, e.g. https://vouch.example.com")
    URI registry;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "A bearer token; default: the VOUCH_TOKEN environment variable.")
    String token;

    @Option(
            names = "--timeout",
            defaultValue = "60",
            paramLabel = "SECONDS",
            description = "Request timeout (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** An answer: its status and its JSON body. */
    record Answer(int status, JsonNode body) {}

    /** Sends a request with the token; {@code body} empty sends a GET. */
    Answer send(CommandLine commandLine, String path, Optional<byte[]> body) throws InterruptedException {
        return send(commandLine, path, body, Optional.empty());
    }

    /** Sends a request with {@code overrideToken} when given (an exchanged token), else the configured token. */
    Answer send(CommandLine commandLine, String path, Optional<byte[]> body, Optional<String> overrideToken)
            throws InterruptedException {
        String secret = overrideToken.orElse(token != null ? token : System.getenv("VOUCH_TOKEN"));
        if (secret == null || secret.isBlank()) {
            throw new CommandLine.ParameterException(commandLine, "a token is required: --token or VOUCH_TOKEN");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(registry.resolve(path))
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .header("Authorization", "Bearer " + secret);
        if (body.isPresent()) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body.get()));
        }
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(timeoutSeconds))
                    .build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(
                    commandLine,
                    "cannot reach " + registry + ": " + e.getClass().getSimpleName());
        }
        try {
            return new Answer(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new CommandLine.ParameterException(
                    commandLine, "registry answered HTTP " + response.statusCode() + " with a body that is not JSON");
        }
    }
}
