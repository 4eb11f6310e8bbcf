package dev.vouch.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL cluster for tests: {@code initdb} in a temporary directory, {@code pg_ctl start}
 * on a random loopback port with its socket in that directory, one per JVM, stopped and deleted when the
 * JVM exits. Each test asks it for a fresh database ({@link #newDatabase}).
 *
 * <p>PostgreSQL refuses to run as root, so when the tests run as root the cluster runs as the
 * {@code postgres} system user (or {@code nobody}) through {@code runuser}. The binaries are found through
 * {@code -Dvouch.postgres.bin=DIR}, then {@code PATH}, then Debian's {@code /usr/lib/postgresql/<version>/bin}.
 *
 * <p>Where they are missing a test calls {@link #requireFor}: it prints a {@code SKIPPED:} line and
 * records the skip in {@code target/postgres-tests/skipped}; a test that ran is recorded in
 * {@code target/postgres-tests/ran}. {@code .ci/run} refuses a build whose PostgreSQL tests were skipped.
 */
public final class PostgresCluster {

    /** Where skips and runs are recorded, relative to the module's directory (surefire's working directory). */
    public static final Path RECORDS = Path.of("target", "postgres-tests");

    private static final String ROLE = "vouch";
    private static final List<String> SYSTEM_USERS = List.of("postgres", "nobody");

    private static final java.util.Set<String> RECORDED = new java.util.HashSet<>();
    private static Optional<PostgresCluster> shared;
    private static String unavailable = "";

    private final Path directory;
    private final Path data;
    private final List<String> runAs;
    private final Path bin;
    private final int port;
    private final String password;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresCluster(Path directory, List<String> runAs, Path bin, int port, String password) {
        this.directory = directory;
        this.data = directory.resolve("data");
        this.runAs = runAs;
        this.bin = bin;
        this.port = port;
        this.password = password;
    }

    /**
     * The JVM's cluster, started on first use; or the calling test aborted (skipped) with a
     * {@code SKIPPED:} line and a record, when PostgreSQL cannot run here.
     */
    public static synchronized PostgresCluster requireFor(String testClass) {
        Optional<PostgresCluster> cluster = shared();
        boolean first = RECORDED.add(testClass);
        if (cluster.isEmpty()) {
            if (first) {
                System.out.println("SKIPPED: " + testClass + ": " + unavailable);
                record("skipped", testClass + ": " + unavailable);
            }
            Assumptions.abort(unavailable);
        }
        if (first) {
            record("ran", testClass);
        }
        return cluster.get();
    }

    /** The JVM's cluster, started on first use, or empty (with the reason kept) when it cannot start. */
    public static synchronized Optional<PostgresCluster> shared() {
        if (shared == null) {
            try {
                shared = Optional.of(start());
            } catch (Unavailable e) {
                unavailable = e.getMessage();
                shared = Optional.empty();
            }
        }
        return shared;
    }

    /** A new, empty database in the cluster, owned by the test role; reachable with the returned settings. */
    public PostgresSettings newDatabase() {
        String name = "vouch_test_" + databases.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(url("postgres"), ROLE, password);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " OWNER " + ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return settings(name);
    }

    /** Settings for an existing database of the cluster. */
    public PostgresSettings settings(String database) {
        return new PostgresSettings(url(database), Optional.of(ROLE), Optional.of(password));
    }

    /** The password of the cluster's role, as an operator would hand it over apart from the URL. */
    public String password() {
        return password;
    }

    /** The libpq-style URL of a database, without the password: what {@code serve --database} takes. */
    public String libpqUrl(String database) {
        return "postgresql://127.0.0.1:" + port + "/" + database + "?user=" + ROLE;
    }

    public int port() {
        return port;
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static PostgresCluster start() throws Unavailable {
        Path bin = binaries();
        List<String> runAs = runAs();
        Path directory;
        String password = randomHex();
        try {
            directory = Files.createTempDirectory("vouch-postgres-");
            Path passwordFile = directory.resolve("password");
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            if (!runAs.isEmpty()) {
                chown(directory, runAs.get(2));
                chown(passwordFile, runAs.get(2));
            }
        } catch (IOException e) {
            throw new Unavailable("cannot prepare a cluster directory: " + e.getMessage());
        }
        Path log = directory.resolve("log");
        try {
            run(
                    runAs,
                    directory,
                    List.of(
                            bin.resolve("initdb").toString(),
                            "-D",
                            directory.resolve("data").toString(),
                            "-U",
                            ROLE,
                            "--pwfile=" + directory.resolve("password"),
                            "--auth-host=scram-sha-256",
                            "--auth-local=trust",
                            "-E",
                            "UTF8",
                            "--locale=C",
                            "--no-sync"),
                    "initdb");
        } catch (Unavailable e) {
            deleteTree(directory);
            throw e;
        }
        IOException lastFailure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            // Throwaway data: tests trade durability for speed; -Dvouch.postgres.durable=true (the
            // benchmark) keeps PostgreSQL's defaults, so a commit waits for its fsync as in production.
            String options = "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1"
                    + " -c max_connections=300"
                    + (Boolean.getBoolean("vouch.postgres.durable")
                            ? ""
                            : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            try {
                run(
                        runAs,
                        directory,
                        List.of(
                                bin.resolve("pg_ctl").toString(),
                                "-D",
                                directory.resolve("data").toString(),
                                "-l",
                                log.toString(),
                                "-w",
                                "-t",
                                "60",
                                "-o",
                                options,
                                "start"),
                        "pg_ctl start");
                PostgresCluster cluster = new PostgresCluster(directory, runAs, bin, port, password);
                Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "vouch-postgres-stop"));
                return cluster;
            } catch (Unavailable e) {
                lastFailure = new IOException(e.getMessage());
            }
        }
        String reason = "the cluster did not start: " + lastFailure.getMessage() + tail(log);
        deleteTree(directory);
        throw new Unavailable(reason);
    }

    /** Stops the server at once (the data is thrown away) and deletes the directory. */
    private void stop() {
        try {
            run(
                    runAs,
                    directory,
                    List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"),
                    "pg_ctl stop");
        } catch (Unavailable e) {
            System.err.println("stopping the test cluster: " + e.getMessage());
        }
        deleteTree(directory);
    }

    private static String randomHex() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Path binaries() throws Unavailable {
        List<Path> candidates = new ArrayList<>();
        String named = System.getProperty("vouch.postgres.bin");
        if (named != null) {
            candidates.add(Path.of(named));
        } else {
            for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    candidates.add(Path.of(entry));
                }
            }
            try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
                versions.sorted(Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin")));
            } catch (IOException e) {
                // Not Debian's layout; PATH was the other place to look.
            }
        }
        for (Path dir : candidates) {
            if (Files.isExecutable(dir.resolve("initdb"))
                    && Files.isExecutable(dir.resolve("pg_ctl"))
                    && Files.isExecutable(dir.resolve("postgres"))) {
                // initdb finds postgres beside its real location; a symlinked initdb would not.
                try {
                    return dir.resolve("initdb").toRealPath().getParent();
                } catch (IOException e) {
                    return dir;
                }
            }
        }
        throw new Unavailable("the PostgreSQL server binaries (initdb, pg_ctl, postgres) are not installed "
                + "(apt-get install postgresql, or -Dvouch.postgres.bin=DIR)");
    }

    /** The command prefix that runs as a system user when this JVM is root, which PostgreSQL refuses. */
    private static List<String> runAs() throws Unavailable {
        if (!"root".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/runuser")) && !Files.isExecutable(Path.of("/sbin/runuser"))) {
            throw new Unavailable("running as root and runuser is missing, so PostgreSQL cannot run as another user");
        }
        UserPrincipalLookupService users = Path.of("/").getFileSystem().getUserPrincipalLookupService();
        for (String user : SYSTEM_USERS) {
            try {
                users.lookupPrincipalByName(user);
                return List.of("runuser", "-u", user, "--");
            } catch (IOException e) {
                // Try the next one.
            }
        }
        throw new Unavailable("running as root and none of " + SYSTEM_USERS + " exists to run PostgreSQL as");
    }

    private static void chown(Path path, String user) throws IOException {
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(path, users.lookupPrincipalByName(user));
    }

    private static void run(List<String> runAs, Path directory, List<String> command, String what) throws Unavailable {
        List<String> full = new ArrayList<>(runAs);
        full.addAll(command);
        Path output = directory.resolve(what.replace(' ', '-') + ".out");
        try {
            Process process = new ProcessBuilder(full)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new Unavailable(what + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new Unavailable(what + " failed (exit " + process.exitValue() + "): " + tail(output));
            }
        } catch (IOException e) {
            throw new Unavailable(what + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(what + " was interrupted");
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }

    private static void record(String file, String line) {
        try {
            Files.createDirectories(RECORDS);
            Files.writeString(
                    RECORDS.resolve(file),
                    line + System.lineSeparator(),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PostgreSQL cannot run here; the message says why. */
    private static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }
}
