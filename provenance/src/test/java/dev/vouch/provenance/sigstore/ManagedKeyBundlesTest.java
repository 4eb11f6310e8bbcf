package dev.vouch.provenance.sigstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.provenance.Check;
import dev.vouch.provenance.Digest;
import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.fixtures.FakeSigstore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Managed-key bundles, which sigstore-java 2.0.0 refuses: signature by JCA, log entry by its Rekor verifier. */
class ManagedKeyBundlesTest {

    static final byte[] ARTIFACT = "release.tgz".getBytes(StandardCharsets.UTF_8);
    static FakeSigstore sigstore;
    static SigstoreVerifier verifier;
    static KeyPair keys;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        sigstore = new FakeSigstore();
        verifier = sigstore.verifier(dir);
        keys = FakeSigstore.ecKeys();
    }

    static byte[] bundle(FakeSigstore.Mutation mutation) {
        return sigstore.managedKeyBundle(ARTIFACT, keys, "SHA256withECDSA", mutation)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void managedKeyBundleVerifiesWithItsKey() throws Exception {
        KeyedEvidence evidence = verifier.verifyWithKey(bundle(FakeSigstore.Mutation.NONE), keys.getPublic(), ARTIFACT);

        assertThat(evidence.loggedAt()).contains(FakeSigstore.CLOCK);
        assertThat(evidence.keyFingerprint()).startsWith("sha256:");
    }

    @Test
    void managedKeyBundleVerifiesOverTheArtifactDigestAlone() throws Exception {
        Digest digest = Digest.of(
                "sha256", java.security.MessageDigest.getInstance("SHA-256").digest(ARTIFACT));

        KeyedEvidence evidence = verifier.verifyWithKey(bundle(FakeSigstore.Mutation.NONE), keys.getPublic(), digest);

        assertThat(evidence.artifact()).isEqualTo(digest);
        assertThat(evidence.loggedAt()).contains(FakeSigstore.CLOCK);
        assertThatThrownBy(
                        () -> verifier.verifyWithKey(bundle(FakeSigstore.Mutation.SIGNATURE), keys.getPublic(), digest))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SIGNATURE));
    }

    @Test
    void anotherKeyOrArtifactIsRejected() throws Exception {
        KeyPair other = FakeSigstore.ecKeys();

        assertThatThrownBy(
                        () -> verifier.verifyWithKey(bundle(FakeSigstore.Mutation.NONE), other.getPublic(), ARTIFACT))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SIGNATURE));
        assertThatThrownBy(() -> verifier.verifyWithKey(
                        bundle(FakeSigstore.Mutation.NONE), keys.getPublic(), "other".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SUBJECT_DIGEST));
    }

    @Test
    void tamperedLogEvidenceIsRejected() {
        for (FakeSigstore.Mutation mutation : new FakeSigstore.Mutation[] {
            FakeSigstore.Mutation.SET, FakeSigstore.Mutation.CHECKPOINT_SIGNATURE, FakeSigstore.Mutation.INCLUSION_PROOF
        }) {
            assertThatThrownBy(() -> verifier.verifyWithKey(bundle(mutation), keys.getPublic(), ARTIFACT))
                    .as(mutation.name())
                    .isInstanceOfSatisfying(
                            VerificationException.class,
                            e -> assertThat(e.check()).isEqualTo(Check.SIGSTORE));
        }
    }

    @Test
    void keylessBundlesAreNotManagedKeyBundles() {
        byte[] keyless = sigstore.blobBundle(
                        ARTIFACT, FakeSigstore.Signer.githubWorkflow("acme/x"), FakeSigstore.Mutation.NONE)
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> verifier.verifyWithKey(keyless, keys.getPublic(), ARTIFACT))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.BUNDLE_FORMAT));
    }
}
