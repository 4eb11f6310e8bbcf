package dev.vouch.registry.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.scanner.intent.InputMeanings;
import dev.vouch.scanner.match.CaseFolding;
import dev.vouch.store.StoredVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything the server page shows of one server: its versions, the latest version's packages,
 * remotes, tools with their verdicts and findings, the evidence, and the drift from the version
 * before it. Built from the stored documents; every value stays text for the template to escape.
 */
public record ServerPage(
        ServerSummary summary,
        String repositoryUrl,
        String websiteUrl,
        List<VersionRow> versions,
        List<InstallSnippets.Snippet> packages,
        List<InstallSnippets.Snippet> remotes,
        String gatewayEntry,
        List<ToolView> tools,
        List<FindingView> serverFindings,
        List<Check> checks,
        List<Evidence> evidence,
        String provenanceBuilder,
        String provenanceRepository,
        List<Advisory> advisories,
        String rulesVersion,
        String toolsDigest,
        Optional<Drift> drift) {

    /** One version in the version list. */
    public record VersionRow(
            String version, String status, String statusMessage, Instant publishedAt, boolean latest, String tier) {}

    /** One tool: its description, verdict and findings. */
    public record ToolView(String name, String description, String verdict, List<FindingView> findings) {
        public boolean flagged() {
            return !findings.isEmpty();
        }
    }

    /**
     * One scanner finding and the span of the text it points at; a finding of the instruction model also
     * names the features that decided it, each with the sentence it fired in and its cue marked.
     */
    public record FindingView(
            String ruleId,
            String family,
            String severity,
            String pointer,
            String evidence,
            Highlight span,
            List<FeatureView> features) {}

    /** One feature behind a model's finding: its name and meaning, what it added to the score, where it fired. */
    public record FeatureView(String feature, String meaning, String weight, String pointer, Highlight sentence) {}

    /** One pipeline check. */
    public record Check(String name, boolean passed, String detail) {}

    /** One verified piece of evidence, bound to a package digest, and who signed it. */
    public record Evidence(
            String packageIdentifier,
            String digest,
            String source,
            String predicateType,
            String issuer,
            String subject,
            String sourceRepository,
            String commit,
            String key,
            String keyFingerprint) {
        /** What the signed statement is, in words. */
        public String kind() {
            String type = CaseFolding.lower(predicateType);
            if (type.isEmpty()) {
                return "Signature over the artifact";
            }
            if (type.contains("slsa.dev/provenance")) {
                return "SLSA provenance";
            }
            if (type.contains("spdx") || type.contains("cyclonedx")) {
                return "SBOM";
            }
            return "Attestation";
        }
    }

    /** One advisory matched against the SBOM. */
    public record Advisory(String id, String purl, String severity, String summary) {}

    /** How the tools changed from the previous version. */
    public record Drift(
            String previousVersion,
            String previousDigest,
            List<String> added,
            List<String> removed,
            List<String> changed,
            List<TextDiff.Line> diff) {}

    static ServerPage of(StoredVersion latest, List<StoredVersion> versions, JsonNode report) {
        JsonNode manifest = Json.read(latest.manifest());
        JsonNode toolDefinitions = Json.read(latest.tools());
        JsonNode trust = Json.read(latest.trust());
        ObjectNode scanned = Json.MAPPER.createObjectNode();
        scanned.set("server", manifest);
        scanned.set("tools", toolDefinitions.isArray() ? toolDefinitions : Json.MAPPER.createArrayNode());

        List<ToolView> tools =
                tools(scanned, toolDefinitions, report.path("scan").path("tools"));
        List<String> toolNames = tools.stream().map(ToolView::name).toList();
        JsonNode provenance = trust.path("provenance");
        return new ServerPage(
                ServerSummary.of(latest),
                httpUrl(Json.text(manifest.path("repository"), "url")),
                httpUrl(Json.text(manifest, "websiteUrl")),
                versions.stream()
                        .map(v -> new VersionRow(
                                v.version(),
                                v.status().wireName(),
                                v.statusMessage().orElse(""),
                                v.publishedAt(),
                                v.latest(),
                                v.tier()))
                        .toList(),
                InstallSnippets.packages(manifest),
                InstallSnippets.remotes(latest.serverName(), manifest),
                InstallSnippets.gatewayEntry(latest.serverName(), manifest, toolNames),
                tools,
                findings(scanned, report.path("scan").path("serverFindings")),
                checks(report.path("checks")),
                evidence(report.path("evidence")),
                Json.text(provenance, "builder"),
                Json.text(provenance, "sourceRepository"),
                advisories(report.path("advisories")),
                Json.text(report.path("scan"), "rulesVersion"),
                latest.toolsDigest().orElse(Json.text(trust, "toolsDigest")),
                drift(report.path("drift"), toolDefinitions, versions));
    }

    static List<ToolView> tools(JsonNode scanned, JsonNode definitions, JsonNode scannedTools) {
        Map<String, JsonNode> byName = new TreeMap<>();
        for (JsonNode tool : scannedTools) {
            byName.put(Json.text(tool, "name"), tool);
        }
        List<ToolView> tools = new ArrayList<>();
        for (JsonNode definition : definitions) {
            String name = Json.text(definition, "name");
            JsonNode scan = byName.getOrDefault(name, Json.MAPPER.createObjectNode());
            tools.add(new ToolView(
                    name,
                    Json.text(definition, "description"),
                    scan.path("verdict").isTextual() ? scan.path("verdict").asText() : "unscanned",
                    findings(scanned, scan.path("findings"))));
        }
        return tools;
    }

    static List<FindingView> findings(JsonNode scanned, JsonNode findings) {
        List<FindingView> views = new ArrayList<>();
        for (JsonNode finding : findings) {
            String pointer = Json.text(finding, "pointer");
            String evidence = Json.text(finding, "evidence");
            JsonNode field = pointer.isEmpty() || !pointer.startsWith("/") ? null : scanned.at(pointer);
            String text = field != null && field.isTextual() ? field.asText() : "";
            List<FeatureView> features = features(scanned, finding.path("features"));
            // A model's evidence is a summary; the sentence its strongest feature fired in is what to mark.
            String excerpt = features.isEmpty()
                    ? evidence
                    : finding.path("features").get(0).path("sentence").asText();
            views.add(new FindingView(
                    Json.text(finding, "ruleId"),
                    Json.text(finding, "family"),
                    Json.text(finding, "severity"),
                    pointer,
                    evidence,
                    Highlight.of(text, excerpt),
                    features));
        }
        return views;
    }

    private static List<FeatureView> features(JsonNode scanned, JsonNode features) {
        List<FeatureView> views = new ArrayList<>();
        for (JsonNode feature : features) {
            String pointer = Json.text(feature, "pointer");
            String sentence = Json.text(feature, "sentence");
            JsonNode field = pointer.startsWith("/") ? scanned.at(pointer) : null;
            String text = field != null && field.isTextual() ? field.asText() : "";
            int start = feature.path("start").asInt(-1);
            int end = feature.path("end").asInt(-1);
            String cue = start >= 0 && end > start && end <= text.length() ? text.substring(start, end) : "";
            String name = Json.text(feature, "feature");
            views.add(new FeatureView(
                    name,
                    // Worked out from the name, so that reports stored before meanings existed show them too.
                    InputMeanings.of(name),
                    String.format(
                            java.util.Locale.ROOT,
                            "%+.2f",
                            feature.path("weight").asDouble()),
                    pointer,
                    cue.isEmpty() || !sentence.contains(cue)
                            ? new Highlight(sentence, "", "")
                            : Highlight.of(sentence, cue)));
        }
        return views;
    }

    private static List<Check> checks(JsonNode checks) {
        List<Check> views = new ArrayList<>();
        for (JsonNode check : checks) {
            views.add(new Check(
                    Json.text(check, "name"), check.path("passed").asBoolean(false), Json.text(check, "detail")));
        }
        return views;
    }

    private static List<Evidence> evidence(JsonNode evidence) {
        List<Evidence> views = new ArrayList<>();
        for (JsonNode item : evidence) {
            views.add(new Evidence(
                    Json.text(item, "package"),
                    Json.text(item, "digest"),
                    Json.text(item, "source"),
                    Json.text(item, "predicateType"),
                    Json.text(item, "issuer"),
                    Json.text(item, "subject"),
                    Json.text(item, "sourceRepository"),
                    Json.text(item, "commit"),
                    Json.text(item, "key"),
                    Json.text(item, "keyFingerprint")));
        }
        return views;
    }

    private static List<Advisory> advisories(JsonNode advisories) {
        List<Advisory> views = new ArrayList<>();
        for (JsonNode advisory : advisories) {
            views.add(new Advisory(
                    Json.text(advisory, "id"),
                    Json.text(advisory, "purl"),
                    Json.text(advisory, "severity"),
                    Json.text(advisory, "summary")));
        }
        return views;
    }

    /**
     * The drift the pipeline recorded, with a line diff of the tool definitions against the version
     * whose tool-set digest the drift names as previous.
     */
    static Optional<Drift> drift(JsonNode drift, JsonNode currentTools, List<StoredVersion> versions) {
        if (!drift.isObject()) {
            return Optional.empty();
        }
        String previousDigest = Json.text(drift, "previousToolsDigest");
        Optional<StoredVersion> previous = versions.stream()
                .filter(v -> v.toolsDigest().filter(previousDigest::equals).isPresent())
                .findFirst();
        List<String> added = strings(drift.path("added"));
        List<String> removed = strings(drift.path("removed"));
        List<String> changed = strings(drift.path("changed"));
        List<TextDiff.Line> diff = List.of();
        if (previous.isPresent()) {
            JsonNode before = Json.read(previous.get().tools());
            diff = TextDiff.lines(
                    changedTools(before, added, removed, changed), changedTools(currentTools, added, removed, changed));
        }
        return Optional.of(new Drift(
                previous.map(StoredVersion::version).orElse(""), previousDigest, added, removed, changed, diff));
    }

    /**
     * The definitions of the tools a drift names, one after another in name order and without the
     * enclosing array, so the diff shows only the tools that changed and the lines that changed in them.
     */
    private static String changedTools(JsonNode tools, List<String> added, List<String> removed, List<String> changed) {
        Map<String, JsonNode> selected = new TreeMap<>();
        for (JsonNode tool : tools) {
            String name = Json.text(tool, "name");
            if (added.contains(name) || removed.contains(name) || changed.contains(name)) {
                selected.put(name, tool);
            }
        }
        StringBuilder text = new StringBuilder();
        selected.values()
                .forEach(tool -> text.append(text.length() == 0 ? "" : "\n").append(Json.pretty(tool)));
        return text.toString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** A URL is linked only when it is http(s); anything else (javascript:, data:) is shown as text. */
    static String httpUrl(String url) {
        String lower = CaseFolding.lower(url.strip());
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : "";
    }

    /** Whether the page has any evidence to show. */
    public boolean hasEvidence() {
        return !evidence.isEmpty() || !provenanceBuilder.isEmpty() || summary.sbom() || !advisories.isEmpty();
    }
}
