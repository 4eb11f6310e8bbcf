package dev.vouch.registry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.store.NewVersion;
import dev.vouch.store.ReviewState;
import dev.vouch.store.Store;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read benchmark (a program, not a test): generates a catalog of 10,000 servers with 10 versions
 * each straight into the store, starts the registry on it, and loads every read route.
 *
 * <p>Cached reads are measured closed-loop with {@code wrk} where it is installed (else an in-process
 * client), next to {@code nginx} serving the very same bytes from files when nginx is installed, in the
 * same run. Uncached reads (each request made unique by a parameter the API ignores, so the response
 * cache never answers) are measured open-loop at a fixed rate, latency counted from the moment each
 * request was due, so a stall is not hidden by the client waiting.
 *
 * <p>Arguments: {@code [DATA_DIR] [SECONDS_PER_ROUTE]}; the catalog is generated only when DATA_DIR has
 * no database yet. Run with {@code -Xmx256m} to hold it to the heap budget.
 *
 * <p>Options, as system properties, to measure one change back to back with another: {@code
 * -Dbench.jar=PATH} starts that jar instead of {@code target/vouch.jar}; {@code -Dbench.routes=a,b}
 * loads only the routes whose names start with one of those prefixes (e.g. {@code list,versions/latest});
 * {@code -Dbench.phases=cached} or {@code uncached} runs one of the two phases; {@code -Dbench.jvm="…"}
 * adds options to the registry's JVM (e.g. a JFR recording); {@code -Dbench.warmup=SECONDS} sets how long each
 * uncached route is loaded, unreported, at 100/s before it is measured (by default SECONDS_PER_ROUTE);
 * {@code -Dbench.client=jdk} makes the open-loop loads through the JDK's HTTP client instead of {@link
 * RawOpenLoop}, to compare the two.
 */
public final class ReadBenchmark {

    private static final int SERVERS = 10_000;
    private static final int VERSIONS_PER_SERVER = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = ("agent api assistant browser calendar cloud code database deploy docs "
                    + "email file finance git graph image issue kubernetes log map memory metrics monitor notes payment "
                    + "pipeline project query queue report search sheet slack storage stream task ticket trace translate "
                    + "vector video weather web wiki workflow")
            .split(" ");
    private static final String RARE_WORD = "zephyrine";
    private static final String HEAP = "256m";
    private static final int LIGHT_RATE = 50;
    private static final int WARM_UP_SECONDS = 2;

