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
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cosign's detached signatures and attestations (legacy .sig/.att tags, publish envelopes), verified offline. */
class CosignSignaturesTest {

    static final String IMAGE = "ghcr.io/acme/weather";
    static final byte[] IMAGE_MANIFEST = "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8);
    static final FakeSigstore.Signer SIGNER = FakeSigstore.Signer.githubWorkflow("acme/weather");
    static final IdentityPolicy ACME =
            IdentityPolicy.matching(FakeSigstore.GITHUB_ISSUER, "https://github\\.com/acme/.*");

    static FakeSigstore sigstore;
    static SigstoreVerifier verifier;
    static KeyPair keys;
    static Digest digest;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        sigstore = new FakeSigstore();
        verifier = sigstore.verifier(dir);
        keys = FakeSigstore.ecKeys();
        digest = Digest.of("sha256", MessageDigest.getInstance("SHA-256").digest(IMAGE_MANIFEST));
    }

    static DetachedSignature imageSignature(String namedDigest, FakeSigstore.Mutation mutation) {
        return sigstore.cosignSignature(FakeSigstore.simpleSigningPayload(IMAGE, namedDigest), true, SIGNER, mutation);
    }

    @Test
    void keylessImageSignatureNamesItsSignerAndLogTime() throws Exception {
        KeylessEvidence evidence =
                verifier.verifyDetached(imageSignature(digest.toString(), FakeSigstore.Mutation.NONE), digest, ACME);

        assertThat(evidence.signer().subject()).startsWith("https://github.com/acme/weather/");
        assertThat(evidence.signer().sourceRepository()).contains("https://github.com/acme/weather");
        assertThat(evidence.loggedAt()).contains(FakeSigstore.CLOCK);
    }

    @Test
    void keylessSignatureOverTheArtifactItselfVerifiesByDigest() throws Exception {
        DetachedSignature blob = sigstore.cosignSignature(IMAGE_MANIFEST, false, SIGNER, FakeSigstore.Mutation.NONE);

        assertThat(verifier.verifyDetached(blob, digest, ACME).signer().issuer())
                .isEqualTo(FakeSigstore.GITHUB_ISSUER);
    }

    @Test
    void payloadNamingAnotherImageDoesNotCount() {
        String other = "sha256:" + "ab".repeat(32);

        assertThatThrownBy(
                        () -> verifier.verifyDetached(imageSignature(other, FakeSigstore.Mutation.NONE), digest, ACME))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SUBJECT_DIGEST));
    }

    @Test
    void everyTamperingIsRejectedNamingItsCheck() {
        Map<FakeSigstore.Mutation, Check> expected = Map.of(
                FakeSigstore.Mutation.SIGNATURE, Check.SIGNATURE,
                FakeSigstore.Mutation.SET, Check.SIGSTORE,
                FakeSigstore.Mutation.SCT, Check.SIGSTORE,
                FakeSigstore.Mutation.EXPIRED_CERTIFICATE, Check.CERTIFICATE_VALIDITY);
        expected.forEach((mutation, check) -> assertThatThrownBy(
                        () -> verifier.verifyDetached(imageSignature(digest.toString(), mutation), digest, ACME))
                .as(mutation.name())
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(check)));
    }

    @Test
    void anotherSignerIsRejectedByTheIdentityPolicy() {
        IdentityPolicy other = IdentityPolicy.exact(FakeSigstore.GITHUB_ISSUER, "https://github.com/evil/x");

        assertThatThrownBy(() -> verifier.verifyDetached(
                        imageSignature(digest.toString(), FakeSigstore.Mutation.NONE), digest, other))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.IDENTITY));
    }

    @Test
    void keylessSignatureWithoutItsLogEntryIsRejected() {
        DetachedSignature full = imageSignature(digest.toString(), FakeSigstore.Mutation.NONE);
        DetachedSignature unlogged = new DetachedSignature(
                full.payload(), full.signature(), full.certificatePem(), full.chainPem(), Optional.empty());

        assertThatThrownBy(() -> verifier.verifyDetached(unlogged, digest, ACME))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SIGSTORE));
    }

    @Test
    void logEntryForAnotherSignatureIsRejected() {
        DetachedSignature first = imageSignature(digest.toString(), FakeSigstore.Mutation.NONE);
        DetachedSignature second = imageSignature(digest.toString(), FakeSigstore.Mutation.NONE);
        DetachedSignature mixed = new DetachedSignature(
                first.payload(), first.signature(), first.certificatePem(), first.chainPem(), second.rekorBundleJson());

        assertThatThrownBy(() -> verifier.verifyDetached(mixed, digest, ACME))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SIGSTORE));
    }

    @Test
    void keyedSignatureVerifiesWithOrWithoutALogEntry() throws Exception {
        byte[] payload = FakeSigstore.simpleSigningPayload(IMAGE, digest.toString());

        KeyedEvidence logged = verifier.verifyDetached(
                sigstore.keyedCosignSignature(payload, true, keys, true), digest, keys.getPublic());
        KeyedEvidence unlogged = verifier.verifyDetached(
                sigstore.keyedCosignSignature(IMAGE_MANIFEST, false, keys, false), digest, keys.getPublic());

        assertThat(logged.loggedAt()).contains(FakeSigstore.CLOCK);
        assertThat(unlogged.loggedAt()).isEmpty();
        assertThat(unlogged.keyFingerprint()).isEqualTo(logged.keyFingerprint()).startsWith("sha256:");
    }

    @Test
    void keyedSignatureByAnotherKeyIsRejected() throws Exception {
        KeyPair other = FakeSigstore.ecKeys();
        DetachedSignature signature = sigstore.keyedCosignSignature(IMAGE_MANIFEST, false, keys, true);

        assertThatThrownBy(() -> verifier.verifyDetached(signature, digest, other.getPublic()))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SIGNATURE));
    }

    @Test
    void keylessAttestationYieldsItsStatement() throws Exception {
        byte[] statement = FakeSigstore.statement(IMAGE_MANIFEST, "https://example.com/review/v1", Map.of());

        KeylessEvidence evidence = verifier.verifyDetached(
                sigstore.cosignAttestation(statement, SIGNER, FakeSigstore.Mutation.NONE), digest, ACME);

        assertThat(evidence.statement())
                .hasValueSatisfying(s -> assertThat(s.predicateType()).isEqualTo("https://example.com/review/v1"));
    }

    @Test
    void attestationAboutAnotherArtifactOrTamperedIsRejected() {
        byte[] elsewhere =
                FakeSigstore.statement("other".getBytes(StandardCharsets.UTF_8), "https://example.com/p", Map.of());
        byte[] statement = FakeSigstore.statement(IMAGE_MANIFEST, "https://example.com/p", Map.of());

        assertThatThrownBy(() -> verifier.verifyDetached(
                        sigstore.cosignAttestation(elsewhere, SIGNER, FakeSigstore.Mutation.NONE), digest, ACME))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SUBJECT_DIGEST));
        assertThatThrownBy(() -> verifier.verifyDetached(
                        sigstore.cosignAttestation(statement, SIGNER, FakeSigstore.Mutation.SIGNATURE), digest, ACME))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SIGNATURE));
        assertThatThrownBy(() -> verifier.verifyDetached(
                        sigstore.cosignAttestation(statement, SIGNER, FakeSigstore.Mutation.SET), digest, ACME))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SIGSTORE));
    }

    @Test
    void keyedAttestationVerifiesWithItsKey() throws Exception {
        byte[] statement = FakeSigstore.statement(IMAGE_MANIFEST, "https://example.com/p", Map.of());

        KeyedEvidence evidence =
                verifier.verifyDetached(sigstore.keyedCosignAttestation(statement, keys), digest, keys.getPublic());

        assertThat(evidence.statement()).isPresent();
        assertThat(evidence.loggedAt()).contains(FakeSigstore.CLOCK);
    }
}
