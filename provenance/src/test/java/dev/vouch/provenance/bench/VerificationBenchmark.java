package dev.vouch.provenance.bench;

import dev.sigstore.bundle.Bundle;
import dev.vouch.provenance.Digest;
import dev.vouch.provenance.intoto.Statement;
import dev.vouch.provenance.sigstore.IdentityPolicy;
import dev.vouch.provenance.sigstore.SigstoreVerifier;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Verifications per second on one thread (not a test; it asserts nothing): a keyless message-signature
 * bundle and a keyless DSSE SLSA attestation, both real public-good bundles, verified offline with the
 * full chain, SCT, log and identity checks. Bundles are parsed once; each iteration verifies.
 *
 * <pre>mvn -B -q -pl provenance exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.vouch.provenance.bench.VerificationBenchmark</pre>
 */
public final class VerificationBenchmark {

    private VerificationBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path samples = Path.of("provenance/src/test/resources/sigstore/sigstore-java");
        if (!Files.isDirectory(samples)) {
            samples = Path.of("src/test/resources/sigstore/sigstore-java");
        }
        SigstoreVerifier verifier = SigstoreVerifier.withTrustedRoot(samples.resolve("trustroot/trusted_root.json"));
        Bundle blob = read(samples.resolve("samples/bundles/bundle.v3.sigstore"));
        Digest artifact = Digest.parse("sha256:a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf");
        IdentityPolicy appu = IdentityPolicy.exact("https://accounts.google.com", "appu@google.com");
        Bundle dsse = read(samples.resolve("samples/bundles/bundle.dsse.sigstore"));
        Digest subject =
                Statement.parse(dsse.getDsseEnvelope().orElseThrow().getPayload()).subjects().get(0).digests().stream()
                        .filter(d -> d.algorithm().equals("sha256"))
                        .findFirst()
                        .orElseThrow();
        IdentityPolicy workflow = IdentityPolicy.matching(
                "https://token.actions.githubusercontent.com", "https://github\\.com/loosebazooka/aa-test/.*");

        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        report("keyless blob bundle (v0.3)", seconds, () -> verifier.verifyDigest(artifact, blob, appu));
        report("keyless DSSE SLSA attestation", seconds, () -> verifier.verifyDigest(subject, dsse, workflow));
    }

    interface Verification {
        void run() throws Exception;
    }

    private static void report(String name, int seconds, Verification verification) throws Exception {
        long warmUntil = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            verification.run();
        }
        long count = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            verification.run();
            count++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%-32s %8.0f verifications/s (one thread, %d in %.1f s)%n", name, count / elapsed, count, elapsed);
    }

    private static Bundle read(Path path) throws Exception {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return SigstoreVerifier.readBundle(reader);
        }
    }
}
