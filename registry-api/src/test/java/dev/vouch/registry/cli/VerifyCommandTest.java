package dev.vouch.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code vouch verify} over the real sigstore-java vectors, with their trusted root or the shipped one. */
class VerifyCommandTest {

    static String vector(String path) {
        try {
            return Path.of(VerifyCommandTest.class
                            .getResource("/sigstore/" + path)
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static VouchCommandTest.Run verify(String... extra) {
        String[] base = {
            "verify",
            "--bundle",
            vector("bundle.v3.sigstore"),
            "--certificate-oidc-issuer",
            "https://accounts.google.com"
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return VouchCommandTest.run(args);
    }

    @Test
    void verifiedBundleOverAFileExitsZero() {
        VouchCommandTest.Run run = verify(
                "--certificate-identity",
                "appu@google.com",
                "--trusted-root",
                vector("trusted_root.json"),
                vector("artifact.txt"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("signed by appu@google.com");
    }

    @Test
    void digestArgumentAndTheShippedPublicGoodRootWork() {
        VouchCommandTest.Run run = verify(
                "--certificate-identity-regexp",
                ".*@google\\.com",
                "sha256:a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf");

        assertThat(run.exitCode()).isZero();
    }

    @Test
    void wrongIdentityExitsOneWithTheFailedCheck() {
        VouchCommandTest.Run run = verify("--certificate-identity", "mallory@example.com", vector("artifact.txt"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("not verified: identity:");
    }

    @Test
    void otherArtifactExitsOne() {
        VouchCommandTest.Run run = verify("--certificate-identity", "appu@google.com", "sha256:" + "1".repeat(64));

        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void managedKeyBundleVerifiesWithKeyAndFailsWithAnother(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        dev.vouch.provenance.fixtures.FakeSigstore sigstore = new dev.vouch.provenance.fixtures.FakeSigstore();
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("Ed25519");
        java.security.KeyPair keys = generator.generateKeyPair();
        byte[] artifact = "release.tgz".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path root = java.nio.file.Files.writeString(dir.resolve("root.json"), sigstore.trustedRootJson());
        Path bundle = java.nio.file.Files.writeString(
                dir.resolve("bundle.json"),
                sigstore.managedKeyBundle(
                        artifact, keys, "Ed25519", dev.vouch.provenance.fixtures.FakeSigstore.Mutation.NONE));
        Path file = java.nio.file.Files.write(dir.resolve("release.tgz"), artifact);
        Path key = java.nio.file.Files.writeString(dir.resolve("key.pub"), pem(keys.getPublic()));
        Path otherKey = java.nio.file.Files.writeString(
                dir.resolve("other.pub"), pem(generator.generateKeyPair().getPublic()));

        VouchCommandTest.Run verified = VouchCommandTest.run(
                "verify",
                "--bundle",
                bundle.toString(),
                "--key",
                key.toString(),
                "--trusted-root",
                root.toString(),
                file.toString());
        VouchCommandTest.Run refused = VouchCommandTest.run(
                "verify",
                "--bundle",
                bundle.toString(),
                "--key",
                otherKey.toString(),
                "--trusted-root",
                root.toString(),
                file.toString());

        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("signed by key sha256:");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("not verified: signature:");
    }

    static String pem(java.security.PublicKey key) throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        try (org.bouncycastle.openssl.jcajce.JcaPEMWriter writer =
                new org.bouncycastle.openssl.jcajce.JcaPEMWriter(out)) {
            writer.writeObject(key);
        }
        return out.toString();
    }

    @Test
    void missingIdentityOrUnreadableInputIsAUsageErrorOnOneLine() {
        VouchCommandTest.Run noIdentity = verify(vector("artifact.txt"));
        VouchCommandTest.Run badDigest = verify("--certificate-identity", "appu@google.com", "sha256:xyz");
        VouchCommandTest.Run noFile = verify("--certificate-identity", "appu@google.com", "/no/such/file");

        for (VouchCommandTest.Run run : new VouchCommandTest.Run[] {noIdentity, badDigest, noFile}) {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip().lines()).hasSize(1);
        }
    }

    /** The three sigstore-conformance kinds issue 14 named, through the command the conformance suite runs. */
    @Test
    void dsseLoggedAsIntotoOrRekorV2HashedRekordVerifiesAndARootWithoutValidityStartIsRefused(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        var sigstore = new dev.vouch.provenance.fixtures.FakeSigstore();
        var signer = dev.vouch.provenance.fixtures.FakeSigstore.Signer.githubWorkflow("acme/weather");
        byte[] artifact = "release.tgz".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] statement = dev.vouch.provenance.fixtures.FakeSigstore.statement(
                artifact, "https://slsa.dev/provenance/v1", java.util.Map.of());
        Path file = java.nio.file.Files.write(dir.resolve("release.tgz"), artifact);
        Path root = java.nio.file.Files.writeString(dir.resolve("root.json"), sigstore.trustedRootJson());
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var startless = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(sigstore.trustedRootJson());
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        startless.path("tlogs").get(0).path("publicKey").path("validFor"))
                .remove("start");
        Path startlessRoot = java.nio.file.Files.writeString(dir.resolve("startless.json"), startless.toString());

        for (var kind : dev.vouch.provenance.fixtures.FakeSigstore.DsseLogEntry.values()) {
            Path bundle = java.nio.file.Files.writeString(
                    dir.resolve(kind + ".json"),
                    sigstore.dsseBundle(
                            statement, signer, kind, dev.vouch.provenance.fixtures.FakeSigstore.EntryMismatch.NONE));
            Path forged = java.nio.file.Files.writeString(
                    dir.resolve(kind + "-forged.json"),
                    sigstore.dsseBundle(
                            statement,
                            signer,
                            kind,
                            dev.vouch.provenance.fixtures.FakeSigstore.EntryMismatch.SIGNATURE));
            String[] common = {
                "--certificate-identity",
                signer.subject(),
                "--certificate-oidc-issuer",
                signer.issuer(),
                file.toString()
            };

            VouchCommandTest.Run verified = VouchCommandTest.run(concat(
                    new String[] {"verify", "--bundle", bundle.toString(), "--trusted-root", root.toString()}, common));
            VouchCommandTest.Run mismatched = VouchCommandTest.run(concat(
                    new String[] {"verify", "--bundle", forged.toString(), "--trusted-root", root.toString()}, common));
            VouchCommandTest.Run startlessRun = VouchCommandTest.run(concat(
                    new String[] {"verify", "--bundle", bundle.toString(), "--trusted-root", startlessRoot.toString()},
                    common));

            assertThat(verified.exitCode()).as(kind + ": " + verified.err()).isZero();
            assertThat(mismatched.exitCode()).as(kind.name()).isEqualTo(1);
            assertThat(mismatched.err()).contains("log entry is for another DSSE signature");
            assertThat(startlessRun.exitCode()).as(kind.name()).isNotZero();
            assertThat(startlessRun.err()).contains("tlogs[0].publicKey.validFor has no start");
        }
    }

    @Test
    void managedKeyDsseBundleLoggedAsIntotoVerifiesWithItsKeyAndNotAnother(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        var sigstore = new dev.vouch.provenance.fixtures.FakeSigstore();
        java.security.KeyPair keys = dev.vouch.provenance.fixtures.FakeSigstore.ecKeys();
        byte[] artifact = "release.tgz".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path file = java.nio.file.Files.write(dir.resolve("release.tgz"), artifact);
        Path root = java.nio.file.Files.writeString(dir.resolve("root.json"), sigstore.trustedRootJson());
        Path bundle = java.nio.file.Files.writeString(
                dir.resolve("bundle.json"),
                sigstore.managedKeyDsseBundle(
                        dev.vouch.provenance.fixtures.FakeSigstore.statement(
                                artifact, "https://example.com/test", java.util.Map.of()),
                        keys,
                        dev.vouch.provenance.fixtures.FakeSigstore.DsseLogEntry.INTOTO,
                        dev.vouch.provenance.fixtures.FakeSigstore.EntryMismatch.NONE));
        Path key = java.nio.file.Files.writeString(dir.resolve("key.pub"), pem(keys.getPublic()));
        Path other = java.nio.file.Files.writeString(
                dir.resolve("other.pub"),
                pem(dev.vouch.provenance.fixtures.FakeSigstore.ecKeys().getPublic()));

        VouchCommandTest.Run verified = VouchCommandTest.run(
                "verify",
                "--bundle",
                bundle.toString(),
                "--key",
                key.toString(),
                "--trusted-root",
                root.toString(),
                file.toString());
        VouchCommandTest.Run refused = VouchCommandTest.run(
                "verify",
                "--bundle",
                bundle.toString(),
                "--key",
                other.toString(),
                "--trusted-root",
                root.toString(),
                file.toString());

        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(refused.exitCode()).isEqualTo(1);
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
