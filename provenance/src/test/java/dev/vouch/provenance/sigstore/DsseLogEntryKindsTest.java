package dev.vouch.provenance.sigstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.provenance.Check;
import dev.vouch.provenance.Digest;
import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.fixtures.FakeSigstore;
import dev.vouch.provenance.fixtures.FakeSigstore.DsseLogEntry;
import dev.vouch.provenance.fixtures.FakeSigstore.EntryMismatch;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The log entry kinds that can record a DSSE signature (sigstore-conformance's intoto, Rekor v2
 * hashedrekord-over-DSSE and trusted-root validity cases), built with the fake Sigstore: each verifies
 * when it records this envelope, this signature and this certificate, and is rejected when it records
 * anything else.
 */
class DsseLogEntryKindsTest {

    static final byte[] ARTIFACT = "weather-server-1.0.0.tgz contents".getBytes(StandardCharsets.UTF_8);
    static final FakeSigstore.Signer SIGNER = FakeSigstore.Signer.githubWorkflow("acme/weather");
    static final IdentityPolicy POLICY = IdentityPolicy.exact(FakeSigstore.GITHUB_ISSUER, SIGNER.subject());
    static final byte[] STATEMENT = FakeSigstore.statement(
            ARTIFACT,
            "https://slsa.dev/provenance/v1",
            Map.of("runDetails", Map.of("builder", Map.of("id", "https://github.com/actions/runner"))));
    static final ObjectMapper JSON = new ObjectMapper();

