package dev.vouch.provenance.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP the fetchers share: one timeout for connecting and one for each response, a cap on response
 * size (a registry is not trusted to send a sane amount), and the registry token handshake
 * ({@code WWW-Authenticate: Bearer realm=…}).
 */
final class HttpFetch {

    static final long MAX_RESPONSE_BYTES = 32L * 1024 * 1024;

    record Response(int status, byte[] body, Map<String, java.util.List<String>> headers) {
        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    HttpFetch(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    Response get(URI uri, Optional<String> bearer, String... accept) throws EvidenceFetchException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (accept.length > 0) {
            request.header("Accept", String.join(", ", accept));
        }
        bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        try {
            HttpResponse<InputStream> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] body = in.readNBytes((int) MAX_RESPONSE_BYTES + 1);
                if (body.length > MAX_RESPONSE_BYTES) {
                    throw new EvidenceFetchException(uri + " sent more than " + MAX_RESPONSE_BYTES + " bytes");
                }
                return new Response(
                        response.statusCode(), body, response.headers().map());
            }
        } catch (HttpTimeoutException e) {
            throw new EvidenceFetchException(uri + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new EvidenceFetchException(
                    uri + " could not be reached: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EvidenceFetchException("interrupted while fetching " + uri, e);
        }
    }
}
