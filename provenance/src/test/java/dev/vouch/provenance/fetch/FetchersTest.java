package dev.vouch.provenance.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vouch.provenance.Digest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The evidence fetchers against WireMock standing in for an OCI registry and npm. */
class FetchersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Digest IMAGE = Digest.parse("sha256:" + "ab".repeat(32));
    private static final String REPO = "acme/weather";

    WireMockServer registry;
    OciEvidenceFetcher oci;

    @BeforeEach
    void start() {
        registry = new WireMockServer(options().dynamicPort());
        registry.start();
        oci = new OciEvidenceFetcher(URI.create(registry.baseUrl()), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        // Every request a fetcher made was one the test expected: nothing reached past the stubs.
        assertThat(registry.findAllUnmatchedRequests()).isEmpty();
        registry.stop();
    }

    static String sha256(byte[] content) throws Exception {
        return "sha256:"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    void stubBlob(byte[] content) throws Exception {
        registry.stubFor(get(urlEqualTo("/v2/" + REPO + "/blobs/" + sha256(content)))
                .willReturn(aResponse().withStatus(200).withBody(content)));
    }

    void stubNoReferrersApi() {
        registry.stubFor(get(urlPathEqualTo("/v2/" + REPO + "/referrers/" + IMAGE))
                .willReturn(aResponse().withStatus(404)));
    }

    @Test
    void referrersWithSigstoreBundlesAreFetched() throws Exception {
        byte[] bundle =
                "{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\"}".getBytes(StandardCharsets.UTF_8);
        String referrer = "sha256:" + "cd".repeat(32);
        registry.stubFor(get(urlPathEqualTo("/v2/" + REPO + "/referrers/" + IMAGE))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{\"schemaVersion\":2,\"manifests\":[{\"digest\":\"" + referrer
                                + "\",\"artifactType\":\""
                                + OciEvidenceFetcher.SIGSTORE_BUNDLE_TYPE + "\"},{\"digest\":\"sha256:"
                                + "ef".repeat(32)
                                + "\",\"artifactType\":\"application/spdx+json\"}]}")));
        registry.stubFor(get(urlEqualTo("/v2/" + REPO + "/manifests/" + referrer))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{\"layers\":[{\"digest\":\"" + sha256(bundle) + "\"}]}")));
        stubBlob(bundle);

        List<FetchedEvidence> evidence = oci.fetch(REPO, IMAGE);

        assertThat(evidence)
                .singleElement()
                .isInstanceOfSatisfying(
                        FetchedEvidence.SigstoreBundle.class,
                        b -> assertThat(b.bundleJson()).isEqualTo(bundle));
    }

    @Test
    void aRegistryListingMoreEvidenceThanTheCapIsRefusedNotReadToTheEnd() throws Exception {
        byte[] bundle = "{}".getBytes(StandardCharsets.UTF_8);
        String referrer = "sha256:" + "cd".repeat(32);
        registry.stubFor(get(urlPathEqualTo("/v2/" + REPO + "/referrers/" + IMAGE))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{\"manifests\":[{\"digest\":\"" + referrer + "\",\"artifactType\":\""
                                + OciEvidenceFetcher.SIGSTORE_BUNDLE_TYPE + "\"}]}")));
        String layer = "{\"digest\":\"" + sha256(bundle) + "\"}";
        registry.stubFor(get(urlEqualTo("/v2/" + REPO + "/manifests/" + referrer))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{\"layers\":["
                                + String.join(
                                        ",", java.util.Collections.nCopies(FetchedEvidence.MAX_PER_ARTIFACT + 1, layer))
                                + "]}")));
        stubBlob(bundle);

        assertThatThrownBy(() -> oci.fetch(REPO, IMAGE))
                .isInstanceOf(EvidenceFetchException.class)
                .hasMessageContaining("more than " + FetchedEvidence.MAX_PER_ARTIFACT);
        assertThat(registry.getAllServeEvents()).hasSize(2 + FetchedEvidence.MAX_PER_ARTIFACT);
    }

    @Test
    void withoutAReferrersApiTheLegacyTagsAreRead() throws Exception {
        stubNoReferrersApi();
        byte[] payload = "{\"critical\":{\"image\":{\"docker-manifest-digest\":\"sha256:abab\"}}}"
                .getBytes(StandardCharsets.UTF_8);
        ObjectNode layer = JSON.createObjectNode().put("digest", sha256(payload));
        layer.putObject("annotations")
                .put("dev.cosignproject.cosign/signature", "MEUCIQ==")
                .put("dev.sigstore.cosign/certificate", "-----BEGIN CERTIFICATE-----")
                .put("dev.sigstore.cosign/bundle", "{\"SignedEntryTimestamp\":\"x\"}");
        registry.stubFor(get(urlEqualTo("/v2/" + REPO + "/manifests/sha256-" + IMAGE.hex() + ".sig"))
                .willReturn(aResponse().withStatus(200).withBody("{\"layers\":[" + layer + "]}")));
        stubBlob(payload);
        byte[] envelope = "{\"payloadType\":\"application/vnd.in-toto+json\",\"payload\":\"e30=\",\"signatures\":[]}"
                .getBytes(StandardCharsets.UTF_8);
        registry.stubFor(get(urlEqualTo("/v2/" + REPO + "/manifests/sha256-" + IMAGE.hex() + ".att"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{\"layers\":[{\"digest\":\"" + sha256(envelope) + "\"}]}")));
        stubBlob(envelope);

        List<FetchedEvidence> evidence = oci.fetch(REPO, IMAGE);

        assertThat(evidence).hasSize(2);
        assertThat(evidence.get(0)).isInstanceOfSatisfying(FetchedEvidence.CosignSignature.class, s -> {
            assertThat(s.payload()).isEqualTo(payload);
            assertThat(s.signatureBase64()).isEqualTo("MEUCIQ==");
            assertThat(s.certificatePem()).isPresent();
            assertThat(s.rekorBundleJson()).isPresent();
        });
        assertThat(evidence.get(1)).isInstanceOf(FetchedEvidence.CosignAttestation.class);
    }

    @Test
    void noEvidenceAnywhereIsAnEmptyList() throws Exception {
        stubNoReferrersApi();
        registry.stubFor(get(urlPathEqualTo("/v2/" + REPO + "/manifests/sha256-" + IMAGE.hex() + ".sig"))
                .willReturn(aResponse().withStatus(404)));
        registry.stubFor(get(urlPathEqualTo("/v2/" + REPO + "/manifests/sha256-" + IMAGE.hex() + ".att"))
                .willReturn(aResponse().withStatus(404)));

        assertThat(oci.fetch(REPO, IMAGE)).isEmpty();
    }

    @Test
    void theTokenHandshakeIsFollowed() throws Exception {
        String challenge = "Bearer realm=\"" + registry.baseUrl()
                + "/token\",service=\"registry.test\",scope=\"repository:" + REPO + ":pull\"";
        registry.stubFor(get(urlPathEqualTo("/v2/" + REPO + "/referrers/" + IMAGE))
                .withHeader("Authorization", equalTo("Bearer t0k3n"))
                .willReturn(aResponse().withStatus(200).withBody("{\"manifests\":[]}"))
                .atPriority(1));
        registry.stubFor(get(urlPathEqualTo("/v2/" + REPO + "/referrers/" + IMAGE))
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", challenge))
                .atPriority(5));
        registry.stubFor(
                get(urlEqualTo("/token?service=registry.test&scope=repository%3A" + "acme%2Fweather" + "%3Apull"))
                        .willReturn(aResponse().withStatus(200).withBody("{\"token\":\"t0k3n\"}")));
        registry.stubFor(get(urlPathEqualTo("/v2/" + REPO + "/manifests/sha256-" + IMAGE.hex() + ".sig"))
                .withHeader("Authorization", equalTo("Bearer t0k3n"))
                .willReturn(aResponse().withStatus(404)));
        registry.stubFor(get(urlPathEqualTo("/v2/" + REPO + "/manifests/sha256-" + IMAGE.hex() + ".att"))
                .withHeader("Authorization", equalTo("Bearer t0k3n"))
                .willReturn(aResponse().withStatus(404)));

        assertThat(oci.fetch(REPO, IMAGE)).isEmpty();
    }

    @Test
    void aBlobThatIsNotItsDigestIsRefused() throws Exception {
        stubNoReferrersApi();
        String claimed = "sha256:" + "12".repeat(32);
        registry.stubFor(get(urlEqualTo("/v2/" + REPO + "/manifests/sha256-" + IMAGE.hex() + ".sig"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{\"layers\":[{\"digest\":\"" + claimed
                                + "\",\"annotations\":{\"dev.cosignproject.cosign/signature\":\"x\"}}]}")));
        registry.stubFor(get(urlEqualTo("/v2/" + REPO + "/blobs/" + claimed))
                .willReturn(aResponse().withStatus(200).withBody("other")));

        assertThatThrownBy(() -> oci.fetch(REPO, IMAGE))
                .isInstanceOf(EvidenceFetchException.class)
                .hasMessageContaining("does not match its digest");
    }

    @Test
    void aSlowRegistryIsATimeoutReason() {
        registry.stubFor(get(urlPathEqualTo("/v2/" + REPO + "/referrers/" + IMAGE))
                .willReturn(aResponse().withStatus(200).withFixedDelay(3000).withBody("{}")));
        OciEvidenceFetcher impatient = new OciEvidenceFetcher(URI.create(registry.baseUrl()), Duration.ofMillis(300));

        assertThatThrownBy(() -> impatient.fetch(REPO, IMAGE))
                .isInstanceOf(EvidenceFetchException.class)
                .hasMessageContaining("did not answer within 300 ms");
    }

    @Test
    void unpinnedOrMalformedReferencesAreRefusedWithoutARequest() {
        assertThatThrownBy(() -> oci.fetch("Acme/../x", IMAGE)).isInstanceOf(EvidenceFetchException.class);
        assertThatThrownBy(() -> oci.fetch(REPO, Digest.parse("sha512:" + "0".repeat(128))))
                .isInstanceOf(EvidenceFetchException.class);
    }

    @Test
    void npmAttestationsAreFetchedWithTheirPredicateTypes() throws Exception {
        registry.stubFor(
                get(urlEqualTo("/-/npm/v1/attestations/@acme%2fweather@1.0.0"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withBody(
                                                "{\"attestations\":[{\"predicateType\":\"https://slsa.dev/provenance/v1\",\"bundle\":{\"mediaType\":\"x\"}},"
                                                        + "{\"predicateType\":\"https://github.com/npm/attestation/tree/main/specs/publish/v0.1\",\"bundle\":{\"mediaType\":\"y\"}}]}")));
        registry.stubFor(get(urlEqualTo("/-/npm/v1/attestations/weather@9.9.9"))
                .willReturn(aResponse().withStatus(404)));
        NpmAttestationFetcher npm = new NpmAttestationFetcher(URI.create(registry.baseUrl()), Duration.ofSeconds(2));

        List<FetchedEvidence> evidence = npm.fetch("@acme/weather", "1.0.0");

        assertThat(evidence)
                .hasSize(2)
                .first()
                .isInstanceOfSatisfying(
                        FetchedEvidence.SigstoreBundle.class,
                        b -> assertThat(b.predicateType()).contains("https://slsa.dev/provenance/v1"));
        assertThat(npm.fetch("weather", "9.9.9")).isEmpty();
        assertThatThrownBy(() -> npm.fetch("../../etc", "1.0.0")).isInstanceOf(EvidenceFetchException.class);
    }

    @Test
    void npmIntegrityIsTheTarballsSha512AndItsAbsenceIsAReason() throws Exception {
        byte[] sha512 = MessageDigest.getInstance("SHA-512").digest("tarball".getBytes(StandardCharsets.UTF_8));
        registry.stubFor(get(urlEqualTo("/@acme%2fweather/1.0.0"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{\"dist\":{\"integrity\":\"sha1-AAAA sha512-"
                                + java.util.Base64.getEncoder().encodeToString(sha512) + "\"}}")));
        registry.stubFor(get(urlEqualTo("/weather/1.0.0"))
                .willReturn(aResponse().withStatus(200).withBody("{\"dist\":{\"shasum\":\"abc\"}}")));
        registry.stubFor(
                get(urlEqualTo("/weather/2.0.0")).willReturn(aResponse().withStatus(404)));
        NpmAttestationFetcher npm = new NpmAttestationFetcher(URI.create(registry.baseUrl()), Duration.ofSeconds(2));

        assertThat(npm.integrity("@acme/weather", "1.0.0"))
                .isEqualTo(new Digest("sha512", HexFormat.of().formatHex(sha512)));
        assertThatThrownBy(() -> npm.integrity("weather", "1.0.0")).hasMessageContaining("no sha512 integrity");
        assertThatThrownBy(() -> npm.integrity("weather", "2.0.0")).hasMessageContaining("HTTP 404");
    }

    @Test
    void bearerChallengesParseInOnePass() throws Exception {
        assertThat(RegistryToken.parseBearerChallenge(
                        "Bearer realm=\"https://auth.example/token\",service=\"reg\",scope=\"repository:a/b:pull\""))
                .containsEntry("realm", "https://auth.example/token")
                .containsEntry("scope", "repository:a/b:pull");
        assertThatThrownBy(() -> RegistryToken.parseBearerChallenge("Basic realm=\"x\""))
                .isInstanceOf(EvidenceFetchException.class);
    }
}
