package dev.vouch.registry.cli;

import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.keys.PublicKeys;
import dev.vouch.registry.Registry;
import dev.vouch.registry.auth.exchange.AuthConfigFile;
import dev.vouch.registry.auth.exchange.ExchangeSettings;
import dev.vouch.registry.domain.rules.ManifestValidator;
import dev.vouch.registry.evidence.EvidenceSources;
import dev.vouch.registry.http.ApiServer;
import dev.vouch.registry.http.HttpLimits;
import dev.vouch.registry.http.HttpOptions;
import dev.vouch.registry.http.limits.RateLimitSettings;
import dev.vouch.registry.mirror.Intervals;
import dev.vouch.registry.mirror.MirrorScheduler;
import dev.vouch.registry.mirror.MirrorSettings;
import dev.vouch.registry.policy.PolicyException;
import dev.vouch.registry.policy.PolicySource;
import dev.vouch.registry.snapshot.RegistryKey;
import dev.vouch.scanner.Scanner;
import dev.vouch.store.Store;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vouch serve}: runs the registry's HTTP API until the process is stopped. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
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

    @Option(
            names = "--max-body-bytes",
            defaultValue = "1048576",
            description = "Largest request body accepted, in bytes (default: ${DEFAULT-VALUE}).")
    long maxBodyBytes;

    @Option(
            names = "--max-threads",
            defaultValue = "200",
            description =
                    "Worker threads; at most half of them read request bodies at once (default: ${DEFAULT-VALUE}).")
    int maxThreads;

    @Option(
            names = "--idle-timeout",
            defaultValue = "30",
            paramLabel = "SECONDS",
            description = "Close a connection that sends nothing for this long (default: ${DEFAULT-VALUE}).")
    int idleTimeoutSeconds;

    @Option(
            names = "--body-timeout",
            defaultValue = "20",
            paramLabel = "SECONDS",
            description = "A request body must arrive within this time, or it gets 408 (default: ${DEFAULT-VALUE}).")
    int bodyTimeoutSeconds;

    @Option(names = "--no-seed", description = "Do not load the seed catalog into an empty registry.")
    boolean noSeed;

    @Option(
            names = "--policy",
            paramLabel = "FILE",
            description = "Publish policy (YAML), re-read when it changes; default: the shipped safe policy.")
    Path policy;

    @Option(
            names = "--oci-registry",
            paramLabel = "HOST=URL",
            description = "Fetch OCI evidence for images on HOST from URL (a mirror), repeatable; "
                    + "default: https://HOST.")
    Map<String, URI> ociRegistries = new LinkedHashMap<>();

    @Option(
            names = "--npm-registry",
            paramLabel = "URL",
            description = "Fetch npm integrity and attestations from URL (default: https://registry.npmjs.org).")
    URI npmRegistry = EvidenceSources.NPM_PUBLIC;

    @Option(
            names = "--evidence-timeout",
            defaultValue = "20",
            paramLabel = "SECONDS",
            description = "How long a package registry may take to answer (default: ${DEFAULT-VALUE}).")
    int evidenceTimeoutSeconds;

    @Option(
            names = "--signing-key",
            paramLabel = "FILE",
            description = "The registry's signing key for catalog snapshots (PEM, Ed25519 or ECDSA P-256, mode 600); "
                    + "default: generated on first start as DIR/" + RegistryKey.FILE_NAME + ".")
    Path signingKey;

    @Option(
            names = "--auth",
            paramLabel = "FILE",
            description = "Publisher authentication (YAML): GitHub trusted publishing, OIDC issuers, domain proof, "
                    + "anonymous; default: github-oidc, http and dns as the official registry offers them.")
    Path auth;

    @Option(
            names = "--rate-publish-per-token",
            defaultValue = "30",
            paramLabel = "N",
            description = "Publishes per minute by one token (default: ${DEFAULT-VALUE}).")
    int publishPerToken;

    @Option(
            names = "--rate-publish-per-address",
            defaultValue = "60",
            paramLabel = "N",
            description = "Publishes per minute from one client address (default: ${DEFAULT-VALUE}).")
    int publishPerAddress;

    @Option(
            names = "--rate-auth-failures-per-address",
            defaultValue = "10",
            paramLabel = "N",
            description = "Failed authentications per minute from one address before its writes get 429 "
                    + "(default: ${DEFAULT-VALUE}).")
    int authFailuresPerAddress;

    @Option(
            names = "--rate-exchanges-per-address",
            defaultValue = "30",
            paramLabel = "N",
            description = "Token exchanges per minute from one client address (default: ${DEFAULT-VALUE}).")
    int exchangesPerAddress;

    @Option(
            names = "--cors-write-origin",
            paramLabel = "ORIGIN",
            description = "A browser origin allowed to write (publish, status), repeatable; reads are open to all.")
    List<String> corsWriteOrigins = new ArrayList<>();

    @Option(
            names = "--drain-timeout",
            defaultValue = "20",
            paramLabel = "SECONDS",
            description = "How long a stop waits for requests in flight (default: ${DEFAULT-VALUE}).")
    int drainTimeoutSeconds;

    @Option(
            names = "--change-poll",
            defaultValue = "250",
            paramLabel = "MILLIS",
            description = "How often the database is asked whether another node or the CLI wrote: cached reads "
                    + "may lag such a write by this long; this node's own writes are seen at once "
                    + "(default: ${DEFAULT-VALUE}).")
    int changePollMillis;

    @Option(
            names = "--mirror",
            paramLabel = "URL",
            description = "Mirror this upstream registry on a schedule, every version re-decided by --policy "
                    + "(implies --no-seed).")
    String mirror;

    @Option(
            names = "--mirror-interval",
            defaultValue = "5m",
            paramLabel = "DURATION",
            description = "With --mirror: wait this long after each run (90s, 5m, 1h; default: ${DEFAULT-VALUE}).")
    String mirrorInterval;

    @Option(
            names = "--mirror-key",
            paramLabel = "FILE",
            description = "With --mirror: the upstream Vouch's public key (PEM) its signed snapshot must verify with.")
    Path mirrorKey;

    /**
     * Loads what serving needs on a second core while the main thread parses the command line and opens
     * the database: the database libraries' classes, the official schema, the HTTP stack's classes, and
     * last the scanner's rule pack, lexicon and model, which only a publish needs (the registry asks for
     * the scanner when it first scans, so reads are served before it is built). The registry takes the
     * same shared instances, waiting for them if they are not done yet, so this only moves work earlier.
     */
    static void prepareInBackground() {
        Thread warmUp = new Thread(
                () -> {
                    Store.warmUp();
                    ManifestValidator.official();
                    ApiServer.warmUp();
                    Scanner.withBundledRules();
                },
                "vouch-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    @Override
    public Integer call() throws InterruptedException {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("--max-body-bytes must be positive");
        }
        if (idleTimeoutSeconds < 1 || bodyTimeoutSeconds < 1) {
            throw new IllegalArgumentException("--idle-timeout and --body-timeout must be positive");
        }
        HttpLimits limits = new HttpLimits(
                maxBodyBytes,
                maxThreads,
                Duration.ofSeconds(idleTimeoutSeconds),
                Duration.ofSeconds(bodyTimeoutSeconds));
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
        Optional<MirrorSettings> mirrorSettings = mirrorSettings();
        boolean seed = !noSeed && mirrorSettings.isEmpty();
        RegistryKey key = signingKey != null ? RegistryKey.load(signingKey) : RegistryKey.loadOrGenerate(data.dataDir);
        ExchangeSettings authSettings;
        HttpOptions options;
        try {
            authSettings =
                    auth == null ? ExchangeSettings.defaults() : AuthConfigFile.read(auth, ExchangeSettings.defaults());
            options = HttpOptions.defaults()
                    .withLimits(limits)
                    .withRateLimits(new RateLimitSettings(
                            publishPerToken, publishPerAddress, authFailuresPerAddress, exchangesPerAddress))
                    .withCorsWriteOrigins(corsWriteOrigins)
                    .withDrainTimeout(Duration.ofSeconds(drainTimeoutSeconds))
                    .withChangePoll(Duration.ofMillis(changePollMillis));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Registry registry = Registry.open(
                data.openStore(spec.commandLine()),
                data.dataDir,
                policySource,
                new EvidenceSources(ociRegistries, npmRegistry, Duration.ofSeconds(evidenceTimeoutSeconds)),
                authSettings);
        // Serve at once (health and reads answer), but not ready and refusing writes until seeded.
        if (seed) {
            registry.readiness().awaitSeeding();
        }
        ApiServer server = registry.httpServer(options, key).start(host, port);
        int seeded = seed ? registry.seedIfEmpty() : 0;
        MirrorScheduler scheduler = mirrorSettings
                .map(settings -> new MirrorScheduler(
                                registry.mirror(settings),
                                Intervals.parse(mirrorInterval),
                                line -> System.out.println(line))
                        .start())
                .orElse(null);
        System.out.printf(
                "vouch serving http://%s:%d/ (catalog; API at /v0.1/servers; data: %s%s)%n",
                host, server.port(), data.describe(), seeded > 0 ? ", seeded " + seeded + " versions" : "");
        // Reads are served; now wait for the scanner the warm-up core builds last. A registry that cannot scan
        // must not keep running as if it could publish: a broken rule pack, lexicon or model stops it here.
        try {
            Scanner.withBundledRules();
        } catch (LinkageError e) {
            if (scheduler != null) {
                scheduler.close();
            }
            server.close();
            registry.close();
            throw new IllegalStateException("the scanner's rule pack, lexicon or model could not be loaded: " + e, e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            if (scheduler != null) {
                                scheduler.close();
                            }
                            server.close();
                            registry.close();
                            stopped.countDown();
                        },
                        "vouch-shutdown"));
        stopped.await();
        return VouchCommand.EXIT_OK;
    }

    private Optional<MirrorSettings> mirrorSettings() {
        if (mirror == null) {
            if (mirrorKey != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--mirror-key needs --mirror");
            }
            return Optional.empty();
        }
        try {
            Intervals.parse(mirrorInterval);
            MirrorSettings settings = MirrorSettings.of(mirror);
            if (mirrorKey != null) {
                settings = settings.withUpstreamKey(
                        PublicKeys.fromPem(Files.readString(mirrorKey, StandardCharsets.US_ASCII)));
            }
            return Optional.of(settings);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (java.io.IOException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "cannot read --mirror-key " + mirrorKey + ": " + MirrorCommand.reason(e));
        } catch (VerificationException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--mirror-key " + mirrorKey + ": " + e.getMessage());
        }
    }

    private static void requireHttp(URI url, String option) {
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new IllegalArgumentException(option + ": URL must be http(s)");
        }
    }
}
