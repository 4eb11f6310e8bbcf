package dev.vouch.registry.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options and HTTP call of client commands that only read a registry's public API ({@code export},
 * {@code check-tools}): no token. A registry that cannot be reached is a usage error (exit 2).
 */
final class PublicReads {

    @Option(
            names = "--registry",
            required = true,
            paramLabel = "URL",
            description = "The registry, e.g. https://vouch.example.com")
    URI registry;

    @Option(
            names = "--timeout",
            defaultValue = "60",
            paramLabel = "SECONDS",
            description = "Request timeout (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** An answer: its status and its body. */
    record Answer(int status, byte[] body) {}

    Answer get(CommandLine commandLine, String path) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(registry.resolve(path))
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(timeoutSeconds))
                    .build()
                    .send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(
                    commandLine,
                    "cannot reach " + registry + ": " + e.getClass().getSimpleName());
        }
    }
}
