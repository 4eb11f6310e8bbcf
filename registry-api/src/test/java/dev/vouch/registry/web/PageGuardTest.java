package dev.vouch.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.RunningRegistry;
import dev.vouch.registry.auth.exchange.ExchangeSettings;
import dev.vouch.registry.http.HttpOptions;
import dev.vouch.registry.http.Problem;
import dev.vouch.registry.http.limits.RateLimitSettings;
import dev.vouch.registry.http.observability.AccessLog;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web pages pass the same guard and HTTP rules as the API: failed curator sign-ins spend the
 * address's failed-authentication budget (shared with the API's bearer tokens), what the guard refuses
 * on a page (429, 503) is still a page while the API keeps answering problems, and a page's path answers
 * OPTIONS and a wrong method with the methods it takes.
 */
class PageGuardTest {

    @TempDir
    Path dataDir;

    RunningRegistry registry;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        registry = RunningRegistry.start(
                dataDir,
                false,
                ExchangeSettings.defaults(),
                HttpOptions.defaults()
                        .withRateLimits(new RateLimitSettings(30, 60, 2, 30))
                        .withAccessLog(AccessLog.none()));
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    HttpResponse<String> signIn(String token) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(registry.uri("/curation/session"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("token=" + token))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFormPostThatIsNotUrlEncodedIsRefusedAsAPageAndABigOneUnread() throws Exception {
        for (String path : java.util.List.of(WebPaths.SIGN_IN, WebPaths.SIGN_OUT, WebPaths.APPROVE, WebPaths.REJECT)) {
            for (String type :
                    java.util.List.of("multipart/form-data; boundary=zz", "multipart/form-data", "text/plain")) {
                HttpResponse<String> refused = client.send(
                        HttpRequest.newBuilder(registry.uri(path))
                                .header("Content-Type", type)
                                .POST(HttpRequest.BodyPublishers.ofString("token=abc"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(refused.statusCode()).as(path + " " + type).isEqualTo(400);
                assertThat(refused.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            }
        }
        // Read as the API's bodies are: over the limit, refused from the declared length, never spooled to disk.
        HttpResponse<String> big = client.send(
                HttpRequest.newBuilder(registry.uri(WebPaths.SIGN_IN))
                        .header("Content-Type", "multipart/form-data; boundary=zz")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024]))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(big.statusCode()).isEqualTo(413);
    }

    @Test
    void failedSignInsSpendTheAddressBudgetAndTheRefusalIsAPage() throws Exception {
        assertThat(signIn("vouch_wrong-1").statusCode()).isEqualTo(401);
        assertThat(signIn("vouch_wrong-2").statusCode()).isEqualTo(401);

        HttpResponse<String> refused = signIn("vouch_wrong-3");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("Content-Security-Policy")).contains(Pages.CONTENT_SECURITY_POLICY);
        assertThat(refused.body()).contains("Too many requests");

        RunningRegistry.Response api =
                registry.send("POST", "/v0.1/publish", Optional.of(registry.token("io.github.acme/*")), new byte[0]);
        assertThat(api.status()).isEqualTo(429);
        assertThat(api.contentType()).startsWith(Problem.CONTENT_TYPE);
    }

    @Test
    void aSignInWhileTheRegistryIsNotReadyIsRefusedAsAPage() throws Exception {
        registry.registry().readiness().awaitSeeding();

        HttpResponse<String> refused = signIn("vouch_anything");

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(registry.send("POST", "/v0.1/publish", Optional.empty(), new byte[0])
                        .contentType())
                .startsWith(Problem.CONTENT_TYPE);
    }

    @Test
    void aPagePathNamesItsMethodsToOptionsAndToAWrongMethod() throws Exception {
        HttpResponse<String> options = client.send(
                HttpRequest.newBuilder(registry.uri("/servers/io.github.acme%2Fweather"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("Allow")).contains("GET, OPTIONS");

        HttpResponse<String> wrong = client.send(
                HttpRequest.newBuilder(registry.uri("/servers/io.github.acme%2Fweather"))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("Allow")).contains("GET, OPTIONS");
    }
}
