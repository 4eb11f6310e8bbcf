package dev.vouch.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.provenance.dsse.DsseEnvelope;
import dev.vouch.provenance.intoto.Sbom;
import dev.vouch.provenance.keys.KeySignatures;
import dev.vouch.provenance.keys.PublicKeys;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyedAttestationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] ARTIFACT = "the server image manifest".getBytes(StandardCharsets.UTF_8);

    static KeyPair keys(String kind) throws Exception {
        switch (kind) {
            case "EC": {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                return generator.generateKeyPair();
            }
            case "RSA": {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            }
            default:
                return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        }
    }

    static String signatureAlgorithm(KeyPair keys) {
        return switch (keys.getPublic().getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> "Ed25519";
        };
    }

    static byte[] sign(KeyPair keys, byte[] data) throws Exception {
        Signature signer = Signature.getInstance(signatureAlgorithm(keys));
        signer.initSign(keys.getPrivate());
        signer.update(data);
        return signer.sign();
    }

    static String pem(KeyPair keys) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(keys.getPublic());
        }
        return out.toString();
    }

    static Digest digest(String algorithm, byte[] data) throws Exception {
        return Digest.of(
                algorithm,
                MessageDigest.getInstance(algorithm.equals("sha512") ? "SHA-512" : "SHA-256")
                        .digest(data));
    }

    static ObjectNode statement(String predicateType, JsonNode predicate, String algorithm) throws Exception {
        ObjectNode statement = JSON.createObjectNode().put("_type", "https://in-toto.io/Statement/v1");
        statement
                .putArray("subject")
                .addObject()
                .put("name", "server")
                .putObject("digest")
                .put(algorithm, digest(algorithm, ARTIFACT).hex());
        statement.put("predicateType", predicateType).set("predicate", predicate);
        return statement;
    }

    static ObjectNode envelope(KeyPair keys, String payloadType, byte[] payload) throws Exception {
        DsseEnvelope unsigned = new DsseEnvelope(payloadType, payload, java.util.List.of());
        ObjectNode envelope = JSON.createObjectNode()
                .put("payloadType", payloadType)
                .put("payload", Base64.getEncoder().encodeToString(payload));
        envelope.putArray("signatures")
                .addObject()
                .put("keyid", "")
                .put("sig", Base64.getEncoder().encodeToString(sign(keys, unsigned.preAuthenticationEncoding())));
        return envelope;
    }

    static JsonNode slsaV1() throws Exception {
        return JSON.readTree("{\"buildDefinition\":{\"buildType\":\"https://actions.github.io/buildtypes/workflow/v1\","
                + "\"externalParameters\":{\"workflow\":{\"ref\":\"refs/tags/v1.0.0\",\"repository\":\"https://github.com/acme/weather\","
                + "\"path\":\".github/workflows/release.yml\"}},\"resolvedDependencies\":[{\"uri\":\"git+https://github.com/acme/weather@refs/tags/v1.0.0\"}]},"
                + "\"runDetails\":{\"builder\":{\"id\":\"https://github.com/actions/runner/github-hosted\"}}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EC", "Ed25519", "RSA"})
    void slsaProvenanceSignedWithAKeyVerifiesAndYieldsBuilderAndSource(String kind) throws Exception {
        KeyPair keys = keys(kind);
        byte[] payload = JSON.writeValueAsBytes(statement("https://slsa.dev/provenance/v1", slsaV1(), "sha256"));

        KeyedAttestations.VerifiedAttestation verified = KeyedAttestations.verify(
                envelope(keys, "application/vnd.in-toto+json", payload),
                PublicKeys.fromPem(pem(keys)),
                digest("sha256", ARTIFACT));

        assertThat(verified.provenance()).hasValueSatisfying(slsa -> {
            assertThat(slsa.builderId()).isEqualTo("https://github.com/actions/runner/github-hosted");
            assertThat(slsa.sourceRepository()).contains("https://github.com/acme/weather");
            assertThat(slsa.sourceRef()).contains("refs/tags/v1.0.0");
            assertThat(slsa.resolvedDependencies()).hasSize(1);
        });
    }

    @Test
    void nonAsciiPayloadVerifiesBecauseLengthsCountUtf8Bytes() throws Exception {
        KeyPair keys = keys("EC");
        ObjectNode predicate = (ObjectNode) slsaV1();
        predicate.put("note", "built in Zürich — ✓");
        byte[] payload = JSON.writeValueAsBytes(statement("https://slsa.dev/provenance/v1", predicate, "sha256"));

        assertThat(KeyedAttestations.verify(
                                envelope(keys, "application/vnd.in-toto+json", payload),
                                keys.getPublic(),
                                digest("sha256", ARTIFACT))
                        .provenance())
                .isPresent();
        String pae = new String(
                new DsseEnvelope("application/vnd.in-toto+json", payload, java.util.List.of())
                        .preAuthenticationEncoding(),
                StandardCharsets.UTF_8);
        assertThat(pae).startsWith("DSSEv1 28 application/vnd.in-toto+json " + payload.length + " ");
    }

    @Test
    void tamperedPayloadFailsTheSignatureCheck() throws Exception {
        KeyPair keys = keys("EC");
        ObjectNode envelope = envelope(
                keys,
                "application/vnd.in-toto+json",
                JSON.writeValueAsBytes(statement("https://slsa.dev/provenance/v1", slsaV1(), "sha256")));
        envelope.put(
                "payload",
                Base64.getEncoder()
                        .encodeToString(JSON.writeValueAsBytes(
                                statement("https://slsa.dev/provenance/v1", JSON.createObjectNode(), "sha256"))));

        assertThatThrownBy(() -> KeyedAttestations.verify(envelope, keys.getPublic(), digest("sha256", ARTIFACT)))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SIGNATURE));
    }

    @Test
    void anotherKeyFailsTheSignatureCheck() throws Exception {
        ObjectNode envelope = envelope(
                keys("EC"),
                "application/vnd.in-toto+json",
                JSON.writeValueAsBytes(statement("https://slsa.dev/provenance/v1", slsaV1(), "sha256")));

        assertThatThrownBy(() -> KeyedAttestations.verify(envelope, keys("EC").getPublic(), digest("sha256", ARTIFACT)))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SIGNATURE));
    }

    @Test
    void attestationAboutAnotherArtifactFailsTheSubjectCheck() throws Exception {
        KeyPair keys = keys("Ed25519");
        ObjectNode envelope = envelope(
                keys,
                "application/vnd.in-toto+json",
                JSON.writeValueAsBytes(statement("https://slsa.dev/provenance/v1", slsaV1(), "sha256")));
        Digest other = digest("sha256", "another image".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> KeyedAttestations.verify(envelope, keys.getPublic(), other))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SUBJECT_DIGEST));
    }

    @Test
    void npmStyleSha512OnlySubjectsBindBySha512() throws Exception {
        KeyPair keys = keys("EC");
        ObjectNode envelope = envelope(
                keys,
                "application/vnd.in-toto+json",
                JSON.writeValueAsBytes(statement("https://slsa.dev/provenance/v1", slsaV1(), "sha512")));

        assertThat(KeyedAttestations.verify(envelope, keys.getPublic(), digest("sha512", ARTIFACT))
                        .statement()
                        .subjects())
                .hasSize(1);
        assertThatThrownBy(() -> KeyedAttestations.verify(envelope, keys.getPublic(), digest("sha256", ARTIFACT)))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void cosignSpdxPredicateAsAStringYieldsPurlsAndVersions() throws Exception {
        String spdx = "{\"spdxVersion\":\"SPDX-2.3\",\"packages\":[{\"name\":\"lodash\",\"versionInfo\":\"4.17.20\","
                + "\"externalRefs\":[{\"referenceCategory\":\"PACKAGE-MANAGER\",\"referenceType\":\"purl\","
                + "\"referenceLocator\":\"pkg:npm/lodash@4.17.20\"}]}]}";
        KeyPair keys = keys("EC");
        ObjectNode envelope = envelope(
                keys,
                "application/vnd.in-toto+json",
                JSON.writeValueAsBytes(statement(
                        "https://spdx.dev/Document", JSON.getNodeFactory().textNode(spdx), "sha256")));

        Sbom sbom = KeyedAttestations.verify(envelope, keys.getPublic(), digest("sha256", ARTIFACT))
                .sbom()
                .orElseThrow();

        assertThat(sbom.format()).isEqualTo(Sbom.Format.SPDX);
        assertThat(sbom.components())
                .containsExactly(new Sbom.Component("pkg:npm/lodash@4.17.20", "lodash", "4.17.20"));
    }

    @Test
    void cycloneDxPredicateYieldsNestedComponents() throws Exception {
        JsonNode bom = JSON.readTree(
                "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"components\":[{\"name\":\"express\","
                        + "\"version\":\"4.18.2\",\"purl\":\"pkg:npm/express@4.18.2\",\"components\":[{\"name\":\"qs\",\"version\":\"6.11.0\","
                        + "\"purl\":\"pkg:npm/qs@6.11.0\"}]}]}");
        KeyPair keys = keys("RSA");
        ObjectNode envelope = envelope(
                keys,
                "application/vnd.in-toto+json",
                JSON.writeValueAsBytes(statement("https://cyclonedx.org/bom", bom, "sha256")));

        Sbom sbom = KeyedAttestations.verify(envelope, keys.getPublic(), digest("sha256", ARTIFACT))
                .sbom()
                .orElseThrow();

        assertThat(sbom.components())
                .extracting(Sbom.Component::purl)
                .containsExactly("pkg:npm/express@4.18.2", "pkg:npm/qs@6.11.0");
    }

    @Test
    void slsaV02YieldsSourceFromTheConfigSource() throws Exception {
        JsonNode v02 = JSON.readTree(
                "{\"builder\":{\"id\":\"https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v1.9.0\"},"
                        + "\"buildType\":\"https://github.com/slsa-framework/slsa-github-generator/generic@v1\",\"invocation\":{\"configSource\":{"
                        + "\"uri\":\"git+https://github.com/acme/weather@refs/heads/main\",\"entryPoint\":\".github/workflows/release.yml\"}},"
                        + "\"materials\":[{\"uri\":\"git+https://github.com/acme/weather@refs/heads/main\"}]}");
        KeyPair keys = keys("EC");
        ObjectNode envelope = envelope(
                keys,
                "application/vnd.in-toto+json",
                JSON.writeValueAsBytes(statement("https://slsa.dev/provenance/v0.2", v02, "sha256")));

        assertThat(KeyedAttestations.verify(envelope, keys.getPublic(), digest("sha256", ARTIFACT))
                        .provenance())
                .hasValueSatisfying(slsa -> {
                    assertThat(slsa.sourceRepository()).contains("https://github.com/acme/weather");
                    assertThat(slsa.sourceRef()).contains("refs/heads/main");
                });
    }

    @Test
    void cosignSignPredicateVerifiesAsAPlainStatement() throws Exception {
        KeyPair keys = keys("EC");
        ObjectNode envelope = envelope(
                keys,
                "application/vnd.in-toto+json",
                JSON.writeValueAsBytes(
                        statement("https://sigstore.dev/cosign/sign/v1", JSON.createObjectNode(), "sha256")));

        KeyedAttestations.VerifiedAttestation verified =
                KeyedAttestations.verify(envelope, keys.getPublic(), digest("sha256", ARTIFACT));

        assertThat(verified.statement().predicateType()).isEqualTo("https://sigstore.dev/cosign/sign/v1");
        assertThat(verified.provenance()).isEmpty();
        assertThat(verified.sbom()).isEmpty();
    }

    @Test
    void malformedEnvelopesAndStatementsNameTheirCheck() throws Exception {
        KeyPair keys = keys("EC");
        assertThatThrownBy(() -> KeyedAttestations.verify(
                        JSON.readTree("{\"payload\":\"e30=\"}"), keys.getPublic(), digest("sha256", ARTIFACT)))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.ENVELOPE_FORMAT));
        ObjectNode notAStatement =
                envelope(keys, "application/vnd.in-toto+json", "{\"_type\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> KeyedAttestations.verify(notAStatement, keys.getPublic(), digest("sha256", ARTIFACT)))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.STATEMENT_FORMAT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EC", "Ed25519", "RSA"})
    void cosignBlobSignaturesVerifyWithPemKeysAndRejectOtherBlobs(String kind) throws Exception {
        KeyPair keys = keys(kind);
        byte[] signature = sign(keys, ARTIFACT);

        KeySignatures.verify(PublicKeys.fromPem(pem(keys)), ARTIFACT, signature);
        assertThatThrownBy(() ->
                        KeySignatures.verify(keys.getPublic(), "other".getBytes(StandardCharsets.UTF_8), signature))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SIGNATURE));
    }

    @Test
    void digestsParseAndRefuseMalformedInput() {
        assertThat(Digest.parse("SHA256:" + HexFormat.of().formatHex(new byte[32]))
                        .algorithm())
                .isEqualTo("sha256");
        assertThatThrownBy(() -> Digest.parse("sha256:abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Digest.parse("md5:" + "0".repeat(32))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublicKeys.fromPem("not a key")).isInstanceOf(VerificationException.class);
    }
}
