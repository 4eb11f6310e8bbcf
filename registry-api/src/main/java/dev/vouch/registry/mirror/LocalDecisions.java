package dev.vouch.registry.mirror;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.vouch.registry.catalog.CatalogService;
import dev.vouch.registry.catalog.StatusChange;
import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.JsonMappers;
import dev.vouch.registry.domain.LimitExceededException;
import dev.vouch.registry.domain.PermissionDeniedException;
import dev.vouch.registry.domain.PublishRejectedException;
import dev.vouch.registry.domain.VersionConflictException;
import dev.vouch.registry.publish.PublishOutcome;
import dev.vouch.registry.publish.PublishService;
import dev.vouch.store.ReviewState;
import dev.vouch.store.Store;
import dev.vouch.store.StoredVersion;
import dev.vouch.store.VersionStatus;
import java.util.Optional;

/**
 * What this registry makes of one upstream version: the decision of its own publish pipeline under local
 * policy (published, held for a curator, or rejected with the failed checks), and the upstream's status
 * carried over to the local version afterwards, through the catalog so it is audited.
 */
final class LocalDecisions {

    private static final ObjectMapper JSON = JsonMappers.JSON;

    private final Store store;
    private final PublishService publisher;
    private final CatalogService catalog;
    private final MirrorSettings settings;

    LocalDecisions(Store store, PublishService publisher, CatalogService catalog, MirrorSettings settings) {
        this.store = store;
        this.publisher = publisher;
        this.catalog = catalog;
        this.settings = settings;
    }

    /** The outcome, the local version it concerns, the failed checks, and whether it was published before. */
    record Decided(String outcome, Optional<Long> versionId, Optional<String> reasons, boolean adopted) {
        Decided(String outcome, Optional<Long> versionId, Optional<String> reasons) {
            this(outcome, versionId, reasons, false);
        }
    }

    /** The local decision on a version new to this mirror: through the one publish pipeline. */
    Decided decide(UpstreamEntry entry, byte[] manifest, String sha256) {
        try {
            PublishOutcome outcome = publisher.publish(MirrorService.MIRROR, manifest);
            StoredVersion stored = outcome.version();
            return new Decided(
                    stored.reviewState() == ReviewState.PUBLISHED ? MirrorService.PUBLISHED : MirrorService.PENDING,
                    Optional.of(stored.id()),
                    Optional.empty());
        } catch (PublishRejectedException e) {
            ArrayNode failed = JSON.createArrayNode();
            e.report().path("checks").forEach(check -> {
                if (!check.path("passed").asBoolean(true)) {
                    failed.add(check);
                }
            });
            return new Decided(MirrorService.REJECTED, Optional.empty(), Optional.of(failed.toString()));
        } catch (InvalidRequestException e) {
            ArrayNode violations = JSON.createArrayNode();
            e.violations()
                    .forEach(v -> violations
                            .addObject()
                            .put("name", "validation")
                            .put("passed", false)
                            .put("pointer", v.pointer())
                            .put("detail", v.message()));
            if (e.violations().isEmpty()) {
                violations
                        .addObject()
                        .put("name", "validation")
                        .put("passed", false)
                        .put("detail", e.getMessage());
            }
            return new Decided(MirrorService.REJECTED, Optional.empty(), Optional.of(violations.toString()));
        } catch (VersionConflictException e) {
            // Published before a kill, or by someone else: the same bytes are this mirror's, others are not.
            StoredVersion local = store.read(repos -> repos.versions().find(entry.name(), entry.version()))
                    .orElseThrow(() -> e);
            if (local.manifestSha256().equals(sha256) && MirrorService.PRINCIPAL_ID.equals(local.publishedBy())) {
                return new Decided(
                        local.reviewState() == ReviewState.PUBLISHED
                                ? MirrorService.PUBLISHED
                                : local.reviewState() == ReviewState.PENDING
                                        ? MirrorService.PENDING
                                        : MirrorService.REJECTED,
                        Optional.of(local.id()),
                        Optional.empty(),
                        true);
            }
            return new Decided(
                    MirrorService.REJECTED,
                    Optional.empty(),
                    Optional.of(reason("this registry already has " + entry.coordinates()
                            + " with another manifest or from another publisher")));
        } catch (PermissionDeniedException | LimitExceededException e) {
            return new Decided(MirrorService.REJECTED, Optional.empty(), Optional.of(reason(e.getMessage())));
        }
    }

    /** Carries the upstream's status over to the local version when they differ, audited. */
    void carryStatus(UpstreamEntry entry, Optional<Long> versionId, String outcome) {
        if (versionId.isEmpty() || MirrorService.REJECTED.equals(outcome) || MirrorService.SKIPPED.equals(outcome)) {
            return;
        }
        VersionStatus wanted = VersionStatus.fromWire(entry.status()).orElseThrow();
        Optional<StoredVersion> local = store.read(repos -> repos.versions().find(entry.name(), entry.version()));
        if (local.isEmpty() || local.get().status() == wanted) {
            return;
        }
        catalog.changeStatus(
                MirrorService.MIRROR,
                entry.name(),
                entry.version(),
                new StatusChange(
                        wanted,
                        Optional.of(entry.statusMessage()
                                        .orElse(entry.status() + " upstream at " + settings.upstreamId()))
                                .map(m -> m.length() > StatusChange.MAX_MESSAGE_LENGTH
                                        ? m.substring(0, StatusChange.MAX_MESSAGE_LENGTH)
                                        : m)));
    }

    /** A failed check of the mirror's own, in the shape of a publish report's checks. */
    static String reason(String detail) {
        ArrayNode reasons = JSON.createArrayNode();
        reasons.addObject().put("name", "mirror").put("passed", false).put("detail", detail);
        return reasons.toString();
    }
}
