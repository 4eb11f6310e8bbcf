package dev.vouch.registry.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vouch.provenance.fixtures.FakeSigstore;
import dev.vouch.registry.evidence.EvidenceSources;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * An OCI image pinned by digest ({@code registry.test/acme/weather@sha256:…}) whose registry is a
 * WireMock server, and a fake Sigstore to sign its evidence: what the end-to-end publish tests (and the
 * web catalog's browser tests) share.
 */
public final class SignedImage {

    public static final String REPOSITORY = "https://github.com/acme/weather";
    static final byte[] MANIFEST = "{\"schemaVersion\":2,\"layers\":[]}".getBytes(StandardCharsets.UTF_8);

    final WireMockServer oci = new WireMockServer(options().dynamicPort());
    public final FakeSigstore sigstore = new FakeSigstore();
    public final String digest;

    public SignedImage() {
        try {
            digest = "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(MANIFEST));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        oci.start();
    }

    public String identifier() {
        return "registry.test/acme/weather@" + digest;
    }

    /** Where the registry under test fetches evidence: this WireMock for the OCI registry and npm. */
    public EvidenceSources sources() {
        return new EvidenceSources(
                Map.of("registry.test", URI.create(oci.baseUrl())), URI.create(oci.baseUrl()), Duration.ofSeconds(5));
    }

    static FakeSigstore.Signer signer(String repository) {
        return FakeSigstore.Signer.githubWorkflow(repository);
    }

    /** A keyless signature, SLSA provenance from {@code provenanceRepository} and an SPDX SBOM of one component. */
    public List<String> evidence(String provenanceRepository, String componentPurl) {
        byte[] slsa = FakeSigstore.statement(
                MANIFEST,
                "https://slsa.dev/provenance/v1",
                Map.of(
                        "buildDefinition",
                                Map.of(
                                        "externalParameters",
                                        Map.of(
                                                "workflow",
                                                Map.of("repository", provenanceRepository, "ref", "refs/tags/v1.0.0"))),
                        "runDetails",
                                Map.of("builder", Map.of("id", "https://github.com/actions/runner/github-hosted"))));
        byte[] spdx = FakeSigstore.statement(
                MANIFEST,
                "https://spdx.dev/Document",
                Map.of(
                        "spdxVersion",
                        "SPDX-2.3",
                        "packages",
                        List.of(Map.of(
                                "name",
                                "lodash",
                                "versionInfo",
                                componentPurl.substring(componentPurl.indexOf('@') + 1),
                                "externalRefs",
                                List.of(Map.of("referenceType", "purl", "referenceLocator", componentPurl))))));
        return List.of(
                sigstore.blobBundle(MANIFEST, signer("acme/weather"), FakeSigstore.Mutation.NONE),
                sigstore.dsseBundle(slsa, signer("acme/weather"), FakeSigstore.Mutation.NONE),
                sigstore.dsseBundle(spdx, signer("acme/weather"), FakeSigstore.Mutation.NONE));
    }

    /** Serves the given bundles as OCI 1.1 referrers of the image. */
    public void serveReferrers(List<String> bundles) {
        StringBuilder manifests = new StringBuilder();
        int i = 0;
        for (String bundle : bundles) {
            byte[] bytes = bundle.getBytes(StandardCharsets.UTF_8);
            String blob = "sha256:" + sha256Hex(bytes);
            String referrer = "sha256:" + String.format("%064x", ++i);
            oci.stubFor(get(urlEqualTo("/v2/acme/weather/manifests/" + referrer))
                    .willReturn(aResponse().withStatus(200).withBody("{\"layers\":[{\"digest\":\"" + blob + "\"}]}")));
            oci.stubFor(get(urlEqualTo("/v2/acme/weather/blobs/" + blob))
                    .willReturn(aResponse().withStatus(200).withBody(bytes)));
            manifests
                    .append(manifests.length() == 0 ? "" : ",")
                    .append("{\"digest\":\"")
                    .append(referrer)
                    .append("\",\"artifactType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\"}");
        }
        oci.stubFor(get(urlPathEqualTo("/v2/acme/weather/referrers/" + digest))
                .willReturn(aResponse().withStatus(200).withBody("{\"manifests\":[" + manifests + "]}")));
    }

    /** The registry has no referrers API and no cosign tags for the image. */
    void serveNothing() {
        oci.stubFor(get(urlPathEqualTo("/v2/acme/weather/referrers/" + digest))
                .willReturn(aResponse().withStatus(404)));
        oci.stubFor(get(urlEqualTo("/v2/acme/weather/manifests/sha256-" + digest.substring(7) + ".sig"))
                .willReturn(aResponse().withStatus(404)));
        oci.stubFor(get(urlEqualTo("/v2/acme/weather/manifests/sha256-" + digest.substring(7) + ".att"))
                .willReturn(aResponse().withStatus(404)));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void stop() {
        oci.stop();
    }
}
