package dev.vouch.registry.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.registry.domain.Manifest;
import dev.vouch.registry.domain.ServerName;
import dev.vouch.registry.policy.PolicySource;
import dev.vouch.scanner.ScanReport;
import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.input.InvalidInputException;
import dev.vouch.scanner.input.ScanInput;
import dev.vouch.store.AuditEvent;
import dev.vouch.store.ReviewState;
import dev.vouch.store.Store;
import dev.vouch.store.StoredVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Re-runs the scanner and the policy over every stored version, for when the rule pack or the policy
 * changed. Each version's trust summary and report are rewritten with the current rules; a published
 * version that would now be rejected is flagged (never deleted), and the change reaches the
 * {@code updated_since} feed so mirrors see it. Each flag is audited.
 */
public final class RescanService {

    private static final int PAGE = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final Scanner scanner;
    private final PolicySource policy;
    private final Clock clock;

    public RescanService(Store store, Scanner scanner, PolicySource policy, Clock clock) {
        this.store = store;
        this.scanner = scanner;
        this.policy = policy;
        this.clock = clock;
    }

    /** Totals of one rescan. */
    public record Result(int versions, int flagged, List<String> flaggedVersions) {
    }

    /** Rescans everything; {@code progress} hears after each page how many versions were done. */
    public Result rescanAll(String actor, Consumer<Integer> progress) {
        int done = 0;
        List<String> flagged = new java.util.ArrayList<>();
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

    /** Rescans one version; returns its name when a published version is newly flagged. */
    private Optional<String> rescan(StoredVersion version, String actor) {
        Manifest manifest = Manifest.parse(version.manifest());
        ObjectNode document = JSON.createObjectNode();
        document.set("server", manifest.tree());
        version.tools().ifPresent(tools -> {
            try {
                document.set("tools", JSON.readTree(tools));
            } catch (IOException e) {
                throw new IllegalStateException("stored tools of " + version.serverName() + " are not JSON", e);
            }
        });
        ScanReport scan = scan(document, manifest);
        ServerName name = ServerName.parse(version.serverName()).name().orElseThrow();
        Decision decision = PolicyDecider.decide(scan, policy.current().rulesFor(name));
        boolean nowFails = version.reviewState() == ReviewState.PUBLISHED
                && decision.outcome() == Decision.Outcome.REJECTED;
        Optional<String> flag = nowFails
                ? Optional.of("rescan with rules " + scan.rulesVersion() + ": the policy would now reject it")
                : Optional.empty();
        byte[] trust = PublishReports.trust(decision, scan, flag).toString().getBytes(StandardCharsets.UTF_8);
        byte[] report = PublishReports.report(decision, scan).toString().getBytes(StandardCharsets.UTF_8);
        boolean wasFlagged = wasFlagged(version);
        Instant now = clock.instant();
        store.write(repos -> {
            repos.versions().updateAssessment(version.serverName(), version.version(), trust, report, now);
            if (nowFails && !wasFlagged) {
                repos.audit().append(new AuditEvent(now, actor, "version.flag",
                        version.serverName() + "@" + version.version(),
                        JSON.createObjectNode().put("rulesVersion", scan.rulesVersion()).put("reason", flag.get()).toString()));
            }
            return null;
        });
        return nowFails && !wasFlagged ? Optional.of(version.serverName() + "@" + version.version()) : Optional.empty();
    }

    private ScanReport scan(ObjectNode document, Manifest manifest) {
        try {
            return scanner.scan(ScanInput.fromJson(document));
        } catch (InvalidInputException e) {
            // Stored tools the scanner cannot read: scan the manifest alone rather than skip the version.
            return scanner.scan(ScanInput.fromJson(manifest.tree()));
        }
    }

    private static boolean wasFlagged(StoredVersion version) {
        return version.trust().map(bytes -> {
            try {
                return JSON.readTree(bytes).path("flagged").asBoolean(false);
            } catch (IOException e) {
                return false;
            }
        }).orElse(false);
    }
}
