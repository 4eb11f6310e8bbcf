package dev.vouch.registry.cli;

import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.keys.PublicKeys;
import dev.vouch.registry.snapshot.CatalogSnapshot;
import dev.vouch.registry.snapshot.RegistryCrossCheck;
import dev.vouch.registry.snapshot.SignedSnapshot;
import dev.vouch.registry.snapshot.SnapshotException;
import dev.vouch.registry.snapshot.SnapshotState;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vouch snapshot}: signed catalog snapshots, from the client's side. */
@Command(
        name = "snapshot",
        mixinStandardHelpOptions = true,
        description = "Verify a registry's signed catalog snapshot.",
        subcommands = SnapshotCommand.Verify.class)
final class SnapshotCommand {

    /**
     * {@code vouch snapshot verify --key KEY [--registry URL | FILE]}: the signature, the serial against the
     * last one seen, and with {@code --registry} every served version against the snapshot. Exit 0 verified,
     * 1 not verified (each reason on stderr), 2 usage or unreadable input.
     */
    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Check a catalog snapshot's signature and serial; with --registry, also that the registry "
                    + "serves exactly what it lists.")
    static final class Verify implements Callable<Integer> {

        @Option(
                names = "--key",
                required = true,
                paramLabel = "KEY",
                description = "The registry's public key (PEM), as served at /.well-known/vouch-registry-key.")
        Path key;

        @Option(
                names = "--registry",
                paramLabel = "URL",
                description = "Fetch the snapshot from this registry and re-check every version it serves.")
        URI registry;

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "A snapshot envelope saved from /v0.1/snapshot.")
        Path file;

        @Option(
                names = "--state",
                paramLabel = "FILE",
                description = "Where the highest serial seen per key is kept (default: ~/.vouch/snapshot-state.json).")
        Path state;

        @Option(
                names = "--timeout",
                defaultValue = "60",
                paramLabel = "SECONDS",
                description = "Request timeout with --registry (default: ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if ((registry == null) == (file == null)) {
                throw usage("give either --registry URL or a snapshot FILE");
            }
            if (timeoutSeconds < 1) {
                throw usage("--timeout must be positive");
            }
            PublicKey publicKey = publicKey();
            RegistryCrossCheck crossCheck =
                    registry == null ? null : new RegistryCrossCheck(registry, Duration.ofSeconds(timeoutSeconds));
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                byte[] envelope = crossCheck != null ? crossCheck.snapshot() : Files.readAllBytes(file);
                CatalogSnapshot snapshot = SignedSnapshot.verify(envelope, publicKey);
                new SnapshotState(state != null ? state : SnapshotState.defaultFile())
                        .accept(PublicKeys.fingerprint(publicKey), snapshot);
                out.printf(
                        "verified: snapshot serial %d issued %s by key %s, %d versions%n",
                        snapshot.serial(),
                        snapshot.issuedAt(),
                        PublicKeys.fingerprint(publicKey),
                        snapshot.versions().size());
                if (crossCheck == null) {
                    return VouchCommand.EXIT_OK;
                }
                List<String> differences = crossCheck.differences(snapshot);
                if (differences.isEmpty()) {
                    out.printf(
                            "%s serves exactly the snapshot's %d versions%n",
                            registry, snapshot.versions().size());
                    return VouchCommand.EXIT_OK;
                }
                differences.forEach(difference -> err.println("not verified: " + difference));
                return VouchCommand.EXIT_CHECK_FAILED;
            } catch (SnapshotException e) {
                err.println("not verified: " + e.getMessage());
                return VouchCommand.EXIT_CHECK_FAILED;
            } catch (IOException e) {
                throw usage("cannot read " + file + ": " + e.getClass().getSimpleName());
            } catch (RegistryCrossCheck.UnreachableRegistryException | SnapshotState.StateFileException e) {
                throw usage(e.getMessage());
            }
        }

        private PublicKey publicKey() {
            try {
                return PublicKeys.fromPem(Files.readString(key, StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw usage("cannot read --key " + key + ": " + e.getClass().getSimpleName());
            } catch (VerificationException e) {
                throw usage("--key " + key + ": " + e.getMessage());
            }
        }

        private CommandLine.ParameterException usage(String message) {
            return new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }
}
