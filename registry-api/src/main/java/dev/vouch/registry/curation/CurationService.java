package dev.vouch.registry.curation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.registry.auth.Principal;
import dev.vouch.registry.auth.Role;
import dev.vouch.registry.catalog.CatalogService;
import dev.vouch.registry.catalog.LatestMark;
import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.JsonMappers;
import dev.vouch.registry.domain.NotFoundException;
import dev.vouch.registry.domain.PermissionDeniedException;
import dev.vouch.registry.mirror.MirrorService;
import dev.vouch.store.AuditEvent;
import dev.vouch.store.AuditRecord;
import dev.vouch.store.MirrorEntry;
import dev.vouch.store.ReviewState;
import dev.vouch.store.Store;
import dev.vouch.store.StoredVersion;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The curator queue: versions the policy held, approved into the catalog or rejected with a reason. */
public final class CurationService {

    public static final int MAX_REASON_LENGTH = 500;
    private static final int QUEUE_PAGE = 100;
    private static final ObjectMapper JSON = JsonMappers.JSON;

    private final Store store;
    private final Clock clock;

    public CurationService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<StoredVersion> pending(Principal principal) {
        requireCurator(principal);
        return store.read(repos -> repos.versions().listByReviewState(ReviewState.PENDING, QUEUE_PAGE));
    }

    /** What local policy refused to mirror, oldest first, with every failed check: for curators and admins. */
    public List<MirrorEntry> mirrorRejected(Principal principal) {
        requireCurator(principal);
        return mirrorRejected(QUEUE_PAGE);
    }

    /** The same list for the operator at the registry's own machine ({@code vouch mirror rejected}). */
    public List<MirrorEntry> mirrorRejected(int limit) {
        return store.read(repos -> repos.mirror().listByOutcome(MirrorService.REJECTED, limit));
    }

    /** The report of a held version: every check and finding, so a curator sees why it waits. */
    public JsonNode report(Principal principal, String serverName, String version) {
        requireCurator(principal);
        return CatalogService.storedReport(
                store.read(repos -> pendingVersion(repos.versions().find(serverName, version), serverName, version)));
    }

    /** Publishes a held version; it becomes latest if it outranks the others and is not deleted. Audited. */
    public StoredVersion approve(Principal principal, String serverName, String version) {
        requireCurator(principal);
        Instant now = clock.instant();
        return store.write(repos -> {
            StoredVersion held = pendingVersion(repos.versions().find(serverName, version), serverName, version);
            boolean override = requireSomeoneElse(principal, held);
            repos.versions().updateReview(serverName, version, ReviewState.PUBLISHED, Optional.empty(), now);
            boolean latest = LatestMark.recompute(repos, serverName, now)
                    .filter(version::equals)
                    .isPresent();
            ObjectNode detail = JSON.createObjectNode()
                    .put("manifestSha256", held.manifestSha256())
                    .put("isLatest", latest);
            if (override) {
                detail.put("selfReviewOverride", true);
            }
            repos.audit()
                    .append(new AuditEvent(
                            now, principal.id(), "version.approve", serverName + "@" + version, detail.toString()));
            return repos.versions().find(serverName, version).orElseThrow();
        });
    }

    /** Rejects a held version with a reason; it stays out of the catalog. Audited. */
    public StoredVersion reject(Principal principal, String serverName, String version, String reason) {
        requireCurator(principal);
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw InvalidRequestException.of(
                    "/reason", "a rejection needs a reason of 1 to " + MAX_REASON_LENGTH + " characters");
        }
        Instant now = clock.instant();
        return store.write(repos -> {
            StoredVersion held = pendingVersion(repos.versions().find(serverName, version), serverName, version);
            boolean override = requireSomeoneElse(principal, held);
            repos.versions().updateReview(serverName, version, ReviewState.REJECTED, Optional.of(reason), now);
            ObjectNode detail = JSON.createObjectNode()
                    .put("manifestSha256", held.manifestSha256())
                    .put("reason", reason);
            if (override) {
                detail.put("selfReviewOverride", true);
            }
            repos.audit()
                    .append(new AuditEvent(
                            now,
                            principal.id(),
                            "version.curator-reject",
                            serverName + "@" + version,
                            detail.toString()));
            return repos.versions().find(serverName, version).orElseThrow();
        });
    }

    /** The newest audit records, newest first, so a curator sees decisions (theirs and the pipeline's) land. */
    public List<AuditRecord> recentAudit(Principal principal, int limit) {
        requireCurator(principal);
        return store.read(repos -> repos.audit().latest(limit));
    }

    private static StoredVersion pendingVersion(Optional<StoredVersion> found, String serverName, String version) {
        return found.filter(v -> v.reviewState() == ReviewState.PENDING)
                .orElseThrow(() -> new NotFoundException("no pending version " + version + " of " + serverName));
    }

    /**
     * Separation of duties: a version is reviewed by someone other than its publisher. An admin may
     * review its own, which the caller audits as an override; returns whether this is one.
     */
    private static boolean requireSomeoneElse(Principal principal, StoredVersion held) {
        if (!held.publishedBy().equals(principal.id())) {
            return false;
        }
        if (principal.role() != Role.ADMIN) {
            throw new PermissionDeniedException("this token published " + held.serverName() + "@" + held.version()
                    + ", so another curator must review it");
        }
        return true;
    }

    private static void requireCurator(Principal principal) {
        if (principal.role() != Role.CURATOR && principal.role() != Role.ADMIN) {
            throw new PermissionDeniedException("curation needs a curator or admin token");
        }
    }
}
