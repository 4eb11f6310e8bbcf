package dev.vouch.registry.bench;

import dev.vouch.registry.Registry;
import dev.vouch.registry.auth.Role;
import dev.vouch.registry.auth.exchange.ExchangeSettings;
import dev.vouch.registry.evidence.EvidenceSources;
import dev.vouch.registry.policy.PolicySource;
import dev.vouch.store.AuditChain;
import dev.vouch.store.PostgresCluster;
import dev.vouch.store.PostgresSettings;
import dev.vouch.store.Store;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scale-out benchmark (a program, not a test): one and then two {@code serve} processes on one
 * PostgreSQL database (a throwaway cluster with PostgreSQL's default durability), each process on
 * {@code -Xmx256m}, clients spread round-robin over the nodes.
 *
 * <p>Two phases per setup, each {@code SECONDS} long: publishes alone (8 closed-loop clients, each
 * publish a new version through the whole pipeline: validation, scan, policy, one transaction), then
 * listings ({@code ?limit=100} and {@code ?limit=100&version=latest}, 8 closed-loop clients) while one
 * client keeps publishing, so every node's response cache keeps being invalidated by the other's writes.
 * At the end of each setup the audit chain is verified and every version counted once.
 *
 * <p>Arguments: {@code [SECONDS] [WORK_DIR]}.
 */
public final class TwoNodeBenchmark {

    private static final int CLIENTS = 8;
    private static final String HEAP = "256m";

    private TwoNodeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path work = Path.of(args.length > 1 ? args[1] : "target/two-node-bench").toAbsolutePath();
        Files.createDirectories(work);
        System.setProperty("vouch.postgres.durable", "true");
        PostgresCluster cluster = PostgresCluster.shared()
                .orElseThrow(() -> new IllegalStateException("PostgreSQL cannot run here (see PostgresCluster)"));
        System.out.printf(
                Locale.ROOT,
                "PostgreSQL 15 on 127.0.0.1:%d (fsync on); %d cores; load average %s%n",
                cluster.port(),
                Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim());
        List<String> rows = new ArrayList<>();
        for (int nodes : new int[] {1, 2}) {
            rows.add(run(cluster, work.resolve(nodes + "-node"), nodes, seconds));
        }
        System.out.println();
        System.out.println("| nodes | publish/s | list req/s (1 publisher running) | list p50 ms | list p99 ms |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static String run(PostgresCluster cluster, Path work, int nodeCount, int seconds) throws Exception {
        PostgresSettings database = cluster.newDatabase();
        String name = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
        String token;
        try (Registry registry = Registry.open(
                Store.openPostgres(database),
                work.resolve("admin"),
                PolicySource.safeDefault(),
                EvidenceSources.defaults(),
                ExchangeSettings.defaults())) {
            token = registry.tokens()
                    .issue(Role.PUBLISHER, List.of("io.github.bench/*"), Optional.of("bench"), "bench")
                    .secret();
        }
        List<Process> nodes = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            for (int i = 0; i < nodeCount; i++) {
                int port = freePort();
                Path data = work.resolve("node-" + i);
                Files.createDirectories(data);
                ProcessBuilder builder = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-Xmx" + HEAP,
                                "-cp",
                                System.getProperty("java.class.path"),
                                "dev.vouch.registry.cli.VouchCommand",
                                "serve",
                                "--no-seed",
                                "--data",
                                data.toString(),
                                "--database",
                                cluster.libpqUrl(name),
                                "--host",
                                "127.0.0.1",
                                "--port",
                                Integer.toString(port),
                                "--rate-publish-per-token",
                                "1000000",
                                "--rate-publish-per-address",
                                "1000000")
                        .redirectErrorStream(true)
                        .redirectOutput(data.resolve("serve.log").toFile());
                builder.environment().put("VOUCH_DATABASE_PASSWORD", cluster.password());
                nodes.add(builder.start());
                bases.add("http://127.0.0.1:" + port);
            }
            for (int i = 0; i < nodeCount; i++) {
                awaitFirstAnswer(client, bases.get(i) + "/v0.1/health", nodes.get(i));
            }
            Publisher publisher = new Publisher(client, bases, token);
            // Warm-up: class loading, JIT, connection pools.
            drive(Math.max(3, seconds / 4), () -> publisher.publishOne(), new AtomicBoolean());
            long before = publisher.published.get();
            long started = System.nanoTime();
            drive(seconds, publisher::publishOne, new AtomicBoolean());
            double publishRate = (publisher.published.get() - before) / ((System.nanoTime() - started) / 1e9);

            AtomicBoolean stop = new AtomicBoolean();
            Thread background = new Thread(
                    () -> {
                        while (!stop.get()) {
                            publisher.publishOne();
                        }
                    },
                    "background-publisher");
            background.start();
            Latencies lists = new Latencies();
            AtomicLong turn = new AtomicLong();
            started = System.nanoTime();
            drive(
                    seconds,
                    () -> {
                        long n = turn.getAndIncrement();
                        String base = bases.get((int) (n % bases.size()));
                        String path = n % 2 == 0 ? "/v0.1/servers?limit=100" : "/v0.1/servers?limit=100&version=latest";
                        long t0 = System.nanoTime();
                        int status = status(client, base + path);
                        lists.add(System.nanoTime() - t0);
                        if (status != 200) {
                            throw new IllegalStateException("list answered " + status);
                        }
                    },
                    stop);
            double listSeconds = (System.nanoTime() - started) / 1e9;
            stop.set(true);
            background.join();

            try (Store reader = Store.openPostgres(database)) {
                AuditChain.Result chain = AuditChain.verify(reader);
                int versions = reader.read(r -> r.versions().countAll());
                System.out.printf(
                        Locale.ROOT,
                        "%d node(s): %d publishes accepted, %d refused; %d versions stored; "
                                + "audit chain %s over %d records%n",
                        nodeCount,
                        publisher.published.get(),
                        publisher.refused.get(),
                        versions,
                        chain.firstBreak().map(b -> "BROKEN at " + b.seq()).orElse("intact"),
                        chain.records());
                if (versions != publisher.published.get() || chain.firstBreak().isPresent()) {
                    throw new IllegalStateException("the stored catalog does not match what was accepted");
                }
            }
            return String.format(
                    Locale.ROOT,
                    "| %d | %.0f | %.0f | %.1f | %.1f |",
                    nodeCount,
                    publishRate,
                    lists.count() / listSeconds,
                    lists.percentile(50),
                    lists.percentile(99));
        } finally {
            for (Process node : nodes) {
                node.destroy();
                if (!node.waitFor(30, TimeUnit.SECONDS)) {
                    node.destroyForcibly();
                }
            }
        }
    }

    /** Runs {@code work} on {@link #CLIENTS} threads, closed-loop, for {@code seconds} or until stopped. */
    private static void drive(int seconds, Runnable work, AtomicBoolean stop) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        Map<String, Long> failures = new ConcurrentHashMap<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                while (System.nanoTime() < end && !stop.get()) {
                    try {
                        work.run();
                    } catch (RuntimeException e) {
                        failures.merge(String.valueOf(e.getMessage()), 1L, Long::sum);
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("requests failed: " + failures);
        }
    }

    /** Publishes new versions round-robin over the nodes: a new server every tenth, else a new version of one. */
    private static final class Publisher {
        final HttpClient client;
        final List<String> bases;
        final String token;
        final AtomicLong sequence = new AtomicLong();
        final AtomicLong published = new AtomicLong();
        final AtomicLong refused = new AtomicLong();

        Publisher(HttpClient client, List<String> bases, String token) {
            this.client = client;
            this.bases = bases;
            this.token = token;
        }

        void publishOne() {
            long n = sequence.getAndIncrement();
            String server = "io.github.bench/server-" + (n / 10);
            String version = "1." + (n % 10) + ".0";
            String manifest =
                    "{\"$schema\": \"https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json\","
                            + " \"name\": \"" + server + "\", \"description\": \"Benchmark server " + n
                            + "\", \"version\": \""
                            + version
                            + "\", \"remotes\": [{\"type\": \"streamable-http\", \"url\": \"https://mcp.bench.example/"
                            + (n / 10) + "\"}]}";
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(bases.get((int) (n % bases.size())) + "/v0.1/publish"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(manifest))
                    .build();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    published.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                    throw new IllegalStateException("publish answered " + response.statusCode() + ": "
                            + response.body()
                                    .substring(0, Math.min(200, response.body().length())));
                }
            } catch (IOException e) {
                throw new IllegalStateException("publish failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class Latencies {
        private long[] nanos = new long[1 << 16];
        private int size;

        synchronized void add(long value) {
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            nanos[size++] = value;
        }

        synchronized int count() {
            return size;
        }

        synchronized double percentile(int p) {
            long[] sorted = Arrays.copyOf(nanos, size);
            Arrays.sort(sorted);
            return sorted[Math.min(size - 1, (int) Math.ceil(p / 100.0 * size) - 1)] / 1e6;
        }
    }

    private static int status(HttpClient client, String url) {
        try {
            HttpResponse<byte[]> response = client.send(
                    HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("list failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitFirstAnswer(HttpClient client, String url, Process node) throws InterruptedException {
        while (node.isAlive()) {
            try {
                if (status(client, url) == 200) {
                    return;
                }
            } catch (IllegalStateException e) {
                // Not listening yet.
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("a node exited before answering");
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
