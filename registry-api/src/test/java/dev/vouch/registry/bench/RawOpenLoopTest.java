package dev.vouch.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vouch.registry.RunningRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's light open-loop client reads real answers whole and counts every request it was due to send. */
class RawOpenLoopTest {

    @TempDir
    Path dataDir;

    @Test
    void answersEveryRequestOfARegistryListPageOverKeptAliveConnections() throws Exception {
        try (RunningRegistry registry = RunningRegistry.start(dataDir, true);
                RawOpenLoop client = RawOpenLoop.to("http://127.0.0.1:" + registry.port())) {
            String url = "http://127.0.0.1:" + registry.port() + "/v0.1/servers?limit=100";

            ReadBenchmark.Result result = client.run(url, 0, 100, 1);
            ReadBenchmark.Result again = client.run(url, 100, 100, 1);

            assertThat(result.perSecond()).isEqualTo(100);
            assertThat(result.max()).isLessThan(Long.MAX_VALUE / 1e6);
            assertThat(again.perSecond()).isEqualTo(100);
        }
    }

    @Test
    void readsChunkedAnswersAndSendsEachRequestItsOwnNocacheNumber() throws Exception {
        Set<String> queries = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] chunk = "x".repeat(10_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        server.createContext("/chunked", exchange -> {
            queries.add(exchange.getRequestURI().getRawQuery());
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                for (int i = 0; i < 7; i++) {
                    body.write(chunk);
                    body.flush();
                }
            }
        });
        server.start();
        try (RawOpenLoop client = RawOpenLoop.to(base(server))) {
            ReadBenchmark.Result result = client.run(base(server) + "/chunked?limit=3", 500, 50, 1);

            assertThat(result.perSecond()).isEqualTo(50);
            assertThat(queries).hasSize(50).contains("limit=3&nocache=500", "limit=3&nocache=549");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void countsFailedAnswersAsSlowerThanEveryAnswer() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            boolean fail = exchange.getRequestURI().getRawQuery().endsWith("7");
            byte[] body = "{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(fail ? 500 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try (RawOpenLoop client = RawOpenLoop.to(base(server))) {
            // nocache 0..99: ten end in 7, so a tenth fail.
            ReadBenchmark.Result result = client.run(base(server) + "/page", 0, 100, 1);

            assertThat(result.perSecond()).isEqualTo(90);
            assertThat(result.p95()).isEqualTo(Long.MAX_VALUE / 1e6);
            assertThat(result.p50()).isLessThan(Long.MAX_VALUE / 1e6);
        } finally {
            server.stop(0);
        }
    }

    private static String base(HttpServer server) throws IOException {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
