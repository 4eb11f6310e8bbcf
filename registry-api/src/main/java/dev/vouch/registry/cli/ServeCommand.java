package dev.vouch.registry.cli;

import dev.vouch.registry.Registry;
import dev.vouch.registry.http.ApiServer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vouch serve}: runs the registry's HTTP API until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the registry API (loads the seed catalog into an empty registry).")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    DataDirOption data;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--max-body-bytes", defaultValue = "1048576",
            description = "Largest request body accepted, in bytes (default: ${DEFAULT-VALUE}).")
    long maxBodyBytes;

    @Option(names = "--no-seed", description = "Do not load the seed catalog into an empty registry.")
    boolean noSeed;

    @Override
    public Integer call() throws InterruptedException {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("--max-body-bytes must be positive");
        }
        Registry registry = Registry.openSqlite(data.dataDir);
        int seeded = noSeed ? 0 : registry.seedIfEmpty();
        ApiServer server = registry.httpServer(maxBodyBytes).start(host, port);
        System.out.printf("vouch serving http://%s:%d/v0.1/servers (data: %s%s)%n", host, server.port(),
                data.dataDir.toAbsolutePath().normalize(), seeded > 0 ? ", seeded " + seeded + " versions" : "");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            registry.close();
            stopped.countDown();
        }, "vouch-shutdown"));
        stopped.await();
        return VouchCommand.EXIT_OK;
    }
}