    static FakeSigstore sigstore;
    static SigstoreVerifier verifier;
    static Digest digest;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        sigstore = new FakeSigstore();
        verifier = sigstore.verifier(dir);
        digest = Digest.of("sha256", MessageDigest.getInstance("SHA-256").digest(ARTIFACT));
    }

    static KeylessEvidence verify(DsseLogEntry logEntry, EntryMismatch mismatch) throws Exception {
        String bundle = sigstore.dsseBundle(STATEMENT, SIGNER, logEntry, mismatch);
        return verifier.verifyDigest(digest, SigstoreVerifier.readBundle(new StringReader(bundle)), POLICY);
    }

    @ParameterizedTest
    @EnumSource(DsseLogEntry.class)
    void dsseEnvelopeVerifiesWhateverKindOfEntryRecordsIt(DsseLogEntry logEntry) throws Exception {
        KeylessEvidence evidence = verify(logEntry, EntryMismatch.NONE);

        assertThat(evidence.statement())
                .hasValueSatisfying(s -> assertThat(s.predicateType()).isEqualTo("https://slsa.dev/provenance/v1"));
        assertThat(evidence.signer().subject()).isEqualTo(SIGNER.subject());
    }

    @Test
    void dsseEnvelopeLoggedAsIntotoCarriesTheLogTime() throws Exception {
        assertThat(verify(DsseLogEntry.INTOTO, EntryMismatch.NONE).loggedAt()).contains(FakeSigstore.CLOCK);
    }

    @Test
    void rekorV2HashedRekordOverDsseTakesItsTimeFromTheTimestampNotTheLog() throws Exception {
        assertThat(verify(DsseLogEntry.HASHEDREKORD_V2, EntryMismatch.NONE).loggedAt())
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = EntryMismatch.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void intotoEntryRecordingAnotherPayloadSignatureOrCertificateIsRejected(EntryMismatch mismatch) {
        assertRejectedAsOtherEntry(DsseLogEntry.INTOTO, mismatch);
    }

    @ParameterizedTest
    @EnumSource(value = EntryMismatch.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void rekorV2HashedRekordRecordingAnotherEnvelopeSignatureOrCertificateIsRejected(EntryMismatch mismatch) {
        assertRejectedAsOtherEntry(DsseLogEntry.HASHEDREKORD_V2, mismatch);
    }

    @ParameterizedTest
    @EnumSource(value = EntryMismatch.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void rekorV1HashedRekordRecordingAnotherEnvelopeSignatureOrCertificateIsRejected(EntryMismatch mismatch) {
        assertRejectedAsOtherEntry(DsseLogEntry.HASHEDREKORD_V1, mismatch);
    }

    @ParameterizedTest
    @EnumSource(
            value = EntryMismatch.class,
            names = {"PAYLOAD", "SIGNATURE"})
    void dsseEntryRecordingAnotherPayloadOrSignatureIsRejected(EntryMismatch mismatch) {
        assertRejectedAsOtherEntry(DsseLogEntry.DSSE, mismatch);
    }

    static void assertRejectedAsOtherEntry(DsseLogEntry logEntry, EntryMismatch mismatch) {
        String expected = switch (mismatch) {
            case PAYLOAD -> "another DSSE";
            case SIGNATURE -> "another DSSE signature";
            default -> "another certificate";
        };
        assertThatThrownBy(() -> verify(logEntry, mismatch))
                .as(logEntry + " " + mismatch)
                .isInstanceOfSatisfying(VerificationException.class, e -> {
                    assertThat(e.check()).isEqualTo(Check.SIGSTORE);
                    assertThat(e.getMessage()).contains("log entry is for " + expected);
                });
    }

    @ParameterizedTest
    @EnumSource(DsseLogEntry.class)
    void managedKeyDsseEnvelopeVerifiesWithItsKeyWhateverKindOfEntryRecordsIt(DsseLogEntry logEntry) throws Exception {
        java.security.KeyPair keys = FakeSigstore.ecKeys();
        byte[] bundle = sigstore.managedKeyDsseBundle(STATEMENT, keys, logEntry, EntryMismatch.NONE)
                .getBytes(StandardCharsets.UTF_8);

        KeyedEvidence evidence = verifier.verifyWithKey(bundle, keys.getPublic(), ARTIFACT);

        assertThat(evidence.statement())
                .hasValueSatisfying(s -> assertThat(s.predicateType()).isEqualTo("https://slsa.dev/provenance/v1"));
        assertThat(evidence.keyFingerprint())
                .isEqualTo(dev.vouch.provenance.keys.PublicKeys.fingerprint(keys.getPublic()));
        assertThat(verifier.verifyWithKey(bundle, keys.getPublic(), digest).statement())
                .isPresent();
        assertThatThrownBy(() ->
                        verifier.verifyWithKey(bundle, FakeSigstore.ecKeys().getPublic(), ARTIFACT))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SIGNATURE));
        assertThatThrownBy(() ->
                        verifier.verifyWithKey(bundle, keys.getPublic(), "other".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SUBJECT_DIGEST));
    }

    @ParameterizedTest
    @EnumSource(value = EntryMismatch.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void managedKeyIntotoEntryRecordingAnotherPayloadSignatureOrKeyIsRejected(EntryMismatch mismatch) {
        java.security.KeyPair keys = FakeSigstore.ecKeys();
        byte[] bundle = sigstore.managedKeyDsseBundle(STATEMENT, keys, DsseLogEntry.INTOTO, mismatch)
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> verifier.verifyWithKey(bundle, keys.getPublic(), ARTIFACT))
                .as(mismatch.name())
                .isInstanceOfSatisfying(VerificationException.class, e -> {
                    assertThat(e.check()).isEqualTo(Check.SIGSTORE);
                    assertThat(e.getMessage()).contains("log entry is for another");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"tlogs", "ctlogs"})
    void trustedRootWhoseLogKeyValidityHasNoStartIsRejected(String logs, @TempDir Path dir) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(sigstore.trustedRootJson());
        ((ObjectNode) root.path(logs).get(0).path("publicKey").path("validFor")).remove("start");
        Path file = Files.writeString(dir.resolve("trusted_root.json"), root.toPrettyString());

        assertThatThrownBy(() -> SigstoreVerifier.withTrustedRoot(file))
                .isInstanceOfSatisfying(VerificationException.class, e -> {
                    assertThat(e.check()).isEqualTo(Check.BUNDLE_FORMAT);
                    assertThat(e.getMessage()).contains(logs + "[0].publicKey.validFor has no start");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"certificateAuthorities", "timestampAuthorities"})
    void trustedRootWhoseAuthorityValidityHasNoStartIsRejected(String authorities, @TempDir Path dir) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(sigstore.trustedRootJson());
        ((ObjectNode) root.path(authorities).get(0)).remove("validFor");
        Path file = Files.writeString(dir.resolve("trusted_root.json"), root.toPrettyString());

        assertThatThrownBy(() -> SigstoreVerifier.withTrustedRoot(file))
                .isInstanceOfSatisfying(
                        VerificationException.class,
                        e -> assertThat(e.getMessage()).contains(authorities + "[0].validFor has no start"));
    }

    @Test
    void everyShippedAndVectorTrustedRootStatesItsValidityStarts() throws Exception {
        for (String root : List.of(
                "/dev/vouch/provenance/sigstore/public-good-trusted_root.json",
                "/sigstore/sigstore-java/trustroot/trusted_root.json",
                "/sigstore/sigstore-java/trustroot/staging_trusted_root.json",
                "/sigstore/cosign/trusted_root_pgi.json")) {
            try (var in = getClass().getResourceAsStream(root)) {
                assertThat(in).as(root).isNotNull();
                TrustedRootValidity.requireStarts(in.readAllBytes());
            }
        }
    }
}
