package dev.vouch.provenance.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fetches a package version's attestations from npm's endpoint
 * {@code /-/npm/v1/attestations/<name>@<version>}: Sigstore bundles with their predicate types
 * (npm provenance as SLSA, and npm's publish attestation).
 */
public final class NpmAttestationFetcher {

    private static final Pattern NAME = Pattern.compile("(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+-]{1,255}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI registry;
    private final HttpFetch http;

    /** @param registry the registry base URL, such as {@code https://registry.npmjs.org} */
    public NpmAttestationFetcher(URI registry, Duration timeout) {
        this.registry = registry;
        this.http = new HttpFetch(timeout);
    }

    /** The version's attestations; empty when the registry has none for it. */
    public List<FetchedEvidence> fetch(String name, String version) throws EvidenceFetchException {
        if (!NAME.matcher(name).matches() || !VERSION.matcher(version).matches()) {
            throw new EvidenceFetchException("'" + name + "@" + version + "' is not an npm package version");
        }
        String path = "/-/npm/v1/attestations/" + name.replace("/", "%2f") + "@" + version;
        HttpFetch.Response response = http.get(registry.resolve(path), Optional.empty(), "application/json");
        if (response.status() == 404) {
            return List.of();
        }
        if (response.status() != 200) {
            throw new EvidenceFetchException("npm attestations of " + name + "@" + version + ": HTTP " + response.status());
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new EvidenceFetchException("npm attestations of " + name + "@" + version + " are not JSON", e);
        }
        List<FetchedEvidence> evidence = new ArrayList<>();
        for (JsonNode attestation : body.path("attestations")) {
            JsonNode bundle = attestation.path("bundle");
            if (!bundle.isObject()) {
                throw new EvidenceFetchException("an npm attestation of " + name + "@" + version + " has no bundle");
            }
            evidence.add(new FetchedEvidence.SigstoreBundle(name + "@" + version,
                    Optional.of(attestation.path("predicateType").asText()).filter(t -> !t.isEmpty()),
                    bundle.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return evidence;
    }
}
