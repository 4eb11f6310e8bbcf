package dev.vouch.registry.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.registry.advisories.AdvisoryMatch;
import dev.vouch.registry.advisories.AdvisoryService;
import dev.vouch.registry.domain.JsonMappers;
import dev.vouch.registry.domain.Manifest;
import dev.vouch.registry.domain.ServerName;
import dev.vouch.registry.policy.PolicySource;
import dev.vouch.scanner.ScanReport;
import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.input.InvalidInputException;
import dev.vouch.scanner.input.ScanInput;
import dev.vouch.scanner.intent.OtherTools;
import dev.vouch.store.AuditEvent;
import dev.vouch.store.ReviewState;
import dev.vouch.store.Store;
import dev.vouch.store.StoredVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Re-runs the scanner, the advisories and the policy decision ({@link PolicyDecider}, the same one a
 * publish uses) over every stored version, for when the rule pack, the advisories or the policy
 * changed. A version's trust summary and report are rewritten when the current rules change them; a
 * published version the policy would now reject or hold is flagged (never deleted). Only a changed trust summary reaches the {@code updated_since} feed, so mirrors re-fetch
 * what changed and not the whole catalog. Each flag is audited.
 */
public final class RescanService {

    private static final int PAGE = 200;
    private static final ObjectMapper JSON = JsonMappers.JSON;

    private final Store store;
    private final Supplier<Scanner> scanner;
    private final AdvisoryService advisories;
    private final PolicySource policy;
    private final Clock clock;

    public RescanService(
            Store store, Supplier<Scanner> scanner, AdvisoryService advisories, PolicySource policy, Clock clock) {
        this.store = store;
        this.scanner = scanner;
        this.advisories = advisories;
        this.policy = policy;
        this.clock = clock;
    }

    /** Totals of one rescan. */
    public record Result(int versions, int flagged, List<String> flaggedVersions) {}

    /** Rescans everything; {@code progress} hears after each page how many versions were done. */
    public Result rescanAll(String actor, Consumer<Integer> progress) {
        int done = 0;
        List<String> flagged = new ArrayList<>();
        long after = 0;
        while (true) {
            long from = after;
            List<StoredVersion> page = store.read(repos -> repos.versions().listAll(from, PAGE));
            for (StoredVersion version : page) {
                rescan(version, actor).ifPresent(flagged::add);
                after = version.id();
                done++;
            }
            progress.accept(done);
            if (page.size() < PAGE) {
                return new Result(done, flagged.size(), List.copyOf(flagged));
            }
        }
    }

