package dev.vouch.provenance.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.provenance.Digest;
import dev.vouch.provenance.JsonMappers;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fetches a package version's attestations from npm's endpoint
 * {@code /-/npm/v1/attestations/<name>@<version>}: Sigstore bundles with their predicate types
 * (npm provenance as SLSA, and npm's publish attestation), and the version's tarball integrity, the
 * digest those attestations name as their subject.
 */
public final class NpmAttestationFetcher {

    private static final Pattern NAME = Pattern.compile("(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+-]{1,255}");
    private static final ObjectMapper JSON = JsonMappers.JSON;

    private final URI registry;
    private final HttpFetch http;

    /** @param registry the registry base URL, such as {@code https://registry.npmjs.org} */
    public NpmAttestationFetcher(URI registry, Duration timeout) {
        this.registry = registry;
        this.http = new HttpFetch(timeout);
    }

    /** The SHA-512 of the version's tarball, from the {@code dist.integrity} the registry publishes. */
    public Digest integrity(String name, String version) throws EvidenceFetchException {
        requireValid(name, version);
        String path = "/" + name.replace("/", "%2f") + "/" + version;
        HttpFetch.Response response = http.get(registry.resolve(path), Optional.empty(), "application/json");
        if (response.status() != 200) {
            throw new EvidenceFetchException("npm metadata of " + name + "@" + version + ": HTTP " + response.status());
        }
        String integrity;
        try {
            integrity = JSON.readTree(response.body())
                    .path("dist")
                    .path("integrity")
                    .asText("");
        } catch (IOException e) {
            throw new EvidenceFetchException("npm metadata of " + name + "@" + version + " is not JSON", e);
        }
        // Subresource-integrity form: space-separated "<alg>-<base64>" entries.
        for (String entry : integrity.split(" ")) {
            if (entry.startsWith("sha512-")) {
                try {
                    return new Digest(
                            "sha512",
                            HexFormat.of().formatHex(Base64.getDecoder().decode(entry.substring("sha512-".length()))));
                } catch (IllegalArgumentException e) {
                    throw new EvidenceFetchException("npm integrity of " + name + "@" + version + " is malformed", e);
                }
            }
        }
        throw new EvidenceFetchException("npm metadata of " + name + "@" + version + " has no sha512 integrity");
    }

    /** The version's attestations; empty when the registry has none for it. */
    public List<FetchedEvidence> fetch(String name, String version) throws EvidenceFetchException {
        requireValid(name, version);
        String path = "/-/npm/v1/attestations/" + name.replace("/", "%2f") + "@" + version;
        HttpFetch.Response response = http.get(registry.resolve(path), Optional.empty(), "application/json");
        if (response.status() == 404) {
            return List.of();
        }
        if (response.status() != 200) {
            throw new EvidenceFetchException(
                    "npm attestations of " + name + "@" + version + ": HTTP " + response.status());
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new EvidenceFetchException("npm attestations of " + name + "@" + version + " are not JSON", e);
        }
        List<FetchedEvidence> evidence = new ArrayList<>();
        for (JsonNode attestation : body.path("attestations")) {
            FetchedEvidence.requireRoom(evidence.size(), name + "@" + version);
            JsonNode bundle = attestation.path("bundle");
            if (!bundle.isObject()) {
                throw new EvidenceFetchException("an npm attestation of " + name + "@" + version + " has no bundle");
            }
            evidence.add(new FetchedEvidence.SigstoreBundle(
                    name + "@" + version,
                    Optional.of(attestation.path("predicateType").asText()).filter(t -> !t.isEmpty()),
                    bundle.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return evidence;
    }

    private static void requireValid(String name, String version) throws EvidenceFetchException {
        if (!NAME.matcher(name).matches() || !VERSION.matcher(version).matches()) {
            throw new EvidenceFetchException("'" + name + "@" + version + "' is not an npm package version");
        }
    }
}
