package dev.vouch.provenance.sigstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigstore.bundle.Bundle;
import dev.vouch.provenance.Check;
import dev.vouch.provenance.Digest;
import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.intoto.Statement;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The externally produced Sigstore vectors of {@code resources/sigstore} (see its README), each with
 * its documented result, verified offline against the trusted roots beside them.
 */
class RealBundlesTest {

    private static final IdentityPolicy APPU = IdentityPolicy.exact("https://accounts.google.com", "appu@google.com");
    private static final IdentityPolicy CONFORMANCE = IdentityPolicy.exact(
            "https://accounts.google.com", "untrusted-sa@sigstore-conformance.iam.gserviceaccount.com");
    private static final Digest ARTIFACT =
            Digest.parse("sha256:a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf");

    static Path resource(String path) {
        try {
            return Path.of(
                    RealBundlesTest.class.getResource("/sigstore/" + path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Bundle bundle(String name) throws Exception {
        try (Reader reader =
                Files.newBufferedReader(resource("sigstore-java/samples/bundles/" + name), StandardCharsets.UTF_8)) {
            return SigstoreVerifier.readBundle(reader);
        }
    }

    static SigstoreVerifier publicGood() throws VerificationException {
        return SigstoreVerifier.withTrustedRoot(resource("sigstore-java/trustroot/trusted_root.json"));
    }

    static Path artifact() {
        return resource("sigstore-java/samples/bundles/artifact.txt");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bundle.v1.sigstore",
                "bundle.v2.sigstore",
                "bundle.v3.sigstore",
                "bundle.v3_1.sigstore",
                "bundle-no-digest.sigstore"
            })
    void messageSignatureBundlesOfEveryMediaTypeVerify(String name) throws Exception {
        KeylessEvidence evidence = publicGood().verifyDigest(ARTIFACT, bundle(name), APPU);

        assertThat(evidence.signer().subject()).isEqualTo("appu@google.com");
        assertThat(evidence.signer().issuer()).isEqualTo("https://accounts.google.com");
        assertThat(evidence.loggedAt()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PKIX_ECDSA_P256_SHA_256.sigstore.json", "PKIX_RSA_PKCS1V15_2048_SHA256.sigstore.json"})
    void conformanceBundlesVerifyOverTheArtifactFile(String name) throws Exception {
        assertThat(publicGood()
                        .verifyFile(artifact(), bundle(name), CONFORMANCE)
                        .signer()
                        .subject())
                .isEqualTo("untrusted-sa@sigstore-conformance.iam.gserviceaccount.com");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "PKIX_ECDSA_P256_SHA_256.sigstore.json",
                "PKIX_RSA_PKCS1V15_2048_SHA256.sigstore.json",
                "PKIX_ECDSA_P384_SHA_384.sigstore.json"
            })
    void conformanceBundlesVerifyFromTheirJsonIncludingASha384MessageDigest(String name) throws Exception {
        byte[] json = Files.readAllBytes(resource("sigstore-java/samples/bundles/" + name));

        assertThat(publicGood()
                        .verifyFile(artifact(), json, CONFORMANCE)
                        .signer()
                        .subject())
                .isEqualTo("untrusted-sa@sigstore-conformance.iam.gserviceaccount.com");
        assertThatThrownBy(() -> publicGood()
                        .verifyFile(resource("sigstore-java/trustroot/trusted_root.json"), json, CONFORMANCE))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void dsseProvenanceBundleVerifiesByItsSubjectDigestAndYieldsTheWorkflowIdentity() throws Exception {
        Bundle bundle = bundle("bundle.dsse.sigstore");
        Statement statement =
                Statement.parse(bundle.getDsseEnvelope().orElseThrow().getPayload());
        Digest subject = statement.subjects().get(0).digests().stream()
                .filter(d -> d.algorithm().equals("sha256"))
                .findFirst()
                .orElseThrow();
        IdentityPolicy workflow = IdentityPolicy.matching(
                "https://token.actions.githubusercontent.com",
                "https://github\\.com/loosebazooka/aa-test/\\.github/workflows/.*");

        KeylessEvidence evidence = publicGood().verifyDigest(subject, bundle, workflow);

        assertThat(evidence.statement())
                .hasValueSatisfying(s -> assertThat(s.predicateType()).contains("slsa.dev/provenance"));
        assertThat(evidence.signer().sourceRepository())
                .hasValueSatisfying(repo -> assertThat(repo).contains("loosebazooka/aa-test"));
        assertThat(evidence.signer().commit()).isPresent();
    }

    @Test
    void wrongIdentityIsRejectedNamingTheSigner() throws Exception {
        IdentityPolicy someoneElse = IdentityPolicy.exact("https://accounts.google.com", "mallory@example.com");

        assertThatThrownBy(() -> publicGood().verifyDigest(ARTIFACT, bundle("bundle.v3.sigstore"), someoneElse))
                .isInstanceOfSatisfying(VerificationException.class, e -> {
                    assertThat(e.check()).isEqualTo(Check.IDENTITY);
                    assertThat(e.getMessage()).contains("appu@google.com");
                });
        IdentityPolicy otherIssuer = IdentityPolicy.exact("https://github.com/login/oauth", "appu@google.com");
        assertThatThrownBy(() -> publicGood().verifyDigest(ARTIFACT, bundle("bundle.v3.sigstore"), otherIssuer))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.IDENTITY));
    }

    @Test
    void anotherArtifactIsRejected() throws Exception {
        Digest other = Digest.parse("sha256:" + "0".repeat(64));

        assertThatThrownBy(() -> publicGood().verifyDigest(other, bundle("bundle.v3.sigstore"), APPU))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SIGSTORE));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bundle-with-mismatched-set.sigstore",
                "bundle-with-bad-checkpoint-signature.sigstore",
                "bundle-with-wrong-tlog-entry.sigstore"
            })
    void tamperedLogEvidenceIsRejected(String name) throws Exception {
        Bundle bundle = bundle(name);
        assertThatThrownBy(() -> publicGood().verifyDigest(ARTIFACT, bundle, ownIdentity(bundle)))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SIGSTORE));
    }

    @Test
    void badDsseSignatureIsRejected() throws Exception {
        Bundle bundle = bundle("bundle.dsse.bad-signature.sigstore");
        Statement statement =
                Statement.parse(bundle.getDsseEnvelope().orElseThrow().getPayload());
        Digest subject = statement.subjects().get(0).digests().get(0);
        IdentityPolicy anyone = IdentityPolicy.matching("https://token.actions.githubusercontent.com", ".*");

        assertThatThrownBy(() -> publicGood().verifyDigest(subject, bundle, anyone))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void signatureLoggedAfterTheCertificateExpiredIsRejected() throws Exception {
        Bundle bundle = bundle("bundle-with-expired-cert.sigstore");

        assertThatThrownBy(() -> publicGood().verifyDigest(ARTIFACT, bundle, ownIdentity(bundle)))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.CERTIFICATE_VALIDITY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bundle-with-timestamp.sigstore", "bundle-with-rekor-v2-entry.sigstore"})
    void stagingBundlesWithTimestampsAndRekorV2EntriesVerify(String name) throws Exception {
        SigstoreVerifier staging =
                SigstoreVerifier.withTrustedRoot(resource("sigstore-java/trustroot/staging_trusted_root.json"));

        KeylessEvidence evidence = staging.verifyDigest(
                ARTIFACT, bundle(name), IdentityPolicy.exact("https://accounts.google.com", "aaronlew@google.com"));

        assertThat(evidence.signer().subject()).isEqualTo("aaronlew@google.com");
    }

    @Test
    void cosignOciAttestationVerifiesAgainstTheImageManifestDigest() throws Exception {
        SigstoreVerifier pgi = SigstoreVerifier.withTrustedRoot(resource("cosign/trusted_root_pgi.json"));
        Bundle bundle;
        try (Reader reader =
                Files.newBufferedReader(resource("cosign/oci-attestation.sigstore.json"), StandardCharsets.UTF_8)) {
            bundle = SigstoreVerifier.readBundle(reader);
        }

        KeylessEvidence evidence = pgi.verifyDigest(
                Digest.parse("sha256:732112270d7e59418a8c080b134b24cabd67d250d0d0147a97ed95ba5c280aa4"),
                bundle,
                IdentityPolicy.exact("https://github.com/login/oauth", "cody@soyland.com"));

        assertThat(evidence.statement()).isPresent();
    }

    @Test
    void githubPrivateAttestationVerifiesByTimestampUnderARootWithoutLogs(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path folder = resource("sigstore-java/samples/bundles/github-private-no-tlog");
        // The second line of `gh attestation trusted-root` is GitHub's own instance: no Rekor, no CT log.
        Path githubRoot = Files.writeString(
                dir.resolve("github.json"),
                Files.readAllLines(folder.resolve("trusted_root.jsonl")).get(1));
        byte[] json = Files.readAllBytes(folder.resolve("attestation.sigstore.json"));
        com.fasterxml.jackson.databind.JsonNode envelope =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("dsseEnvelope");
        Statement statement = Statement.parse(
                java.util.Base64.getDecoder().decode(envelope.path("payload").asText()));
        Digest subject = statement.subjects().get(0).digests().get(0);
        java.security.cert.X509Certificate leaf = (java.security.cert.X509Certificate)
                JsonMessageBundles.certificatePath(json).getCertificates().get(0);
        SignerIdentity signer = SignerIdentity.of(leaf);
        IdentityPolicy own = IdentityPolicy.exact(signer.issuer(), signer.subject());

        KeylessEvidence evidence =
                SigstoreVerifier.withTrustedRoot(githubRoot).verifyLoglessAttestation(json, subject, own);

        assertThat(evidence.loggedAt()).isEmpty();
        assertThat(evidence.statement()).isPresent();
        // Under a root that has logs, a bundle without a log entry is never accepted.
        assertThatThrownBy(() -> publicGood().verifyLoglessAttestation(json, subject, own))
                .isInstanceOf(VerificationException.class);
    }

    /** The identity the bundle's own certificate names, so that only the check under test can fail. */
    static IdentityPolicy ownIdentity(Bundle bundle) {
        SignerIdentity signer = SignerIdentity.of((java.security.cert.X509Certificate)
                bundle.getCertPath().getCertificates().get(0));
        return IdentityPolicy.exact(signer.issuer(), signer.subject());
    }

    @Test
    void bundledPublicGoodRootLoads() throws Exception {
        assertThat(SigstoreVerifier.withPublicGoodRoot()).isNotNull();
    }

    @Test
    void anEmptyIdentityPolicyCannotBeBuilt() {
        assertThatThrownBy(() -> IdentityPolicy.exact("", "appu@google.com"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdentityPolicy.exact("https://accounts.google.com", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdentityPolicy(
                        "https://accounts.google.com", java.util.Optional.empty(), java.util.Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** sigstore-conformance's managed-key DSSE bundle logged as a canonical intoto 0.0.2 entry (payloadHash, no payload). */
    @Test
    void conformanceManagedKeyIntotoEntryVerifiesWithItsKeyOnly() throws Exception {
        String folder = "sigstore-conformance/intoto-canonical-log-entry/";
        SigstoreVerifier verifier = SigstoreVerifier.withTrustedRoot(resource(folder + "trusted_root.json"));
        byte[] bundle = Files.readAllBytes(resource(folder + "bundle.sigstore.json"));
        java.security.PublicKey key =
                dev.vouch.provenance.keys.PublicKeys.fromPem(Files.readString(resource(folder + "key.pub")));

        KeyedEvidence evidence = verifier.verifyWithKey(bundle, key, Files.readAllBytes(artifact()));

        assertThat(evidence.statement())
                .hasValueSatisfying(s -> assertThat(s.predicateType()).isEqualTo("https://example.com/test"));
        assertThatThrownBy(() -> verifier.verifyWithKey(
                        bundle,
                        dev.vouch.provenance.fixtures.FakeSigstore.ecKeys().getPublic(),
                        Files.readAllBytes(artifact())))
                .isInstanceOf(VerificationException.class);
    }
}
