package dev.vouch.registry.cli;

import dev.vouch.provenance.Digest;
import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.keys.PublicKeys;
import dev.vouch.provenance.sigstore.IdentityPolicy;
import dev.vouch.provenance.sigstore.KeyedEvidence;
import dev.vouch.provenance.sigstore.KeylessEvidence;
import dev.vouch.provenance.sigstore.SigstoreVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vouch verify}: a Sigstore bundle over a file or a {@code sha256:} digest, offline, following
 * the sigstore-conformance client's argument contract; with {@code --key}, a managed-key bundle. Exit 0 verified, 1 not verified (the failed
 * check on stderr), 2 usage or unreadable input.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Verify a keyless Sigstore bundle offline against a trusted root and an identity policy.")
final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--bundle", required = true, paramLabel = "FILE", description = "The Sigstore bundle (JSON).")
    Path bundleFile;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Subject subject;

    static final class Subject {
        @Option(
                names = "--certificate-identity",
                paramLabel = "ID",
                description = "The signer's identity exactly: an email or a workflow URI.")
        String exact;

        @Option(
                names = "--certificate-identity-regexp",
                paramLabel = "REGEX",
                description = "A regular expression the signer's identity must match whole.")
        String regex;
    }

    @Option(
            names = "--certificate-oidc-issuer",
            paramLabel = "URL",
            description = "The OIDC issuer exactly, e.g. https://token.actions.githubusercontent.com.")
    String issuer;

    @Option(
            names = "--key",
            paramLabel = "FILE",
            description = "A PEM public key: verify a managed-key bundle, whose signer is the key (no identity).")
    Path key;

    @Option(
            names = "--trusted-root",
            paramLabel = "FILE",
            description = "A trusted_root.json; default: the Sigstore public-good root shipped with Vouch.")
    Path trustedRoot;

    @Parameters(paramLabel = "FILE_OR_sha256:HEX", description = "The artifact, or its SHA-256 digest.")
    String artifact;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (key != null) {
            return verifyWithKey();
        }
        IdentityPolicy policy;
        try {
            if (subject == null || issuer == null) {
                throw new IllegalArgumentException("--certificate-identity (or -regexp) and --certificate-oidc-issuer "
                        + "are required without --key");
            }
            policy = subject.exact != null
                    ? IdentityPolicy.exact(issuer, subject.exact)
                    : IdentityPolicy.matching(issuer, subject.regex);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        byte[] bundleJson;
        SigstoreVerifier verifier;
        try {
            bundleJson = Files.readAllBytes(bundleFile);
            verifier = trustedRoot == null
                    ? SigstoreVerifier.withPublicGoodRoot()
                    : SigstoreVerifier.withTrustedRoot(trustedRoot);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "cannot read " + bundleFile + ": " + e.getClass().getSimpleName());
        } catch (VerificationException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            KeylessEvidence evidence = artifact.startsWith("sha256:")
                    ? verifier.verifyDigest(parseDigest(artifact), bundleJson, policy)
                    : verifier.verifyFile(readableFile(artifact), bundleJson, policy);
            out.printf(
                    "verified: signed by %s (issuer %s)%s%s%n",
                    evidence.signer().subject(),
                    evidence.signer().issuer(),
                    evidence.loggedAt().map(at -> ", logged " + at).orElse(""),
                    evidence.signer()
                            .sourceRepository()
                            .map(repo -> ", source " + repo
                                    + evidence.signer()
                                            .commit()
                                            .map(c -> "@" + c)
                                            .orElse(""))
                            .orElse(""));
            evidence.statement().ifPresent(s -> out.println("statement: " + s.predicateType()));
            return VouchCommand.EXIT_OK;
        } catch (VerificationException e) {
            spec.commandLine().getErr().println("not verified: " + e.getMessage());
            return VouchCommand.EXIT_CHECK_FAILED;
        }
    }

    /** A managed-key bundle: the key is the signer, so no identity policy applies. */
    private int verifyWithKey() {
        if (artifact.startsWith("sha256:")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--key needs the artifact file, not its digest");
        }
        byte[] bundleJson;
        byte[] content;
        PublicKey publicKey;
        SigstoreVerifier verifier;
        try {
            bundleJson = Files.readAllBytes(bundleFile);
            content = Files.readAllBytes(readableFile(artifact));
            publicKey = PublicKeys.fromPem(Files.readString(key, StandardCharsets.UTF_8));
            verifier = trustedRoot == null
                    ? SigstoreVerifier.withPublicGoodRoot()
                    : SigstoreVerifier.withTrustedRoot(trustedRoot);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "cannot read input: " + e.getClass().getSimpleName());
        } catch (VerificationException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            KeyedEvidence evidence = verifier.verifyWithKey(bundleJson, publicKey, content);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "verified: signed by key %s, logged %s%n",
                            evidence.keyFingerprint(),
                            evidence.loggedAt().map(Object::toString).orElse("(the entry records no time)"));
            return VouchCommand.EXIT_OK;
        } catch (VerificationException e) {
            spec.commandLine().getErr().println("not verified: " + e.getMessage());
            return VouchCommand.EXIT_CHECK_FAILED;
        }
    }

    private Digest parseDigest(String text) {
        try {
            return Digest.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Path readableFile(String text) {
        Path path = Path.of(text);
        if (!Files.isReadable(path)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read artifact " + text);
        }
        return path;
    }
}