    /**
     * Rescans one version: the scan and the advisories of its recorded SBOM components are redone; the
     * evidence it was published with and the drift recorded against its predecessor stand (signatures
     * and old tool sets do not change). The same {@link PolicyDecider} as a publish then decides under
     * the namespace's current rules. A published version is flagged when that decision is more severe
     * than the one it was published under, so a version a curator approved out of a hold is not flagged
     * again for the same hold. Returns its name when a published version is newly flagged.
     */
    private Optional<String> rescan(StoredVersion version, String actor) {
        Manifest manifest = Manifest.parse(version.manifest());
        ObjectNode document = JSON.createObjectNode();
        document.set("server", manifest.tree());
        version.tools().ifPresent(tools -> document.set("tools", json(tools, version)));
        ScanReport scan = scan(document, manifest, CatalogTools.besides(store, version.serverName()));
        ObjectNode report =
                version.report().map(bytes -> (ObjectNode) json(bytes, version)).orElseGet(JSON::createObjectNode);
        ObjectNode trust =
                version.trust().map(bytes -> (ObjectNode) json(bytes, version)).orElseGet(JSON::createObjectNode);
        List<AdvisoryMatch> matches = new ArrayList<>();
        List<String> advisoryProblems = new ArrayList<>();
        for (JsonNode component : report.path("components")) {
            AdvisoryService.Lookup lookup = advisories.lookup(
                    component.path("purl").asText(),
                    Optional.of(component.path("version").asText()).filter(v -> !v.isEmpty()));
            matches.addAll(lookup.matches());
            advisoryProblems.addAll(lookup.problems());
        }
        ServerName name = ServerName.parse(version.serverName()).name().orElseThrow();
        Assessment assessment = StoredAssessment.of(report, trust, scan, matches, advisoryProblems);
        Decision decision = PolicyDecider.decide(
                assessment, policy.current().rulesFor(name), PublishService.repositoryUrl(manifest));
        boolean nowFails = version.reviewState() == ReviewState.PUBLISHED
                && decision.outcome().isMoreSevereThan(recordedOutcome(report));
        String reason = "rescan with rules " + scan.rulesVersion() + ": the policy would now "
                + (decision.outcome() == Decision.Outcome.REJECTED ? "reject it" : "hold it for a curator") + " ("
                + decision.checks().stream()
                        .filter(check -> !check.passed())
                        .map(check -> check.name() + ": " + check.detail())
                        .collect(Collectors.joining("; "))
                + ")";
        boolean wasFlagged = trust.path("flagged").asBoolean(false);
        JsonNode trustBefore = trust.deepCopy();
        JsonNode reportBefore = report.deepCopy();
        report.set("scan", PublishReports.scan(scan));
        report.set("advisories", PublishReports.advisories(matches));
        if (advisoryProblems.isEmpty()) {
            report.remove("advisoryProblems");
        } else {
            report.set("advisoryProblems", JSON.valueToTree(advisoryProblems));
        }
        trust.set("scan", PublishReports.scanSummary(scan));
        trust.set("vulnerabilities", PublishReports.vulnerabilities(matches));
        trust.put("flagged", nowFails);
        if (nowFails) {
            trust.put("flagReason", reason);
        } else {
            trust.remove("flagReason");
        }
        byte[] trustBytes = trust.toString().getBytes(StandardCharsets.UTF_8);
        byte[] reportBytes = report.toString().getBytes(StandardCharsets.UTF_8);
        Instant now = clock.instant();
        boolean trustChanged = !trust.equals(trustBefore);
        boolean reportChanged = !report.equals(reportBefore);
        if (!trustChanged && !reportChanged) {
            return Optional.empty();
        }
        store.write(repos -> {
            // Only a change in what readers are told (the trust summary) puts the version back in the feed.
            if (trustChanged) {
                repos.versions()
                        .updateAssessment(version.serverName(), version.version(), trustBytes, reportBytes, now);
            } else {
                repos.versions().replaceReport(version.serverName(), version.version(), reportBytes);
            }
            if (nowFails && !wasFlagged) {
                repos.audit()
                        .append(new AuditEvent(
                                now,
                                actor,
                                "version.flag",
                                version.serverName() + "@" + version.version(),
                                JSON.createObjectNode()
                                        .put("rulesVersion", scan.rulesVersion())
                                        .put("reason", reason)
                                        .toString()));
            }
            return null;
        });
        return nowFails && !wasFlagged ? Optional.of(version.serverName() + "@" + version.version()) : Optional.empty();
    }

    /** The outcome the version was published under; a report without one is read as published. */
    private static Decision.Outcome recordedOutcome(JsonNode report) {
        String recorded = report.path("decision").asText("published");
        for (Decision.Outcome outcome : Decision.Outcome.values()) {
            if (outcome.name().toLowerCase(Locale.ROOT).equals(recorded)) {
                return outcome;
            }
        }
        return Decision.Outcome.PUBLISHED;
    }

    private static JsonNode json(byte[] bytes, StoredVersion version) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "stored JSON of " + version.serverName() + "@" + version.version() + " is unreadable", e);
        }
    }

    /** Scans a stored version beside the tools of the other servers the registry holds, as its publish did. */
    private ScanReport scan(ObjectNode document, Manifest manifest, OtherTools others) {
        try {
            return scanner.get().scan(ScanInput.fromJson(document), Optional.empty(), others);
        } catch (InvalidInputException e) {
            // Stored tools the scanner cannot read: scan the manifest alone rather than skip the version.
            return scanner.get().scan(ScanInput.fromJson(manifest.tree()), Optional.empty(), others);
        }
    }
}
