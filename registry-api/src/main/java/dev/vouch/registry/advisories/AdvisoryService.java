package dev.vouch.registry.advisories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.JsonMappers;
import dev.vouch.store.AuditEvent;
import dev.vouch.store.Store;
import dev.vouch.store.StoredAdvisory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The vulnerability gate's data: OSV advisories imported offline (a directory or zip of OSV JSON, as
 * the OSV project publishes per ecosystem), and the lookup from an SBOM component (purl + version) to
 * the advisories that affect it.
 */
public final class AdvisoryService {

    private static final ObjectMapper JSON = JsonMappers.JSON;
    private static final long MAX_DOCUMENT_BYTES = 4L * 1024 * 1024;

    private final Store store;
    private final Clock clock;

    public AdvisoryService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What an import read: documents, affected-package entries stored, and what it had to skip. */
    public record ImportResult(
            int documents, int entries, Map<String, Integer> skippedEcosystems, List<String> unreadable) {}

    /**
     * Imports every {@code .json} OSV document under {@code path} (a directory, searched recursively, or
     * a zip). Entries for ecosystems Vouch does not match (anything but npm, PyPI, Go, Maven and
     * crates.io) are counted and skipped; unreadable documents are listed and skipped. One transaction,
     * audited.
     */
    public ImportResult importOsv(Path path, String actor) {
        List<StoredAdvisory> rows = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        int[] documents = {0};
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    for (Path file : walk.filter(p -> p.toString().endsWith(".json"))
                            .sorted()
                            .toList()) {
                        documents[0]++;
                        readDocument(
                                file.toString(),
                                Files.size(file) > MAX_DOCUMENT_BYTES ? null : Files.readAllBytes(file),
                                rows,
                                skipped,
                                unreadable);
                    }
                }
            } else {
                try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(path))) {
                    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                        if (!entry.isDirectory() && entry.getName().endsWith(".json")) {
                            documents[0]++;
                            readDocument(entry.getName(), readLimited(zip), rows, skipped, unreadable);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new InvalidRequestException(
                    "cannot read advisories at " + path + ": " + e.getClass().getSimpleName());
        }
        String detail = JSON.createObjectNode()
                .put("documents", documents[0])
                .put("entries", rows.size())
                .put("unreadable", unreadable.size())
                .toString();
        store.write(repos -> {
            rows.forEach(repos.advisories()::upsert);
            repos.audit()
                    .append(new AuditEvent(
                            clock.instant(),
                            actor,
                            "advisories.import",
                            path.getFileName().toString(),
                            detail));
            return null;
        });
        return new ImportResult(documents[0], rows.size(), skipped, unreadable);
    }

    /**
     * What a lookup found: the advisories that affect the component, and what kept it from being fully
     * checked (a purl that does not parse, a stored advisory that cannot be read). A problem is never
     * read as "no advisories": the caller reports it and fails closed.
     */
    public record Lookup(List<AdvisoryMatch> matches, List<String> problems) {
        public Lookup {
            matches = List.copyOf(matches);
            problems = List.copyOf(problems);
        }
    }

    /** The advisories that affect a component, given as a package URL and, if the purl has none, a version. */
    public Lookup lookup(String purl, Optional<String> version) {
        PackageURL parsed;
        try {
            parsed = new PackageURL(purl);
        } catch (MalformedPackageURLException e) {
            return new Lookup(
                    List.of(),
                    List.of("component '" + shorten(purl) + "' has no valid package URL; "
                            + "not checked against advisories"));
        }
        Optional<Ecosystem> ecosystem = Ecosystem.fromPurlType(parsed.getType());
        Optional<String> componentVersion =
                Optional.ofNullable(parsed.getVersion()).or(() -> version).filter(v -> !v.isBlank());
        if (ecosystem.isEmpty() || componentVersion.isEmpty()) {
            return new Lookup(List.of(), List.of());
        }
        String name = osvName(ecosystem.get(), parsed);
        List<AdvisoryMatch> matches = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (StoredAdvisory advisory : store.read(
                repos -> repos.advisories().forPackage(ecosystem.get().osvName(), name))) {
            JsonNode affected;
            try {
                affected = JSON.readTree(advisory.affected());
            } catch (IOException e) {
                problems.add("stored advisory " + advisory.advisoryId() + " for " + name + " cannot be read; "
                        + shorten(purl) + " not fully checked (re-import the advisories)");
                continue;
            }
            if (AffectedRanges.affects(affected, componentVersion.get(), ecosystem.get())) {
                matches.add(new AdvisoryMatch(
                        advisory.advisoryId(), AdvisorySeverity.parse(advisory.severity()), advisory.summary(), purl));
            }
        }
        return new Lookup(matches, problems);
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    public int count() {
        return store.read(repos -> repos.advisories().count());
    }

    /** The package name as OSV spells it for a purl: npm {@code @scope/name}, Maven {@code group:artifact}. */
    private static String osvName(Ecosystem ecosystem, PackageURL purl) {
        String namespace = purl.getNamespace();
        return switch (ecosystem) {
            case NPM -> namespace == null ? purl.getName() : namespace + "/" + purl.getName();
            case MAVEN -> namespace + ":" + purl.getName();
            case GO -> namespace == null ? purl.getName() : namespace + "/" + purl.getName();
            default -> ecosystem.normalizeName(purl.getName());
        };
    }

    private static void readDocument(
            String source,
            byte[] bytes,
            List<StoredAdvisory> rows,
            Map<String, Integer> skipped,
            List<String> unreadable) {
        if (bytes == null) {
            unreadable.add(source + " (larger than " + MAX_DOCUMENT_BYTES + " bytes)");
            return;
        }
        JsonNode osv;
        try {
            osv = JSON.readTree(bytes);
        } catch (IOException e) {
            unreadable.add(source + " (not JSON)");
            return;
        }
        String id = osv.path("id").asText("");
        if (id.isEmpty() || id.length() > 128 || !osv.path("affected").isArray()) {
            unreadable.add(source + " (not an OSV advisory)");
            return;
        }
        AdvisorySeverity severity = AdvisorySeverity.of(osv);
        Optional<String> summary = Optional.ofNullable(osv.get("summary"))
                .map(JsonNode::asText)
                .map(s -> s.length() > 1000 ? s.substring(0, 1000) : s);
        Instant modified = parseTime(osv.path("modified").asText(""));
        for (JsonNode affected : osv.path("affected")) {
            String ecosystemName = affected.path("package").path("ecosystem").asText("");
            Optional<Ecosystem> ecosystem = Ecosystem.fromOsv(ecosystemName);
            String name = affected.path("package").path("name").asText("");
            if (ecosystem.isEmpty() || name.isEmpty() || name.length() > 400) {
                skipped.merge(ecosystemName.isEmpty() ? "(none)" : ecosystemName, 1, Integer::sum);
                continue;
            }
            rows.add(new StoredAdvisory(
                    id,
                    ecosystem.get().osvName(),
                    ecosystem.get().normalizeName(name),
                    severity.name(),
                    summary,
                    affected.toString().getBytes(StandardCharsets.UTF_8),
                    modified));
        }
    }

    private static Instant parseTime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) MAX_DOCUMENT_BYTES + 1);
        return bytes.length > MAX_DOCUMENT_BYTES ? null : bytes;
    }
}
