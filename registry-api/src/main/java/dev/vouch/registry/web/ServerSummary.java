package dev.vouch.registry.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.store.StoredVersion;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a catalog card shows of a server's latest version: identity, status and the trust badges, read
 * from the stored manifest and trust summary once, when the version enters the catalog index.
 */
public record ServerSummary(
        String name,
        String title,
        String description,
        String version,
        String status,
        Instant updatedAt,
        String tier,
        boolean signed,
        boolean sbom,
        int sbomComponents,
        boolean provenance,
        String verdict,
        int findings,
        int vulnerabilities,
        String worstSeverity,
        boolean flagged,
        Set<String> transports,
        Set<String> packageTypes) {

    public ServerSummary {
        transports = Set.copyOf(transports);
        packageTypes = Set.copyOf(packageTypes);
    }

    static ServerSummary of(StoredVersion version) {
        JsonNode manifest = Json.read(version.manifest());
        JsonNode trust = Json.read(version.trust());
        Set<String> transports = new TreeSet<>();
        Set<String> types = new TreeSet<>();
        for (JsonNode pkg : manifest.path("packages")) {
            String type = Json.text(pkg, "registryType");
            if (!type.isEmpty()) {
                types.add(type);
            }
            String transport = Json.text(pkg.path("transport"), "type");
            transports.add("stdio".equals(transport) || transport.isEmpty() ? "stdio" : "remote");
        }
        if (!manifest.path("remotes").isEmpty()) {
            transports.add("remote");
        }
        JsonNode scan = trust.path("scan");
        JsonNode vulnerabilities = trust.path("vulnerabilities");
        return new ServerSummary(
                version.serverName(),
                Json.text(manifest, "title"),
                Json.text(manifest, "description"),
                version.version(),
                version.status().wireName(),
                version.updatedAt(),
                version.tier(),
                trust.path("signature").path("verified").asBoolean(false),
                trust.path("sbom").path("present").asBoolean(false),
                trust.path("sbom").path("components").asInt(0),
                trust.path("provenance").isObject(),
                scan.path("verdict").isTextual() ? scan.path("verdict").asText() : "unscanned",
                scan.path("findings").asInt(0),
                vulnerabilities.path("count").asInt(0),
                Json.text(vulnerabilities, "maxSeverity"),
                trust.path("flagged").asBoolean(false),
                transports,
                types);
    }

    /** The title when the publisher gave one, else the name. */
    public String displayName() {
        return title.isBlank() ? name : title;
    }

    /** The server page's path; the name's slash is encoded so the name stays one path segment. */
    public String href() {
        return WebPaths.server(name);
    }

    public String sbomLabel() {
        return sbomComponents == 1 ? "1 component" : sbomComponents + " components";
    }

    public String findingsLabel() {
        return findings == 1 ? "1 finding" : findings + " findings";
    }

    public String vulnerabilitiesLabel() {
        return vulnerabilities == 1 ? "1 known vulnerability" : vulnerabilities + " known vulnerabilities";
    }

    public List<String> transportList() {
        return List.copyOf(new TreeSet<>(transports));
    }

    public List<String> packageTypeList() {
        return List.copyOf(new TreeSet<>(packageTypes));
    }
}