    private ReadBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "target/read-bench").toAbsolutePath();
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        if (!Files.exists(data.resolve("vouch.db"))) {
            generate(data);
        }
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // The registry runs in a process of its own, on the heap budget, so the load generator's own
        // allocations neither count against it nor steal its heap.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long spawned = System.nanoTime();
        // The one jar, as operators start it, where `mvn package` built it; else this classpath.
        Path jar = Path.of(
                System.getProperty("bench.jar", Path.of("target", "vouch.jar").toString()));
        List<String> launch = Files.isRegularFile(jar)
                ? List.of("-jar", jar.toString())
                : List.of("-cp", System.getProperty("java.class.path"), "dev.vouch.registry.cli.VouchCommand");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + HEAP));
        String jvm = System.getProperty("bench.jvm", "").trim();
        if (!jvm.isEmpty()) {
            command.addAll(List.of(jvm.split("\\s+")));
        }
        command.addAll(launch);
        command.addAll(List.of(
                "serve",
                "--no-seed",
                "--data",
                data.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port)));
        Process registry = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("registry.log").toFile())
                .start();
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            awaitFirstAnswer(client, base + "/v0.1/servers?limit=1", registry);
            double wall = (System.nanoTime() - spawned) / 1e6;
            // CPU time too: on a shared machine the wall time mostly measures the neighbours.
            double cpu = registry.toHandle()
                    .info()
                    .totalCpuDuration()
                    .map(d -> d.toNanos() / 1e6)
                    .orElse(-1.0);
            System.out.printf(
                    Locale.ROOT,
                    "catalog: %d servers, %d versions; registry process start to first answer: "
                            + "%.0f ms wall, %.0f ms CPU (-Xmx%s); load average %s%n",
                    SERVERS,
                    SERVERS * VERSIONS_PER_SERVER,
                    wall,
                    cpu,
                    HEAP,
                    Files.readString(Path.of("/proc/loadavg")).trim());
            System.out.printf(
                    Locale.ROOT, "registry settled (its start-up work done) after %.1f s more%n", settle(registry));
            run(client, base, data, seconds, registry.toHandle());
            System.out.printf(
                    "%nregistry heap after the run (jcmd GC.heap_info, -Xmx%s):%n%s", HEAP, heapInfo(registry.pid()));
            System.out.println(
                    registry.isAlive()
                            ? "registry alive at the end (no OutOfMemoryError)"
                            : "registry DIED during the run: see " + data.resolve("registry.log"));
        } finally {
            registry.destroy();
            registry.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void awaitFirstAnswer(HttpClient client, String url, Process registry) throws InterruptedException {
        while (registry.isAlive()) {
            try {
                get(client, url);
                return;
            } catch (IOException | IllegalStateException e) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("the registry exited before answering");
    }

    /**
     * Waits, at most a minute, until the registry uses less than a tenth of a core: after its first answer
     * it still reads the whole catalog once for the web pages, which would otherwise be measured as part of
     * whichever route comes first. Returns the seconds waited.
     */
    private static double settle(Process registry) throws InterruptedException {
        long started = System.nanoTime();
        double cpu = cpuMillis(registry.toHandle());
        while (System.nanoTime() - started < TimeUnit.MINUTES.toNanos(1)) {
            Thread.sleep(500);
            double now = cpuMillis(registry.toHandle());
            if (now - cpu < 50) {
                break;
            }
            cpu = now;
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static String heapInfo(long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(pid),
                        "GC.heap_info")
                .redirectErrorStream(true)
                .start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return out;
    }

    private static void run(HttpClient client, String base, Path data, int seconds, ProcessHandle registry)
            throws Exception {
        Map<String, String> routes = routes(client, base);
        List<String> chosen = List.of(System.getProperty("bench.routes", "").split(","));
        routes.keySet().removeIf(route -> chosen.stream().noneMatch(prefix -> route.startsWith(prefix.trim())));
        String phases = System.getProperty("bench.phases", "cached,uncached");
        Tools tools = Tools.find();
        System.out.printf(
                "load generator: %s closed loop, %s open loop; nginx: %s%n",
                tools.wrk ? "wrk" : "in-process client",
                System.getProperty("bench.client", "raw").equals("jdk") ? "JDK HTTP client" : "raw sockets",
                tools.nginx ? "yes" : "not installed");

        if (phases.contains("cached") && !phases.replace("uncached", "").isEmpty()) {
            cached(client, base, data, seconds, routes, tools, registry);
        }
        if (phases.contains("uncached")) {
            uncached(client, base, data, seconds, routes, tools, registry);
        }
    }

    private static void cached(
            HttpClient client,
            String base,
            Path data,
            int seconds,
            Map<String, String> routes,
            Tools tools,
            ProcessHandle registry)
            throws Exception {
        System.out.println();
        System.out.println("cached (closed loop, 16 connections)");
        System.out.printf(
                "%-22s %12s %9s %9s %12s %7s %9s%n",
                "route", "Vouch req/s", "p50 ms", "p99 ms", "nginx req/s", "ratio", "CPU µs");
        Nginx nginx = tools.nginx ? Nginx.start(data.resolve("nginx"), client, base, routes) : null;
        try {
            for (Map.Entry<String, String> route : routes.entrySet()) {
                // Unreported, so that the rate does not measure the JIT compiling this route's path.
                if (tools.wrk) {
                    Wrk.run(base + route.getValue(), WARM_UP_SECONDS, false);
                } else {
                    ClosedLoop.run(client, base + route.getValue(), WARM_UP_SECONDS);
                }
                double cpuBefore = cpuMillis(registry);
                Result vouch = tools.wrk
                        ? Wrk.run(base + route.getValue(), seconds, false)
                        : ClosedLoop.run(client, base + route.getValue(), seconds);
                double cpu = (cpuMillis(registry) - cpuBefore) * 1000 / Math.max(1, vouch.perSecond * seconds);
                Result plain = nginx == null ? null : Wrk.run(nginx.url(route.getKey()), seconds, false);
                System.out.printf(
                        Locale.ROOT,
                        "%-22s %12.0f %9.2f %9.2f %12s %7s %9.0f%n",
                        route.getKey(),
                        vouch.perSecond,
                        vouch.p50,
                        vouch.p99,
                        plain == null ? "-" : String.format(Locale.ROOT, "%.0f", plain.perSecond),
                        plain == null ? "-" : String.format(Locale.ROOT, "%.2f", vouch.perSecond / plain.perSecond),
                        cpu);
            }
        } finally {
            if (nginx != null) {
                nginx.close();
            }
        }
    }

    private static void uncached(
            HttpClient client,
            String base,
            Path data,
            int seconds,
            Map<String, String> routes,
            Tools tools,
            ProcessHandle registry)
            throws Exception {
        System.out.println();
        System.out.println("uncached (open loop: every request unique, latency from when it was due; "
                + "CPU: the registry process's CPU time per request, which a busy machine disturbs least; "
                + "of it, JIT and GC: its compiler and collector threads' share, from /proc on Linux; "
                + "client CPU: this load generator's own per request; the nginx row: the same load, the same "
                + "client, against nginx serving the same bytes, right after, which is what the machine and "
                + "the client alone cost, its CPU nginx's own)");
        System.out.printf(
                "%-22s %8s %9s %9s %9s %9s %9s %7s %7s %9s%n",
                "route", "rate/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "CPU ms", "JIT ms", "GC ms", "client ms");
        Nginx nginx = tools.nginx ? Nginx.start(data.resolve("nginx"), client, base, routes) : null;
        try {
            for (Map.Entry<String, String> route : routes.entrySet()) {
                if (route.getKey().equals("docker-catalog")) {
                    continue;
                }
                // The rate the issue sets for lists (200/s for the rest), then a light one: on a shared machine
                // the first may exceed what the registry's share of the CPU serves, the second shows the
                // latency of one request when nothing queues.
                int target = route.getKey().startsWith("list") || route.getKey().startsWith("deep") ? 500 : 200;
                // Unreported, so that neither rate measures the JIT compiling this route's path (it does not
                // finish it at a few seconds: -Dbench.warmup=SECONDS sets a longer one, for a warm server).
                OpenLoop.run(
                        client, base + route.getValue(), LIGHT_RATE * 2, Integer.getInteger("bench.warmup", seconds));
                if (nginx != null) {
                    OpenLoop.run(client, nginx.url(route.getKey()), LIGHT_RATE * 2, Math.min(seconds, 2));
                }
                for (int rate : new int[] {target, LIGHT_RATE}) {
                    double cpuBefore = cpuMillis(registry);
                    double clientBefore = cpuMillis(ProcessHandle.current());
                    double[] threadsBefore = jitAndGcMillis(registry);
                    Instant from = Instant.now();
                    Result result = OpenLoop.run(client, base + route.getValue(), rate, seconds);
                    // On stderr, to match the load against a GC log of the registry (-Xlog:gc::utctime).
                    System.err.printf("%s at %d/s: from %s to %s%n", route.getKey(), rate, from, Instant.now());
                    double requests = Math.max(1, result.perSecond * seconds);
                    double cpu = (cpuMillis(registry) - cpuBefore) / requests;
                    double clientCpu = (cpuMillis(ProcessHandle.current()) - clientBefore) / requests;
                    double[] threadsAfter = jitAndGcMillis(registry);
                    System.out.printf(
                            Locale.ROOT,
                            "%-22s %8d %9.2f %9.2f %9.2f %9.2f %9.2f %7.2f %7.2f %9.2f%n",
                            route.getKey(),
                            rate,
                            result.p50,
                            result.p95,
                            result.p99,
                            result.max,
                            cpu,
                            (threadsAfter[0] - threadsBefore[0]) / requests,
                            (threadsAfter[1] - threadsBefore[1]) / requests,
                            clientCpu);
                    if (nginx != null) {
                        double nginxClientBefore = cpuMillis(ProcessHandle.current());
                        double nginxBefore = nginx.cpuMillis();
                        Result plain = OpenLoop.run(client, nginx.url(route.getKey()), rate, seconds);
                        double nginxRequests = Math.max(1, plain.perSecond * seconds);
                        System.out.printf(
                                Locale.ROOT,
                                "%-22s %8d %9.2f %9.2f %9.2f %9.2f %9.2f %7s %7s %9.2f%n",
                                "  nginx, same bytes",
                                rate,
                                plain.p50,
                                plain.p95,
                                plain.p99,
                                plain.max,
                                (nginx.cpuMillis() - nginxBefore) / nginxRequests,
                                "-",
                                "-",
                                (cpuMillis(ProcessHandle.current()) - nginxClientBefore) / nginxRequests);
                    }
                }
            }
        } finally {
            OpenLoop.closeAll();
            if (nginx != null) {
                nginx.close();
            }
        }
    }

    /**
     * The CPU time, in ms, of the process's JIT compiler threads and of its collector threads (G1's and the
     * VM thread, which runs the pauses), from {@code /proc/PID/task} on Linux; NaN elsewhere. A thread that
     * has exited is no longer counted, so these are lower bounds.
     */
    private static double[] jitAndGcMillis(ProcessHandle process) {
        double jit = 0;
        double gc = 0;
        try (java.nio.file.DirectoryStream<Path> tasks =
                Files.newDirectoryStream(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException exited) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // utime and stime, in clock ticks of 10 ms (USER_HZ).
                double millis = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
                if (name.contains("CompilerThre")) {
                    jit += millis;
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                    gc += millis;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {jit, gc};
    }

    private static double cpuMillis(ProcessHandle process) {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
    }

    /** The routes, each with a query that exercises it on this catalog. */
    private static Map<String, String> routes(HttpClient client, String base) throws IOException, InterruptedException {
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put("list limit=100", "/v0.1/servers?limit=100");
        String cursor = null;
        boolean deep = System.getProperty("bench.routes", "deep").contains("deep");
        for (int page = 0; page < (deep ? 500 : 1); page++) {
            JsonNode body = JSON.readTree(
                    get(client, base + "/v0.1/servers?limit=100" + (cursor == null ? "" : "&cursor=" + cursor)));
            cursor = body.path("metadata").path("nextCursor").asText();
        }
        routes.put("deep page (500th)", "/v0.1/servers?limit=100&cursor=" + cursor);
        routes.put("list latest", "/v0.1/servers?limit=100&version=latest");
        routes.put("search=data", "/v0.1/servers?search=data&limit=30");
        routes.put("search=<rare word>", "/v0.1/servers?search=" + RARE_WORD + "&limit=30");
        routes.put(
                "updated_since",
                "/v0.1/servers?limit=100&updated_since="
                        + URLEncoder.encode(
                                Instant.parse("2026-01-01T00:00:00Z")
                                        .plusSeconds(99_000)
                                        .toString(),
                                StandardCharsets.UTF_8));
        routes.put(
                "versions/latest",
                "/v0.1/servers/" + URLEncoder.encode(name(4242), StandardCharsets.UTF_8) + "/versions/latest");
        routes.put(
                "versions/{exact}",
                "/v0.1/servers/" + URLEncoder.encode(name(4242), StandardCharsets.UTF_8) + "/versions/1.0.3");
        routes.put(
                "all versions", "/v0.1/servers/" + URLEncoder.encode(name(4242), StandardCharsets.UTF_8) + "/versions");
        routes.put("docker-catalog", "/v0.1/export/docker-catalog.yaml");
        return routes;
    }

    private static String name(int server) {
        return "io.github.owner" + (server % 2000) + "/server-" + server;
    }

    /** Writes the catalog straight into the store: the publish pipeline is not what is measured. */
    private static void generate(Path data) throws Exception {
        System.out.printf("generating %d servers x %d versions into %s%n", SERVERS, VERSIONS_PER_SERVER, data);
        long started = System.nanoTime();
        Random random = new Random(42);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        try (Store store = Store.openSqlite(data)) {
            int batch = 200;
            for (int from = 0; from < SERVERS; from += batch) {
                int first = from;
                store.write(repos -> {
                    for (int s = first; s < Math.min(SERVERS, first + batch); s++) {
                        String[] words = pick(random, 6);
                        if (s == 7777) {
                            words[0] = RARE_WORD;
                        }
                        for (int v = 0; v < VERSIONS_PER_SERVER; v++) {
                            repos.versions().insert(version(s, v, words, t0.plusSeconds((long) v * SERVERS + s)));
                        }
                    }
                    return null;
                });
            }
            store.analyze();
        }
        System.out.printf(Locale.ROOT, "generated in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static NewVersion version(int server, int v, String[] words, Instant at) {
        String name = name(server);
        String version = "1.0." + v;
        String title = capitalise(words[1]) + " " + capitalise(words[2]) + " " + server;
        String description = "MCP server for " + words[0] + " and " + words[1] + ": " + words[3] + ", " + words[4]
                + " and " + words[5] + " tools for agents.";
        ObjectNode manifest = JSON.createObjectNode()
                .put("$schema", "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json")
                .put("name", name)
                .put("title", title)
                .put("description", description)
                .put("version", version);
        manifest.putObject("repository")
                .put("url", "https://github.com/owner" + (server % 2000) + "/server-" + server)
                .put("source", "github");
        ObjectNode pkg = manifest.putArray("packages")
                .addObject()
                .put("registryType", "npm")
                .put("identifier", "@owner" + (server % 2000) + "/server-" + server)
                .put("version", version);
        pkg.putObject("transport").put("type", "stdio");
        pkg.putArray("environmentVariables")
                .addObject()
                .put("name", "API_TOKEN")
                .put("isSecret", true)
                .put("description", "Token for the " + words[0] + " API");
        ArrayNode tools = JSON.createArrayNode();
        for (int t = 0; t < 5; t++) {
            ObjectNode tool = tools.addObject()
                    .put("name", words[t] + "_" + words[(t + 1) % 6])
                    .put("description", "Returns the " + words[t] + " " + words[(t + 2) % 6] + " for a query.");
            tool.putObject("inputSchema")
                    .put("type", "object")
                    .putObject("properties")
                    .putObject("query")
                    .put("type", "string");
        }
        String toolsDigest = "sha256:" + sha256(tools.toString());
        ObjectNode trust = JSON.createObjectNode().put("tier", "community").put("flagged", false);
        trust.putObject("signature").put("verified", false);
        trust.putObject("sbom").put("present", false);
        trust.putNull("provenance");
        trust.putObject("scan")
                .put("verdict", "pass")
                .put("rulesVersion", "2026.11.7")
                .put("findings", 0);
        trust.putObject("vulnerabilities").putNull("maxSeverity").put("count", 0);
        trust.put("toolsDigest", toolsDigest);
        ObjectNode report = JSON.createObjectNode().put("decision", "published").put("tier", "community");
        ArrayNode checks = report.putArray("checks");
        for (String check : List.of(
                "schema",
                "namespace",
                "evidence",
                "signature",
                "sbom",
                "provenance",
                "scan",
                "drift",
                "vulnerabilities")) {
            checks.addObject()
                    .put("name", check)
                    .put("passed", true)
                    .put("detail", check + " checked; nothing to report");
        }
        byte[] bytes = manifest.toPrettyString().getBytes(StandardCharsets.UTF_8);
        return new NewVersion(
                name,
                version,
                bytes,
                sha256(bytes),
                description,
                Optional.of(title),
                Optional.of(tools.toString().getBytes(StandardCharsets.UTF_8)),
                at,
                v == VERSIONS_PER_SERVER - 1,
                "bench",
                ReviewState.PUBLISHED,
                "community",
                Optional.of(trust.toString().getBytes(StandardCharsets.UTF_8)),
                Optional.of(report.toString().getBytes(StandardCharsets.UTF_8)),
                Optional.of(toolsDigest));
    }

    private static String[] pick(Random random, int n) {
        String[] words = new String[n];
        for (int i = 0; i < n; i++) {
            words[i] = WORDS[random.nextInt(WORDS.length)];
        }
        return words;
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] get(HttpClient client, String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** Throughput and latency percentiles in milliseconds. */
    record Result(double perSecond, double p50, double p95, double p99, double max) {
        static Result of(long[] latenciesNanos, int count, double seconds) {
            return of(latenciesNanos, count, seconds, count);
        }

        /** Of the first {@code count} latencies, {@code succeeded} of which are answers (the rest failures). */
        static Result of(long[] latenciesNanos, int count, double seconds, int succeeded) {
            long[] sorted = Arrays.copyOf(latenciesNanos, count);
            Arrays.sort(sorted);
            return new Result(
                    succeeded / seconds,
                    pct(sorted, 0.50),
                    pct(sorted, 0.95),
                    pct(sorted, 0.99),
                    count == 0 ? 0 : sorted[count - 1] / 1e6);
        }

        private static double pct(long[] sorted, double p) {
            return sorted.length == 0
                    ? 0
                    : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    /** Which external tools this machine has. */
    record Tools(boolean wrk, boolean nginx) {
        static Tools find() {
            return new Tools(onPath("wrk"), onPath("nginx"));
        }

        private static boolean onPath(String program) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                if (Files.isExecutable(Path.of(dir, program))) {
                    return true;
                }
            }
            return Files.isExecutable(Path.of("/usr/sbin", program));
        }
    }

    /** wrk, closed loop, one thread and 16 connections, its latency distribution parsed. */
    static final class Wrk {
        private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
        private static final Pattern PERCENTILE =
                Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);

        static Result run(String url, int seconds, boolean unique) throws IOException, InterruptedException {
            List<String> command =
                    new ArrayList<>(List.of("wrk", "-t1", "-c16", "-d" + seconds + "s", "--latency", url));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            Matcher rate = RATE.matcher(out);
            if (!rate.find()) {
                throw new IllegalStateException("wrk printed no rate: " + out);
            }
            double p50 = 0;
            double p99 = 0;
            Matcher percentile = PERCENTILE.matcher(out);
            while (percentile.find()) {
                double value = Double.parseDouble(percentile.group(2))
                        * switch (percentile.group(3)) {
                            case "us" -> 0.001;
                            case "s" -> 1000;
                            default -> 1;
                        };
                if (percentile.group(1).equals("50")) {
                    p50 = value;
                } else {
                    p99 = value;
                }
            }
            if (out.contains("Non-2xx")) {
                throw new IllegalStateException("wrk saw errors from " + url + ": " + out);
            }
            return new Result(Double.parseDouble(rate.group(1)), p50, 0, p99, 0);
        }
    }

    /** The in-process fallback when wrk is not installed: 16 threads sending back to back. */
    static final class ClosedLoop {
        static Result run(HttpClient client, String url, int seconds) throws InterruptedException {
            int threads = 16;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            long[][] latencies = new long[threads][];
            int[] counts = new int[threads];
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                latencies[t] = new long[1 << 20];
                pool.submit(() -> {
                    while (System.nanoTime() < end && counts[thread] < latencies[thread].length) {
                        long start = System.nanoTime();
                        get(client, url);
                        latencies[thread][counts[thread]++] = System.nanoTime() - start;
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
            int total = Arrays.stream(counts).sum();
            long[] all = new long[total];
            int at = 0;
            for (int t = 0; t < threads; t++) {
                System.arraycopy(latencies[t], 0, all, at, counts[t]);
                at += counts[t];
            }
            return Result.of(all, total, seconds);
        }
    }

    /**
     * A fixed request rate whatever the answers do; each request gets a unique {@code nocache} parameter,
     * which the API ignores and the response cache keys on, so every request is computed. Unique across the
     * run: a load that repeated the warm-up's numbers would be answered from the cache for a while.
     */
    static final class OpenLoop {
        private static final AtomicLong NEXT_NOCACHE = new AtomicLong();
        private static final boolean JDK_CLIENT =
                System.getProperty("bench.client", "raw").equals("jdk");

        /** The raw client of each host and port, made on first use and kept for the run. */
        private static final Map<String, RawOpenLoop> RAW = new LinkedHashMap<>();

        /**
         * The load through the light client ({@link RawOpenLoop}), or with {@code -Dbench.client=jdk} through
         * the JDK's HTTP client as before, to compare the two.
         */
        static Result run(HttpClient client, String url, int rate, int seconds)
                throws InterruptedException, IOException {
            int total = rate * seconds;
            long firstNocache = NEXT_NOCACHE.getAndAdd(total);
            if (JDK_CLIENT) {
                return jdk(client, url, rate, seconds, firstNocache);
            }
            URI uri = URI.create(url);
            RawOpenLoop raw = RAW.get(uri.getAuthority());
            if (raw == null) {
                raw = RawOpenLoop.to(url);
                RAW.put(uri.getAuthority(), raw);
            }
            return raw.run(url, firstNocache, rate, seconds);
        }

        /** Closes the raw clients' connections (before nginx or the registry stops). */
        static void closeAll() throws IOException {
            for (RawOpenLoop raw : RAW.values()) {
                raw.close();
            }
            RAW.clear();
        }

        private static Result jdk(HttpClient client, String url, int rate, int seconds, long firstNocache)
                throws InterruptedException {
            int total = rate * seconds;
            long[] latencies = new long[total];
            // A request that fails or never completes counts as slower than all (sorted last).
            Arrays.fill(latencies, Long.MAX_VALUE);
            AtomicLong done = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(64);
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
            String separator = url.contains("?") ? "&" : "?";
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int index = i;
                pool.submit(() -> {
                    try {
                        get(client, url + separator + "nocache=" + (firstNocache + index));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (IOException | RuntimeException e) {
                        return;
                    }
                    latencies[index] = System.nanoTime() - due;
                    done.incrementAndGet();
                });
            }
            pool.shutdown();
            pool.awaitTermination(120, TimeUnit.SECONDS);
            if (done.get() < total) {
                System.err.printf("  %d of %d requests failed or were not answered%n", total - done.get(), total);
            }
            return Result.of(latencies, total, seconds, (int) done.get());
        }
    }

    /** nginx serving, from files, the exact bytes the registry answered for each route. */
    static final class Nginx implements AutoCloseable {
        private final Process process;
        private final int port;

        private Nginx(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Nginx start(Path dir, HttpClient client, String base, Map<String, String> routes)
                throws IOException, InterruptedException {
            Path www = dir.resolve("www");
            Files.createDirectories(www);
            for (Map.Entry<String, String> route : routes.entrySet()) {
                Files.write(www.resolve(file(route.getKey())), get(client, base + route.getValue()));
            }
            int port;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path conf = dir.resolve("nginx.conf");
            Files.writeString(conf, """
                    worker_processes auto;
                    daemon off;
                    pid %s;
                    error_log stderr error;
                    events { worker_connections 1024; }
                    http {
                        access_log off;
                        default_type application/json;
                        server {
                            listen 127.0.0.1:%d;
                            root %s;
                        }
                    }
                    """.formatted(dir.resolve("nginx.pid"), port, www));
            Process process = new ProcessBuilder("nginx", "-c", conf.toString(), "-p", dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("nginx.log").toFile())
                    .start();
            Nginx nginx = new Nginx(process, port);
            for (int i = 0; i < 50; i++) {
                try {
                    get(client, nginx.url(routes.keySet().iterator().next()));
                    return nginx;
                } catch (IOException e) {
                    Thread.sleep(100);
                }
            }
            nginx.close();
            throw new IllegalStateException("nginx did not start; see " + dir.resolve("nginx.log"));
        }

        String url(String route) {
            return "http://127.0.0.1:" + port + "/" + file(route);
        }

        /** The CPU time of nginx's master and workers, in ms: what serving the same bytes costs it. */
        double cpuMillis() {
            return ReadBenchmark.cpuMillis(process.toHandle())
                    + process.toHandle()
                            .descendants()
                            .mapToDouble(ReadBenchmark::cpuMillis)
                            .sum();
        }

        private static String file(String route) {
            return route.replaceAll("[^A-Za-z0-9]+", "_") + ".body";
        }

        @Override
        public void close() {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
