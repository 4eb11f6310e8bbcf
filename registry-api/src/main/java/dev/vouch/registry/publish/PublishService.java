package dev.vouch.registry.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.provenance.intoto.Sbom;
import dev.vouch.registry.advisories.AdvisoryMatch;
import dev.vouch.registry.advisories.AdvisoryService;
import dev.vouch.registry.auth.Principal;
import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.JsonMappers;
import dev.vouch.registry.domain.LimitExceededException;
import dev.vouch.registry.domain.Manifest;
import dev.vouch.registry.domain.PermissionDeniedException;
import dev.vouch.registry.domain.PublishRejectedException;
import dev.vouch.registry.domain.ServerName;
import dev.vouch.registry.domain.VersionConflictException;
import dev.vouch.registry.domain.VersionOrder;
import dev.vouch.registry.domain.Violation;
import dev.vouch.registry.domain.rules.ManifestValidator;
import dev.vouch.registry.evidence.EvidenceCollector;
import dev.vouch.registry.evidence.EvidenceReport;
import dev.vouch.registry.policy.PolicyRules;
import dev.vouch.registry.policy.PolicySource;
import dev.vouch.scanner.ScanReport;
import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.ToolReport;
import dev.vouch.scanner.input.InvalidInputException;
import dev.vouch.scanner.input.ScanInput;
import dev.vouch.store.AuditEvent;
import dev.vouch.store.DuplicateVersionException;
import dev.vouch.store.NewVersion;
import dev.vouch.store.ReviewState;
import dev.vouch.store.Store;
import dev.vouch.store.StoredVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The publish pipeline, in the order of the design brief:
 *
 * <pre>
 * authenticate ─▶ validate manifest ─▶ authorize name ─▶ gather evidence ─▶ verify provenance ─▶ scan
 *   ─▶ shared tool names ─▶ vulnerabilities ─▶ policy ─▶ store + audit
 * </pre>
 *
 * <p>Authentication happens before this class is called (the caller passes the {@link Principal}).
 * Evidence comes from the publish envelope or, for digest-pinned OCI images, from their registry; it
 * is verified against the package's digest and the namespace's accepted identities. SBOM components
 * from verified attestations are matched against the imported advisories. Everything before {@link #store}
 * only reads; a policy rejection appends only its audit record and stores no version; {@link #store} is
 * one transaction, so a publish that fails inside it stores nothing.
 */
public final class PublishService {

    /** The official registry's limit on versions per server. */
    public static final int MAX_VERSIONS_PER_SERVER = 10_000;

    private static final ObjectMapper JSON = JsonMappers.JSON;

    private final Store store;
    private final ManifestValidator validator;
    // The scanner is built on a second core while the registry starts: serving reads never waits for it,
    // the first publish does if it comes that early.
    private final Supplier<Scanner> scanner;
    private final EvidenceCollector evidence;
    private final AdvisoryService advisories;
    private final PolicySource policy;
    private final Clock clock;

    public PublishService(
            Store store,
            ManifestValidator validator,
            Supplier<Scanner> scanner,
            EvidenceCollector evidence,
            AdvisoryService advisories,
            PolicySource policy,
            Clock clock) {
        this.store = store;
        this.validator = validator;
        this.scanner = scanner;
        this.evidence = evidence;
        this.advisories = advisories;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Runs the pipeline for one publish.
     *
     * @throws InvalidRequestException   the body is not a valid server.json (every violation listed)
     * @throws PermissionDeniedException the principal may not write this name
     * @throws VersionConflictException  this version is already published
     * @throws LimitExceededException    the server already has the maximum number of versions
     * @throws PublishRejectedException  the policy rejected it (every check in the report)
     */
    public PublishOutcome publish(Principal principal, byte[] body) {
        PublishEnvelope envelope = validate(body);
        ServerName name = authorize(principal, envelope.manifest());
        // Answer a duplicate before fetching evidence over the network; store() checks again under its lock.
        if (store.read(repos -> repos.versions()
                        .find(name.toString(), envelope.manifest().version()))
                .isPresent()) {
            throw conflict(name.toString(), envelope.manifest().version());
        }
        PolicyRules rules = policy.current().rulesFor(name);
        EvidenceReport gathered = evidence.collect(envelope.manifest().tree(), envelope.evidence(), rules);
        Baseline baseline = baseline(name);
        ScanReport scan = scan(name, envelope, baseline);
        List<SharedToolName> sharedToolNames = CatalogTools.sharingNames(
                store, name, scan.tools().stream().map(ToolReport::name).toList());
        List<Sbom.Component> components = gathered.verified().stream()
                .flatMap(e -> e.sbom().stream())
                .flatMap(s -> s.components().stream())
                .toList();
        List<AdvisoryService.Lookup> lookups = components.stream()
                .map(c -> advisories.lookup(c.purl(), Optional.of(c.version()).filter(v -> !v.isEmpty())))
                .toList();
        List<AdvisoryMatch> matches =
                lookups.stream().flatMap(l -> l.matches().stream()).toList();
        List<String> advisoryProblems =
                lookups.stream().flatMap(l -> l.problems().stream()).toList();
        Assessment assessment = new Assessment(
                scan, sharedToolNames, gathered, components, matches, advisoryProblems, baseline.problem());
        Decision decision = PolicyDecider.decide(assessment, rules, repositoryUrl(envelope.manifest()));
        ObjectNode report = PublishReports.report(decision, assessment);
        if (decision.outcome() == Decision.Outcome.REJECTED) {
            reject(principal, name, envelope.manifest(), report);
        }
        StoredVersion stored = store(principal, name, envelope, decision, assessment, report);
        return new PublishOutcome(stored, decision, report);
    }

    private PublishEnvelope validate(byte[] body) {
        PublishEnvelope envelope = PublishEnvelope.parse(body);
        Manifest manifest = envelope.manifest();
        List<Violation> violations = validator.validate(manifest.tree());
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(
                    "the server.json is not valid (" + violations.size()
                            + (violations.size() == 1 ? " violation)" : " violations)"),
                    violations);
        }
        return envelope;
    }

    /** The latest published version's tools, the baseline for drift, or why they cannot be read. */
    private record Baseline(Optional<ScanInput> tools, Optional<String> problem) {}

    private Baseline baseline(ServerName name) {
        Optional<StoredVersion> latest = store.read(repos -> repos.versions().findLatest(name.toString()));
        if (latest.isEmpty() || latest.get().tools().isEmpty()) {
            return new Baseline(Optional.empty(), Optional.empty());
        }
        try {
            return new Baseline(
                    Optional.of(ScanInput.fromJson(
                            JSON.readTree(latest.get().tools().get()))),
                    Optional.empty());
        } catch (IOException | InvalidInputException e) {
            return new Baseline(
                    Optional.empty(),
                    Optional.of("the stored tools of " + name + "@"
                            + latest.get().version() + " (the drift baseline) cannot be read"));
        }
    }

    /** Scans what was sent against the baseline's tools, beside the tools of the other servers the registry holds. */
    private ScanReport scan(ServerName name, PublishEnvelope envelope, Baseline baseline) {
        ScanInput input;
        try {
            input = envelope.scanInput();
        } catch (InvalidInputException e) {
            throw InvalidRequestException.of("/tools", e.getMessage());
        }
        return scanner.get().scan(input, baseline.tools(), CatalogTools.besides(store, name.toString()));
    }

    /** A rejection stores nothing but its audit record: decisions are audited too. */
    private void reject(Principal principal, ServerName name, Manifest manifest, ObjectNode report) {
        ObjectNode detail = JSON.createObjectNode().put("manifestSha256", manifest.sha256());
        detail.set("checks", report.get("checks"));
        store.write(repos -> repos.audit()
                .append(new AuditEvent(
                        clock.instant(),
                        principal.id(),
                        "version.reject",
                        name + "@" + manifest.version(),
                        detail.toString())));
        throw new PublishRejectedException("the publish policy rejected " + name + "@" + manifest.version(), report);
    }

    private static ServerName authorize(Principal principal, Manifest manifest) {
        ServerName name = ServerName.parse(manifest.name())
                .name()
                .orElseThrow(() -> new IllegalStateException("validated manifest has an invalid name"));
        if (!principal.mayWrite(name)) {
            throw new PermissionDeniedException("this token may not publish " + name
                    + "; its grants do not cover the namespace " + name.namespace());
        }
        return name;
    }

    static Optional<String> repositoryUrl(Manifest manifest) {
        return Optional.ofNullable(manifest.tree().path("repository").get("url"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText);
    }

    private StoredVersion store(
            Principal principal,
            ServerName name,
            PublishEnvelope envelope,
            Decision decision,
            Assessment assessment,
            ObjectNode report) {
        Manifest manifest = envelope.manifest();
        ScanReport scan = assessment.scan();
        boolean published = decision.outcome() == Decision.Outcome.PUBLISHED;
        ReviewState state = published ? ReviewState.PUBLISHED : ReviewState.PENDING;
        byte[] trust = PublishReports.trust(decision, assessment).toString().getBytes(StandardCharsets.UTF_8);
        byte[] reportBytes = report.toString().getBytes(StandardCharsets.UTF_8);
        Instant now = clock.instant();
        String serverName = name.toString();
        String version = manifest.version();
        try {
            return store.write(repos -> {
                if (repos.versions().find(serverName, version).isPresent()) {
                    throw conflict(serverName, version);
                }
                if (repos.versions().countVersions(serverName) >= MAX_VERSIONS_PER_SERVER) {
                    throw new LimitExceededException(
                            serverName + " already has the maximum of " + MAX_VERSIONS_PER_SERVER + " versions");
                }
                Optional<String> currentLatest =
                        repos.versions().findLatest(serverName).map(StoredVersion::version);
                // A held version becomes latest only when a curator approves it.
                boolean latest = published && VersionOrder.supersedes(version, currentLatest);
                if (latest) {
                    repos.versions().clearLatest(serverName, now);
                }
                StoredVersion stored = repos.versions()
                        .insert(new NewVersion(
                                serverName,
                                version,
                                manifest.bytes(),
                                manifest.sha256(),
                                manifest.description(),
                                manifest.title(),
                                envelope.toolsBytes(),
                                now,
                                latest,
                                principal.id(),
                                state,
                                decision.tier().wireName(),
                                Optional.of(trust),
                                Optional.of(reportBytes),
                                Optional.of(scan.toolSetDigest())));
                ObjectNode detail = JSON.createObjectNode()
                        .put("manifestSha256", manifest.sha256())
                        .put("isLatest", latest)
                        .put("reviewState", state.wireName())
                        .put("tier", decision.tier().wireName())
                        .put("toolsDigest", scan.toolSetDigest());
                repos.audit()
                        .append(new AuditEvent(
                                now,
                                principal.id(),
                                published ? "version.publish" : "version.hold",
                                serverName + "@" + version,
                                detail.toString()));
                return stored;
            });
        } catch (DuplicateVersionException e) {
            // Another publish of the same version committed between our check and our insert.
            throw conflict(serverName, version);
        }
    }

    private static VersionConflictException conflict(String serverName, String version) {
        return new VersionConflictException("version " + version + " of " + serverName
                + " is already published; versions are immutable, publish a new version");
    }
}
