package dev.vouch.registry.cli;

import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.keys.PublicKeys;
import dev.vouch.registry.Registry;
import dev.vouch.registry.mirror.Intervals;
import dev.vouch.registry.mirror.MirrorException;
import dev.vouch.registry.mirror.MirrorReport;
import dev.vouch.registry.mirror.MirrorService;
import dev.vouch.registry.mirror.MirrorSettings;
import dev.vouch.registry.policy.PolicyException;
import dev.vouch.registry.policy.PolicySource;
import dev.vouch.store.MirrorEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vouch mirror --upstream URL}: pulls an upstream registry into this one, every version re-decided
 * by the local policy. Exit 0 when the run completed, 1 when the upstream failed it (unreachable, a
 * looping cursor, a page that never parsed, the pinned-key check), 2 on bad input.
 */
@Command(
        name = "mirror",
        mixinStandardHelpOptions = true,
        description = "Mirror an upstream registry (official API) into this one, re-verified under local policy.",
        subcommands = MirrorCommand.Rejected.class)
final class MirrorCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Option(
            names = "--upstream",
            paramLabel = "URL",
            description = "The upstream's base URL: the official registry, another Vouch, a subregistry.")
    String upstream;

    @Option(
            names = "--policy",
            paramLabel = "FILE",
            description = "Local publish policy (YAML) every mirrored version is decided by; default: the shipped "
                    + "safe policy.")
    Path policy;

    @Option(names = "--once", description = "Run once and exit (the default).")
    boolean once;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            description = "Run again this long after each run ends (90s, 5m, 1h), until stopped.")
    String interval;

    @Option(
            names = "--upstream-key",
            paramLabel = "FILE",
            description = "The upstream Vouch's public key (PEM): its signed snapshot must verify with it and list "
                    + "every version mirrored, or nothing is.")
    Path upstreamKey;

    @Option(
            names = "--timeout",
            defaultValue = "30",
            paramLabel = "SECONDS",
            description = "Timeout of one upstream request (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(
            names = "--attempts",
            defaultValue = "5",
            paramLabel = "N",
            description = "Attempts per upstream request, with exponential backoff (default: ${DEFAULT-VALUE}).")
    int attempts;

    @Override
    public Integer call() throws InterruptedException {
        if (upstream == null) {
            throw usage("--upstream URL is required");
        }
        if (once && interval != null) {
            throw usage("give --once or --interval, not both");
        }
        if (timeoutSeconds < 1 || attempts < 1) {
            throw usage("--timeout and --attempts must be positive");
        }
        Duration every = null;
        MirrorSettings settings;
        PolicySource policySource;
        try {
            if (interval != null) {
                every = Intervals.parse(interval);
            }
            settings = MirrorSettings.of(upstream)
                    .withTimeout(Duration.ofSeconds(timeoutSeconds))
                    .withRetries(attempts, Duration.ofMillis(500), Duration.ofSeconds(30));
            if (upstreamKey != null) {
                settings = settings.withUpstreamKey(readKey(upstreamKey));
            }
            policySource = policy == null ? PolicySource.safeDefault() : PolicySource.fromFile(policy);
        } catch (IllegalArgumentException | PolicyException e) {
            throw usage(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Registry registry = data.openRegistry(spec.commandLine(), policySource)) {
            MirrorService mirror = registry.mirror(settings);
            while (true) {
                int exit = runOnce(mirror, out, err);
                if (every == null) {
                    return exit;
                }
                Thread.sleep(every.toMillis());
            }
        }
    }

    private int runOnce(MirrorService mirror, PrintWriter out, PrintWriter err) {
        try {
            MirrorReport report = mirror.run(new ProgressPrinter(out, System.console() != null, Duration.ofSeconds(5)));
            return report.complete() ? VouchCommand.EXIT_OK : VouchCommand.EXIT_CHECK_FAILED;
        } catch (MirrorException e) {
            err.println("mirror failed: " + e.getMessage().replace('\n', ' '));
            err.flush();
            return VouchCommand.EXIT_CHECK_FAILED;
        }
    }

    private PublicKey readKey(Path file) {
        try {
            return PublicKeys.fromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --upstream-key " + file + ": " + reason(e));
        } catch (VerificationException e) {
            throw new IllegalArgumentException("--upstream-key " + file + ": " + e.getMessage());
        }
    }

    /** Why a file could not be read, in words rather than an exception's name. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : "unreadable";
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** {@code vouch mirror rejected}: what local policy refused to mirror, and why. */
    @Command(
            name = "rejected",
            mixinStandardHelpOptions = true,
            description = "List the upstream versions local policy rejected, with every failed check.")
    static final class Rejected implements Callable<Integer> {

        @Mixin
        DataDirOption data;

        @Option(
                names = "--limit",
                defaultValue = "1000",
                paramLabel = "N",
                description = "At most this many, oldest first (default: ${DEFAULT-VALUE}).")
        int limit;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (limit < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be positive");
            }
            try (Registry registry = data.openExistingRegistry(spec.commandLine())) {
                List<MirrorEntry> rejected = registry.curation().mirrorRejected(limit);
                PrintWriter out = spec.commandLine().getOut();
                for (MirrorEntry entry : rejected) {
                    out.printf(
                            "%s@%s from %s (upstream %s): %s%n",
                            entry.serverName(),
                            entry.version(),
                            entry.upstream(),
                            entry.upstreamStatus(),
                            entry.reasons().orElse("[]"));
                }
                out.printf("%d rejected%n", rejected.size());
                return VouchCommand.EXIT_OK;
            }
        }
    }
}
