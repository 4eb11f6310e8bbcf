package dev.vouch.provenance.sigstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.provenance.Check;
import dev.vouch.provenance.Digest;
import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.fixtures.FakeSigstore;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundles from the fake Sigstore: valid ones verify; each mutation is rejected with its own reason. */
class SyntheticBundlesTest {

    static final byte[] ARTIFACT = "weather-server-1.0.0.tgz contents".getBytes(StandardCharsets.UTF_8);
    static final FakeSigstore.Signer SIGNER = FakeSigstore.Signer.githubWorkflow("acme/weather");
    static final IdentityPolicy POLICY = IdentityPolicy.exact(FakeSigstore.GITHUB_ISSUER, SIGNER.subject());

    static FakeSigstore sigstore;
    static SigstoreVerifier verifier;
    static Digest digest;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        sigstore = new FakeSigstore();
        verifier = sigstore.verifier(dir);
        digest = Digest.of("sha256", MessageDigest.getInstance("SHA-256").digest(ARTIFACT));
    }

    static KeylessEvidence verifyBlob(FakeSigstore.Mutation mutation) throws Exception {
        return verifier.verifyDigest(
                digest,
                SigstoreVerifier.readBundle(new StringReader(sigstore.blobBundle(ARTIFACT, SIGNER, mutation))),
                POLICY);
    }

    @Test
    void validBlobBundleVerifiesWithTheWorkflowIdentity() throws Exception {
        KeylessEvidence evidence = verifyBlob(FakeSigstore.Mutation.NONE);

        assertThat(evidence.signer().sourceRepository()).contains("https://github.com/acme/weather");
        assertThat(evidence.signer().commit()).contains(SIGNER.commit());
        assertThat(evidence.loggedAt()).contains(FakeSigstore.CLOCK);
    }

    static void assertRejected(FakeSigstore.Mutation mutation, Check check, String reason) {
        assertThatThrownBy(() -> verifyBlob(mutation))
                .as(mutation.name())
                .isInstanceOfSatisfying(VerificationException.class, e -> {
                    assertThat(e.check()).isEqualTo(check);
                    assertThat(e.getMessage()).containsIgnoringCase(reason);
                });
    }

    @Test
    void tamperedSignatureIsRejected() {
        assertRejected(FakeSigstore.Mutation.SIGNATURE, Check.SIGSTORE, "signature");
    }

    @Test
    void tamperedSignedEntryTimestampIsRejected() {
        assertRejected(FakeSigstore.Mutation.SET, Check.SIGSTORE, "transparency log");
    }

    @Test
    void tamperedCheckpointIsRejected() {
        assertRejected(FakeSigstore.Mutation.CHECKPOINT_SIGNATURE, Check.SIGSTORE, "transparency log");
    }

    @Test
    void tamperedInclusionProofIsRejected() {
        assertRejected(FakeSigstore.Mutation.INCLUSION_PROOF, Check.SIGSTORE, "transparency log");
    }

    @Test
    void sctFromAnUntrustedLogIsRejected() {
        assertRejected(FakeSigstore.Mutation.SCT, Check.SIGSTORE, "SCT");
    }

    @Test
    void signatureLoggedAfterTheCertificateExpiredIsRejected() {
        assertRejected(FakeSigstore.Mutation.EXPIRED_CERTIFICATE, Check.CERTIFICATE_VALIDITY, "outside");
    }

    @Test
    void tamperedArtifactIsRejected() throws Exception {
        Digest other = Digest.of(
                "sha256", MessageDigest.getInstance("SHA-256").digest("other".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> verifier.verifyDigest(
                        other,
                        SigstoreVerifier.readBundle(
                                new StringReader(sigstore.blobBundle(ARTIFACT, SIGNER, FakeSigstore.Mutation.NONE))),
                        POLICY))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SIGSTORE));
    }

    @Test
    void wrongIdentityOrIssuerIsRejected() {
        String bundle = sigstore.blobBundle(ARTIFACT, SIGNER, FakeSigstore.Mutation.NONE);
        IdentityPolicy otherRepo = IdentityPolicy.matching(FakeSigstore.GITHUB_ISSUER, "https://github\\.com/evil/.*");
        IdentityPolicy otherIssuer = IdentityPolicy.exact("https://accounts.google.com", SIGNER.subject());

        for (IdentityPolicy policy : new IdentityPolicy[] {otherRepo, otherIssuer}) {
            assertThatThrownBy(() -> verifier.verifyDigest(
                            digest, SigstoreVerifier.readBundle(new StringReader(bundle)), policy))
                    .isInstanceOfSatisfying(
                            VerificationException.class,
                            e -> assertThat(e.check()).isEqualTo(Check.IDENTITY));
        }
    }

    @Test
    void bundleFromAForeignRootIsRejected() throws Exception {
        String foreign = new FakeSigstore().blobBundle(ARTIFACT, SIGNER, FakeSigstore.Mutation.NONE);

        assertThatThrownBy(() ->
                        verifier.verifyDigest(digest, SigstoreVerifier.readBundle(new StringReader(foreign)), POLICY))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SIGSTORE));
    }

    @Test
    void dsseSlsaAttestationVerifiesAndCarriesItsStatement() throws Exception {
        byte[] statement = FakeSigstore.statement(
                ARTIFACT,
                "https://slsa.dev/provenance/v1",
                java.util.Map.of(
                        "buildDefinition",
                                java.util.Map.of(
                                        "externalParameters",
                                        java.util.Map.of(
                                                "workflow",
                                                java.util.Map.of(
                                                        "repository",
                                                        "https://github.com/acme/weather",
                                                        "ref",
                                                        "refs/tags/v1.0.0"))),
                        "runDetails",
                                java.util.Map.of(
                                        "builder", java.util.Map.of("id", "https://github.com/actions/runner"))));

        KeylessEvidence evidence = verifier.verifyDigest(
                digest,
                SigstoreVerifier.readBundle(
                        new StringReader(sigstore.dsseBundle(statement, SIGNER, FakeSigstore.Mutation.NONE))),
                POLICY);

        assertThat(evidence.statement())
                .hasValueSatisfying(s -> assertThat(s.predicateType()).isEqualTo("https://slsa.dev/provenance/v1"));
    }

    @Test
    void dsseSpdxSbomVerifiesAndYieldsItsComponents() throws Exception {
        byte[] statement = FakeSigstore.statement(
                ARTIFACT,
                "https://spdx.dev/Document",
                java.util.Map.of(
                        "spdxVersion",
                        "SPDX-2.3",
                        "packages",
                        java.util.List.of(java.util.Map.of(
                                "name",
                                "zod",
                                "versionInfo",
                                "3.22.4",
                                "externalRefs",
                                java.util.List.of(java.util.Map.of(
                                        "referenceType", "purl", "referenceLocator", "pkg:npm/zod@3.22.4"))))));

        KeylessEvidence evidence = verifier.verifyDigest(
                digest,
                SigstoreVerifier.readBundle(
                        new StringReader(sigstore.dsseBundle(statement, SIGNER, FakeSigstore.Mutation.NONE))),
                POLICY);
        dev.vouch.provenance.intoto.Statement verified = evidence.statement().orElseThrow();

        assertThat(dev.vouch.provenance.intoto.Sbom.parse(verified.predicateType(), verified.predicate())
                        .components())
                .extracting(dev.vouch.provenance.intoto.Sbom.Component::purl)
                .containsExactly("pkg:npm/zod@3.22.4");
    }

    @Test
    void dsseWithANonAsciiPayloadVerifies() throws Exception {
        byte[] statement = FakeSigstore.statement(
                ARTIFACT,
                "https://cyclonedx.org/bom",
                java.util.Map.of(
                        "bomFormat",
                        "CycloneDX",
                        "specVersion",
                        "1.5",
                        "metadata",
                        java.util.Map.of("supplier", java.util.Map.of("name", "Zürich Wetter AG — ☀")),
                        "components",
                        java.util.List.of()));

        KeylessEvidence evidence = verifier.verifyDigest(
                digest,
                SigstoreVerifier.readBundle(
                        new StringReader(sigstore.dsseBundle(statement, SIGNER, FakeSigstore.Mutation.NONE))),
                POLICY);

        assertThat(evidence.statement()).isPresent();
    }

    @Test
    void tamperedDsseSignatureIsRejected() {
        byte[] statement = FakeSigstore.statement(
                ARTIFACT,
                "https://spdx.dev/Document",
                java.util.Map.of("spdxVersion", "SPDX-2.3", "packages", java.util.List.of()));

        assertThatThrownBy(() -> verifier.verifyDigest(
                        digest,
                        SigstoreVerifier.readBundle(new StringReader(
                                sigstore.dsseBundle(statement, SIGNER, FakeSigstore.Mutation.SIGNATURE))),
                        POLICY))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SIGNATURE));
    }

    @Test
    void npmProvenanceWithSha512OnlySubjectsBindsBySha512() throws Exception {
        byte[] statement = FakeSigstore.statement(
                ARTIFACT,
                "https://slsa.dev/provenance/v1",
                java.util.Map.of(
                        "runDetails",
                        java.util.Map.of("builder", java.util.Map.of("id", "https://github.com/actions/runner"))),
                "sha512");
        Digest sha512 = Digest.of("sha512", MessageDigest.getInstance("SHA-512").digest(ARTIFACT));
        String bundle = sigstore.dsseBundle(statement, SIGNER, FakeSigstore.Mutation.NONE);

        assertThat(verifier.verifyDigest(sha512, SigstoreVerifier.readBundle(new StringReader(bundle)), POLICY)
                        .statement())
                .isPresent();
        assertThatThrownBy(() ->
                        verifier.verifyDigest(digest, SigstoreVerifier.readBundle(new StringReader(bundle)), POLICY))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SUBJECT_DIGEST));
    }

    @Test
    void dsseTamperedLogEvidenceIsRejected() {
        byte[] statement = FakeSigstore.statement(
                ARTIFACT,
                "https://spdx.dev/Document",
                java.util.Map.of("spdxVersion", "SPDX-2.3", "packages", java.util.List.of()));
        for (FakeSigstore.Mutation mutation : new FakeSigstore.Mutation[] {
            FakeSigstore.Mutation.SET,
            FakeSigstore.Mutation.CHECKPOINT_SIGNATURE,
            FakeSigstore.Mutation.INCLUSION_PROOF,
            FakeSigstore.Mutation.SCT
        }) {
            assertThatThrownBy(() -> verifier.verifyDigest(
                            digest,
                            SigstoreVerifier.readBundle(
                                    new StringReader(sigstore.dsseBundle(statement, SIGNER, mutation))),
                            POLICY))
                    .as(mutation.name())
                    .isInstanceOfSatisfying(
                            VerificationException.class,
                            e -> assertThat(e.check()).isEqualTo(Check.SIGSTORE));
        }
        assertThatThrownBy(() -> verifier.verifyDigest(
                        digest,
                        SigstoreVerifier.readBundle(new StringReader(
                                sigstore.dsseBundle(statement, SIGNER, FakeSigstore.Mutation.EXPIRED_CERTIFICATE))),
                        POLICY))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.CERTIFICATE_VALIDITY));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
