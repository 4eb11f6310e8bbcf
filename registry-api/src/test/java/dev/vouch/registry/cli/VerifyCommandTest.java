package dev.vouch.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code vouch verify} over the real sigstore-java vectors, with their trusted root or the shipped one. */
class VerifyCommandTest {

    static String vector(String path) {
        try {
            return Path.of(VerifyCommandTest.class.getResource("/sigstore/" + path).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static VouchCommandTest.Run verify(String... extra) {
        String[] base = {"verify", "--bundle", vector("bundle.v3.sigstore"), "--certificate-oidc-issuer",
                "https://accounts.google.com"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return VouchCommandTest.run(args);
    }

    @Test
    void verifiedBundleOverAFileExitsZero() {
        VouchCommandTest.Run run = verify("--certificate-identity", "appu@google.com", "--trusted-root",
                vector("trusted_root.json"), vector("artifact.txt"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("signed by appu@google.com");
    }

    @Test
    void digestArgumentAndTheShippedPublicGoodRootWork() {
        VouchCommandTest.Run run = verify("--certificate-identity-regexp", ".*@google\\.com",
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
    void managedKeyBundleVerifiesWithKeyAndFailsWithAnother(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        dev.vouch.provenance.fixtures.FakeSigstore sigstore = new dev.vouch.provenance.fixtures.FakeSigstore();
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("Ed25519");
        java.security.KeyPair keys = generator.generateKeyPair();
        byte[] artifact = "release.tgz".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path root = java.nio.file.Files.writeString(dir.resolve("root.json"), sigstore.trustedRootJson());
        Path bundle = java.nio.file.Files.writeString(dir.resolve("bundle.json"),
                sigstore.managedKeyBundle(artifact, keys, "Ed25519", dev.vouch.provenance.fixtures.FakeSigstore.Mutation.NONE));
        Path file = java.nio.file.Files.write(dir.resolve("release.tgz"), artifact);
        Path key = java.nio.file.Files.writeString(dir.resolve("key.pub"), pem(keys.getPublic()));
        Path otherKey = java.nio.file.Files.writeString(dir.resolve("other.pub"), pem(generator.generateKeyPair().getPublic()));

        VouchCommandTest.Run verified = VouchCommandTest.run("verify", "--bundle", bundle.toString(), "--key", key.toString(),
                "--trusted-root", root.toString(), file.toString());
        VouchCommandTest.Run refused = VouchCommandTest.run("verify", "--bundle", bundle.toString(), "--key",
                otherKey.toString(), "--trusted-root", root.toString(), file.toString());

        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("signed by key sha256:");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("not verified: signature:");
    }

    static String pem(java.security.PublicKey key) throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        try (org.bouncycastle.openssl.jcajce.JcaPEMWriter writer = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(out)) {
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
}
