package dev.vouch.registry.cli;

import dev.vouch.registry.Registry;
import dev.vouch.registry.evidence.EvidenceSources;
import dev.vouch.registry.http.ApiServer;
import dev.vouch.registry.policy.PolicyException;
import dev.vouch.registry.policy.PolicySource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vouch serve}: runs the registry's HTTP API until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the registry API (loads the seed catalog into an empty registry).")
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

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

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Publish policy (YAML), re-read when it changes; default: the shipped safe policy.")
    Path policy;

    @Option(names = "--oci-registry", paramLabel = "HOST=URL",
            description = "Fetch OCI evidence for images on HOST from URL (a mirror), repeatable; "
                    + "default: https://HOST.")
    Map<String, URI> ociRegistries = new LinkedHashMap<>();

    @Option(names = "--npm-registry", paramLabel = "URL",
            description = "Fetch npm integrity and attestations from URL (default: https://registry.npmjs.org).")
    URI npmRegistry = EvidenceSources.NPM_PUBLIC;

    @Option(names = "--evidence-timeout", defaultValue = "20", paramLabel = "SECONDS",
            description = "How long a package registry may take to answer (default: ${DEFAULT-VALUE}).")
    int evidenceTimeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("--max-body-bytes must be positive");
        }
        if (evidenceTimeoutSeconds < 1) {
            throw new IllegalArgumentException("--evidence-timeout must be positive");
        }
        for (Map.Entry<String, URI> mirror : ociRegistries.entrySet()) {
            requireHttp(mirror.getValue(), "--oci-registry " + mirror.getKey());
        }
        requireHttp(npmRegistry, "--npm-registry");
        PolicySource policySource;
        try {
            policySource = policy == null ? PolicySource.safeDefault() : PolicySource.fromFile(policy);
        } catch (PolicyException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Registry registry = Registry.openSqlite(data.dataDir, policySource,
                new EvidenceSources(ociRegistries, npmRegistry, Duration.ofSeconds(evidenceTimeoutSeconds)));
        int seeded = noSeed ? 0 : registry.seedIfEmpty();
        ApiServer server = registry.httpServer(maxBodyBytes).start(host, port);
        System.out.printf("vouch serving http://%s:%d/ (catalog; API at /v0.1/servers; data: %s%s)%n", host,
                server.port(),
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

    private static void requireHttp(URI url, String option) {
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new IllegalArgumentException(option + ": URL must be http(s)");
        }
    }
}
