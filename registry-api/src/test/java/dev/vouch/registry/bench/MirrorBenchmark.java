package dev.vouch.registry.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.registry.Registry;
import dev.vouch.registry.http.ApiServer;
import dev.vouch.registry.http.HttpOptions;
import dev.vouch.registry.http.observability.AccessLog;
import dev.vouch.registry.mirror.MirrorProgress;
import dev.vouch.registry.mirror.MirrorReport;
import dev.vouch.registry.mirror.MirrorSettings;
import dev.vouch.store.NewVersion;
import dev.vouch.store.ReviewState;
import dev.vouch.store.Store;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The mirror benchmark (a program, not a test): a full sync of 10,000 servers from a local upstream Vouch
 * into an empty registry, every version validated, scanned and decided by the local policy through the
 * publish pipeline.
 *
 * <p>The upstream's catalog is written straight into its store once (what it costs to build is not what
 * is measured), then served on a loopback port in this JVM; the mirror runs from an empty data directory
 * each time. Arguments: {@code [WORK_DIR] [SERVERS] [WORKERS]}.
 */
public final class MirrorBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";
    private static final String[] WORDS = ("agent api browser calendar cloud code database deploy docs email file "
                    + "finance git graph image issue log map memory metrics notes payment query queue report search sheet "
                    + "storage task ticket trace vector video weather web wiki workflow")
            .split(" ");

    private MirrorBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/mirror-bench").toAbsolutePath();
        int servers = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : MirrorSettings.DEFAULT_WORKERS;
        Path upstreamData = work.resolve("upstream-" + servers);
        if (!Files.exists(upstreamData.resolve("vouch.db"))) {
            generate(upstreamData, servers);
        }
        Path localData = work.resolve("local");
        delete(localData);
        try (Registry upstream = Registry.openSqlite(upstreamData);
                ApiServer server = upstream.httpServer(HttpOptions.defaults().withAccessLog(AccessLog.none()))
                        .start("127.0.0.1", 0);
                Registry local = Registry.openSqlite(localData)) {
            URI uri = URI.create("http://127.0.0.1:" + server.port());
            long started = System.nanoTime();
            MirrorReport report = local.mirror(MirrorSettings.of(uri).withWorkers(workers))
                    .run(new MirrorProgress() {
                        private long lastPrint = System.nanoTime();

                        @Override
                        public void page(MirrorReport soFar, Optional<Long> expectedTotal) {
                            if (System.nanoTime() - lastPrint > 5_000_000_000L) {
                                lastPrint = System.nanoTime();
                                System.out.printf(
                                        Locale.ROOT, "  %,d read, %.0f servers/s%n", soFar.read(), soFar.rate());
                            }
                        }

                        @Override
                        public void finished(MirrorReport done) {}
                    });
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.println(report.summary());
            System.out.printf(
                    Locale.ROOT,
                    "full sync of %,d servers: %.1f s (%.0f servers/s; target: 60 s)%n",
                    report.read(),
                    seconds,
                    report.read() / seconds);
            long started2 = System.nanoTime();
            MirrorReport again = local.mirror(MirrorSettings.of(uri)).run(MirrorProgress.none());
            System.out.printf(
                    Locale.ROOT,
                    "second run (nothing new): %.2f s, %s%n",
                    (System.nanoTime() - started2) / 1e9,
                    again.changedAnything() ? "CHANGED SOMETHING" : "changed nothing");
        }
    }

    private static void generate(Path data, int servers) {
        System.out.printf(Locale.ROOT, "generating an upstream of %,d servers in %s%n", servers, data);
        try (Store store = Store.openSqlite(data)) {
            int batch = 1_000;
            for (int from = 0; from < servers; from += batch) {
                int start = from;
                int end = Math.min(servers, from + batch);
                store.write(repos -> {
                    for (int i = start; i < end; i++) {
                        repos.versions().insert(version(i));
                    }
                    return null;
                });
            }
        }
    }

    private static NewVersion version(int i) {
        String word = WORDS[i % WORDS.length];
        String other = WORDS[(i / WORDS.length) % WORDS.length];
        String name = "io.github.owner" + (i % 500) + "/" + word + "-" + other + "-" + i;
        String description = "Reads and writes " + word + " and " + other + " records for agents";
        ObjectNode manifest = JSON.createObjectNode()
                .put("$schema", SCHEMA)
                .put("name", name)
                .put("title", capitalise(word) + " " + other)
                .put("description", description)
                .put("version", "1.0.0");
        manifest.putObject("repository")
                .put("url", "https://github.com/owner" + (i % 500) + "/" + word + "-" + i)
                .put("source", "github");
        ObjectNode pkg = manifest.putArray("packages")
                .addObject()
                .put("registryType", "npm")
                .put("identifier", "@owner" + (i % 500) + "/" + word + "-" + i)
                .put("version", "1.0.0");
        pkg.putObject("transport").put("type", "stdio");
        pkg.putArray("environmentVariables")
                .addObject()
                .put("name", "API_TOKEN")
                .put("isSecret", true)
                .put("description", "Token for the " + word + " API");
        byte[] bytes = manifest.toPrettyString().getBytes(StandardCharsets.UTF_8);
        return new NewVersion(
                name,
                "1.0.0",
                bytes,
                sha256(bytes),
                description,
                Optional.of(capitalise(word)),
                Optional.empty(),
                Instant.now(),
                true,
                "bench",
                ReviewState.PUBLISHED,
                "community",
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
