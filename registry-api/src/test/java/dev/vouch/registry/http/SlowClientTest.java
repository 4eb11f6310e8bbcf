package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.RunningRegistry;
import dev.vouch.registry.auth.exchange.ExchangeSettings;
import dev.vouch.registry.http.limits.RateLimitSettings;
import dev.vouch.registry.http.observability.AccessLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that declare a body and trickle it one byte at a time cannot starve the worker pool: twice
 * the pool of them still leaves the health check answered, and each of them is cut off by the body
 * deadline or refused with 503 instead of holding a thread forever.
 */
class SlowClientTest {

    private static final int POOL = 16;
    private static final HttpLimits LIMITS =
            new HttpLimits(HttpLimits.DEFAULT_MAX_BODY_BYTES, POOL, Duration.ofSeconds(3), Duration.ofSeconds(2));

    @TempDir
    Path dataDir;

    RunningRegistry registry;
    final List<Socket> sockets = new ArrayList<>();
    final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void start() {
        // Publish budgets above the uploads sent: this proves the body reader's bounds, not the rate limits
        // (RateLimitTest proves those), so every upload must get as far as reading its body.
        registry = RunningRegistry.start(
                dataDir,
                false,
                ExchangeSettings.defaults(),
                HttpOptions.defaults()
                        .withLimits(LIMITS)
                        .withRateLimits(new RateLimitSettings(4 * POOL, 4 * POOL, 10, 30))
                        .withAccessLog(AccessLog.none()));
    }

    @AfterEach
    void stop() throws IOException {
        trickle.shutdownNow();
        for (Socket socket : sockets) {
            socket.close();
        }
        registry.close();
    }

    @Test
    void twiceThePoolInSlowUploadsStillLeavesHealthAnswered() throws Exception {
        String token = registry.token("io.github.acme/*");
        for (int i = 0; i < 2 * POOL; i++) {
            Socket socket = new Socket("127.0.0.1", registry.port());
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v0.1/publish HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Authorization: Bearer " + token + "\r\nContent-Length: 100000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            sockets.add(socket);
        }
        trickle.scheduleAtFixedRate(
                () -> sockets.forEach(s -> {
                    try {
                        s.getOutputStream().write(' ');
                        s.getOutputStream().flush();
                    } catch (IOException e) {
                        // the server has answered and closed this one
                    }
                }),
                500,
                500,
                TimeUnit.MILLISECONDS);
        Thread.sleep(500);

        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> health = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + registry.port() + "/v0.1/health"))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        for (Socket socket : sockets) {
            String statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(statusLine).matches("HTTP/1\\.1 (408|503) .*");
        }
    }

    @Test
    void aClientTricklingItsHeadersIsCutOffWhileOneThatAsksIsServed() throws Exception {
        // A header line every half second: the idle timeout (3 s) never runs out, the request never arrives.
        Socket slow = new Socket("127.0.0.1", registry.port());
        slow.setSoTimeout(30_000);
        sockets.add(slow);
        slow.getOutputStream()
                .write("GET /v0.1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
        int[] line = {0};
        trickle.scheduleAtFixedRate(
                () -> {
                    try {
                        slow.getOutputStream()
                                .write(("X-Slow-" + line[0]++ + ": 1\r\n").getBytes(StandardCharsets.US_ASCII));
                        slow.getOutputStream().flush();
                    } catch (IOException e) {
                        // cut off
                    }
                },
                500,
                500,
                TimeUnit.MILLISECONDS);
        // A keep-alive client asking every second all the while is never cut off.
        Socket asking = new Socket("127.0.0.1", registry.port());
        asking.setSoTimeout(10_000);
        sockets.add(asking);
        BufferedReader answers =
                new BufferedReader(new InputStreamReader(asking.getInputStream(), StandardCharsets.US_ASCII));
        for (int i = 0; i < 8; i++) {
            asking.getOutputStream()
                    .write("GET /v0.1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            asking.getOutputStream().flush();
            assertThat(answers.readLine()).startsWith("HTTP/1.1 200");
            skipAnswer(answers);
            Thread.sleep(1000);
        }

        // Closed by the server, not left to the 30 s this socket waits before a read times out.
        assertThat(closedByServer(slow)).isTrue();
    }

    /** Whether the server closed the socket: an end of stream, or a reset where it closed with unread bytes. */
    private static boolean closedByServer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() == -1;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    /** Reads the rest of one answer: its headers, then as many body bytes as it declared. */
    private static void skipAnswer(BufferedReader answers) throws IOException {
        int length = 0;
        for (String header = answers.readLine(); !header.isEmpty(); header = answers.readLine()) {
            if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(
                        header.substring("content-length:".length()).trim());
            }
        }
        for (int i = 0; i < length; i++) {
            answers.read();
        }
    }
}
