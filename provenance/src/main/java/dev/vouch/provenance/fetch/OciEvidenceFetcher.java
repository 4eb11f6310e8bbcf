package dev.vouch.provenance.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.provenance.Digest;
import dev.vouch.provenance.Hashes;
import dev.vouch.provenance.JsonMappers;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fetches the signatures and attestations of an image from an OCI registry: OCI 1.1 referrers whose
 * artifact type is a Sigstore bundle, falling back to cosign's legacy {@code sha256-<hex>.sig} and
 * {@code .att} tags when the registry has no referrers API. Speaks the registry token handshake.
 */
public final class OciEvidenceFetcher {

    public static final String SIGSTORE_BUNDLE_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";
    private static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    private static final String SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";
    private static final String CERTIFICATE_ANNOTATION = "dev.sigstore.cosign/certificate";
    private static final String CHAIN_ANNOTATION = "dev.sigstore.cosign/chain";
    private static final String BUNDLE_ANNOTATION = "dev.sigstore.cosign/bundle";
    private static final Pattern REPOSITORY =
            Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*");
    private static final ObjectMapper JSON = JsonMappers.JSON;

    private final URI registry;
    private final HttpFetch http;
    private final Map<String, String> tokens = new HashMap<>();

    /** @param registry the registry's base URL, such as {@code https://ghcr.io} */
    public OciEvidenceFetcher(URI registry, Duration timeout) {
        this.registry = registry;
        this.http = new HttpFetch(timeout);
    }

    /** Every signature and attestation found for {@code manifest} in {@code repository}. */
    public List<FetchedEvidence> fetch(String repository, Digest manifest) throws EvidenceFetchException {
        if (!REPOSITORY.matcher(repository).matches()) {
            throw new EvidenceFetchException("'" + repository + "' is not an OCI repository name");
        }
        if (!"sha256".equals(manifest.algorithm())) {
            throw new EvidenceFetchException("an image must be pinned by sha256 digest");
        }
        Optional<List<FetchedEvidence>> referrers = referrers(repository, manifest);
        if (referrers.isPresent() && !referrers.get().isEmpty()) {
            return referrers.get();
        }
        List<FetchedEvidence> evidence = new ArrayList<>();
        String tag = "sha256-" + manifest.hex();
        evidence.addAll(tagged(repository, tag + ".sig", false));
        evidence.addAll(tagged(repository, tag + ".att", true));
        return evidence;
    }

    /** Referrers whose artifact type is a Sigstore bundle; empty when the registry has no referrers API. */
    private Optional<List<FetchedEvidence>> referrers(String repository, Digest manifest)
            throws EvidenceFetchException {
        HttpFetch.Response index = get(
                repository,
                "/v2/" + repository + "/referrers/" + manifest + "?artifactType="
                        + URLEncoder.encode(SIGSTORE_BUNDLE_TYPE, StandardCharsets.UTF_8),
                OCI_INDEX);
        if (index.status() == 404) {
            return Optional.empty();
        }
        requireOk(index, "referrers of " + manifest);
        List<FetchedEvidence> bundles = new ArrayList<>();
        for (JsonNode descriptor : json(index, "referrers index").path("manifests")) {
            if (!SIGSTORE_BUNDLE_TYPE.equals(descriptor.path("artifactType").asText())) {
                continue;
            }
            FetchedEvidence.requireRoom(bundles.size(), manifest);
            String referrer = descriptor.path("digest").asText();
            JsonNode referrerManifest = json(
                    requireOk(
                            get(repository, "/v2/" + repository + "/manifests/" + referrer, OCI_MANIFEST),
                            "referrer " + referrer),
                    "referrer manifest");
            for (JsonNode layer : referrerManifest.path("layers")) {
                FetchedEvidence.requireRoom(bundles.size(), manifest);
                String blob = layer.path("digest").asText();
                bundles.add(new FetchedEvidence.SigstoreBundle(
                        repository + "@" + referrer, Optional.empty(), blob(repository, blob)));
            }
        }
        return Optional.of(bundles);
    }

    private List<FetchedEvidence> tagged(String repository, String tag, boolean attestation)
            throws EvidenceFetchException {
        HttpFetch.Response response =
                get(repository, "/v2/" + repository + "/manifests/" + tag, OCI_MANIFEST, DOCKER_MANIFEST);
        if (response.status() == 404) {
            return List.of();
        }
        JsonNode manifest = json(requireOk(response, "tag " + tag), "manifest of " + tag);
        List<FetchedEvidence> evidence = new ArrayList<>();
        for (JsonNode layer : manifest.path("layers")) {
            FetchedEvidence.requireRoom(evidence.size(), tag);
            JsonNode annotations = layer.path("annotations");
            byte[] content = blob(repository, layer.path("digest").asText());
            Optional<String> certificate = text(annotations, CERTIFICATE_ANNOTATION);
            Optional<String> chain = text(annotations, CHAIN_ANNOTATION);
            Optional<String> rekorBundle = text(annotations, BUNDLE_ANNOTATION);
            String source = repository + ":" + tag;
            if (attestation) {
                evidence.add(new FetchedEvidence.CosignAttestation(source, content, certificate, chain, rekorBundle));
            } else {
                String signature = text(annotations, SIGNATURE_ANNOTATION)
                        .orElseThrow(() -> new EvidenceFetchException(
                                source + " has a layer without a cosign signature annotation"));
                evidence.add(new FetchedEvidence.CosignSignature(
                        source, content, signature, certificate, chain, rekorBundle));
            }
        }
        return evidence;
    }

    private byte[] blob(String repository, String digest) throws EvidenceFetchException {
        Digest expected;
        try {
            expected = Digest.parse(digest);
        } catch (IllegalArgumentException e) {
            throw new EvidenceFetchException("layer digest '" + digest + "' is malformed");
        }
        byte[] content = requireOk(get(repository, "/v2/" + repository + "/blobs/" + digest), "blob " + digest)
                .body();
        // Content addressing: a registry that serves other bytes for a digest is lying, not slow.
        if (!Hashes.supports(expected.algorithm())) {
            throw new EvidenceFetchException("unsupported digest algorithm " + expected.algorithm());
        }
        if (!expected.equals(Hashes.digest(expected.algorithm(), content))) {
            throw new EvidenceFetchException("blob " + digest + " does not match its digest");
        }
        return content;
    }

    private HttpFetch.Response get(String repository, String path, String... accept) throws EvidenceFetchException {
        URI uri = registry.resolve(path);
        HttpFetch.Response response = http.get(uri, Optional.ofNullable(tokens.get(repository)), accept);
        if (response.status() == 401 && response.header("WWW-Authenticate").isPresent()) {
            tokens.put(
                    repository,
                    RegistryToken.obtain(
                            http, response.header("WWW-Authenticate").get()));
            response = http.get(uri, Optional.of(tokens.get(repository)), accept);
        }
        return response;
    }

    private static HttpFetch.Response requireOk(HttpFetch.Response response, String what)
            throws EvidenceFetchException {
        if (response.status() != 200) {
            throw new EvidenceFetchException(what + ": registry answered HTTP " + response.status());
        }
        return response;
    }

    private static JsonNode json(HttpFetch.Response response, String what) throws EvidenceFetchException {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new EvidenceFetchException(what + " is not JSON", e);
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.path(field).isTextual() ? Optional.of(node.get(field).asText()) : Optional.empty();
    }
}
