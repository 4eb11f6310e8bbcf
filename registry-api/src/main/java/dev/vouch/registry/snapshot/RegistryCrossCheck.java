package dev.vouch.registry.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.registry.domain.Digests;
import dev.vouch.registry.domain.JsonMappers;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Compares what a registry serves with a verified snapshot of it: every listed version's exact manifest
 * bytes are fetched again and hashed, and every version the catalog lists must be in the snapshot with
 * the same manifest, status, tier and tool-set digest. Each difference names its row.
 */
public final class RegistryCrossCheck {

    private static final ObjectMapper JSON = JsonMappers.JSON;
    private static final String API = "/v0.1";
    private static final int PAGE = 100;

    private final URI registry;
    private final HttpClient client;
    private final Duration timeout;

    public RegistryCrossCheck(URI registry, Duration timeout) {
        this.registry = registry;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The registry's current snapshot envelope. */
    public byte[] snapshot() {
        Fetched fetched = get(API + "/snapshot");
        if (fetched.status() != 200) {
            throw new UnreachableRegistryException(registry + API + "/snapshot answered HTTP " + fetched.status());
        }
        return fetched.body();
    }

    /** Every difference between the served catalog and {@code snapshot}, one line per row; empty when none. */
    public List<String> differences(CatalogSnapshot snapshot) {
        Map<String, JsonNode> served = servedCatalog();
        List<String> differences = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (CatalogSnapshot.Entry entry : snapshot.versions()) {
            String row = entry.coordinates();
            listed.add(row);
            Fetched manifest = get(
                    API + "/servers/" + encode(entry.name()) + "/versions/" + encode(entry.version()) + "/server.json");
            if (manifest.status() == 404) {
                differences.add(row + ": in the snapshot but not served");
                continue;
            }
            if (manifest.status() != 200) {
                differences.add(row + ": its manifest answered HTTP " + manifest.status());
                continue;
            }
            String digest = sha256(manifest.body());
            if (!digest.equals(entry.manifestSha256())) {
                differences.add(row + ": served manifest has sha256 " + digest + ", the snapshot records "
                        + entry.manifestSha256());
            }
            JsonNode listing = served.get(row);
            if (listing == null) {
                differences.add(row + ": in the snapshot but missing from the served catalog");
                continue;
            }
            compareListing(row, entry, manifest.body(), listing).ifPresent(differences::add);
        }
        served.keySet().stream()
                .filter(row -> !listed.contains(row))
                .forEach(row -> differences.add(row + ": served but missing from the snapshot"));
        return differences;
    }

    private static Optional<String> compareListing(
            String row, CatalogSnapshot.Entry entry, byte[] exactManifest, JsonNode listing) {
        List<String> fields = new ArrayList<>();
        Optional<JsonNode> exact = parse(exactManifest);
        if (exact.isEmpty()) {
            fields.add("manifest bytes that are not JSON");
        } else if (!canonical(listing.path("server")).equals(canonical(exact.get()))) {
            fields.add("manifest (the listing and the exact bytes differ)");
        }
        JsonNode official = listing.path("_meta").path("io.modelcontextprotocol.registry/official");
        if (!entry.status().equals(official.path("status").asText())) {
            fields.add("status " + official.path("status").asText() + " (snapshot: " + entry.status() + ")");
        }
        JsonNode trust = listing.path("_meta").path("io.vouch.registry/trust");
        if (!entry.tier().equals(trust.path("tier").asText())) {
            fields.add("tier " + trust.path("tier").asText() + " (snapshot: " + entry.tier() + ")");
        }
        Optional<String> toolsDigest = trust.path("toolsDigest").isTextual()
                ? Optional.of(trust.path("toolsDigest").asText())
                : Optional.empty();
        if (entry.toolsDigest().isPresent() && !entry.toolsDigest().equals(toolsDigest)) {
            fields.add("tool-set digest " + toolsDigest.orElse("none") + " (snapshot: "
                    + entry.toolsDigest().get() + ")");
        }
        return fields.isEmpty() ? Optional.empty() : Optional.of(row + ": served " + String.join(", ", fields));
    }

    /** The served catalog, every page of it, by {@code name@version}. */
    private Map<String, JsonNode> servedCatalog() {
        Map<String, JsonNode> served = new LinkedHashMap<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        do {
            Fetched page = get(API + "/servers?limit=" + PAGE + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            if (page.status() != 200) {
                throw new UnreachableRegistryException(registry + API + "/servers answered HTTP " + page.status());
            }
            JsonNode body = parse(page.body())
                    .orElseThrow(() -> new UnreachableRegistryException(
                            registry + API + "/servers answered with a page that is not JSON"));
            for (JsonNode entry : body.path("servers")) {
                served.put(
                        entry.path("server").path("name").asText() + "@"
                                + entry.path("server").path("version").asText(),
                        entry);
            }
            String next = body.path("metadata").path("nextCursor").asText("");
            cursor = next.isEmpty() ? null : next;
            if (cursor != null && !cursors.add(cursor)) {
                throw new UnreachableRegistryException(
                        "the registry's catalog pages loop (cursor " + cursor + " came back)");
            }
        } while (cursor != null);
        return served;
    }

    private record Fetched(int status, byte[] body) {}

    private Fetched get(String path) {
        try {
            HttpResponse<byte[]> response = client.send(
                    HttpRequest.newBuilder(registry.resolve(path))
                            .timeout(timeout)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Fetched(response.statusCode(), response.body());
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreachableRegistryException(
                    "cannot reach " + registry + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableRegistryException("interrupted while reading " + registry, e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String canonical(JsonNode node) {
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(node)).getEncodedString();
        } catch (IOException e) {
            throw new IllegalStateException("a parsed JSON value cannot be canonicalised", e);
        }
    }

    private static Optional<JsonNode> parse(byte[] bytes) {
        try {
            return Optional.ofNullable(JSON.readTree(bytes));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String sha256(byte[] bytes) {
        return Digests.sha256Hex(bytes);
    }

    /** The registry could not be read: no verdict on the snapshot is possible. */
    public static final class UnreachableRegistryException extends RuntimeException {
        UnreachableRegistryException(String message) {
            super(message);
        }

        UnreachableRegistryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
