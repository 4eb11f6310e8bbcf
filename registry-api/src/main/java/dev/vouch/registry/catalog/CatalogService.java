package dev.vouch.registry.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.registry.auth.Principal;
import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.JsonMappers;
import dev.vouch.registry.domain.NotFoundException;
import dev.vouch.registry.domain.PermissionDeniedException;
import dev.vouch.registry.domain.ServerName;
import dev.vouch.store.AuditEvent;
import dev.vouch.store.CatalogGeneration;
import dev.vouch.store.Page;
import dev.vouch.store.ReviewState;
import dev.vouch.store.Store;
import dev.vouch.store.StoredVersion;
import dev.vouch.store.VersionStamp;
import dev.vouch.store.VersionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/** Reading the catalog and changing the lifecycle status of what is in it. */
public final class CatalogService {

    /** The version selector that names a server's latest version. */
    public static final String LATEST = "latest";

    private static final ObjectMapper JSON = JsonMappers.JSON;

    private final Store store;
    private final Clock clock;

    public CatalogService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The catalog's generation, read from memory: it moves at once with this process's writes and within
     * {@code pollEvery} with any other process's, so response caches key on it. Polling starts now.
     */
    public LongSupplier followChanges(Duration pollEvery) {
        CatalogGeneration generation = store.followChanges(pollEvery);
        return generation::current;
    }

    /** Whether the store answers, for the health endpoint. */
    public boolean isHealthy() {
        return store.isHealthy();
    }

    /** One page of the catalog, with the cursor of the next page when there is one. */
    public CatalogPage list(ListRequest request) {
        Page<StoredVersion> page = store.read(repos -> repos.versions().list(request.toQuery()));
        return new CatalogPage(page.items(), page.next().map(Cursor::encode));
    }

    /**
     * The same page as {@link #list}, as the stamps of its versions: a reader that keeps answers built
     * from versions loads only the versions it does not hold, with {@link #listed}.
     */
    public StampPage listStamps(ListRequest request) {
        Page<VersionStamp> page = store.read(repos -> repos.versions().listStamps(request.toQuery()));
        return new StampPage(page.items(), page.next().map(Cursor::encode));
    }

    /** {@link #versions} as stamps. */
    public List<VersionStamp> versionStamps(String serverName, boolean includeDeleted) {
        List<VersionStamp> versions =
                store.read(repos -> repos.versions().listVersionStamps(serverName, includeDeleted));
        if (versions.isEmpty()) {
            throw serverNotFound(serverName);
        }
        return versions;
    }

    /** The listed versions with these ids, in one read, as they are now. */
    public Map<Long, StoredVersion> listed(Collection<Long> ids) {
        return store.read(repos -> repos.versions().listed(ids));
    }

    /** Every version of a server, newest first. */
    public List<StoredVersion> versions(String serverName, boolean includeDeleted) {
        List<StoredVersion> versions = store.read(repos -> repos.versions().listVersions(serverName, includeDeleted));
        if (versions.isEmpty()) {
            throw serverNotFound(serverName);
        }
        return versions;
    }

    /** One version of a server; {@code latest} names the latest one. */
    public StoredVersion version(String serverName, String version, boolean includeDeleted) {
        Optional<StoredVersion> found = store.read(repos -> find(repos, serverName, version));
        return found.filter(v -> v.reviewState() == ReviewState.PUBLISHED)
                .filter(v -> includeDeleted || v.status() != VersionStatus.DELETED)
                .orElseThrow(() -> versionNotFound(serverName, version));
    }

    /** The report of checks and findings of a published version. */
    public JsonNode report(String serverName, String version) {
        return storedReport(version(serverName, version, true));
    }

    /** The report the publish pipeline stored with a version (published or held). */
    public static JsonNode storedReport(StoredVersion stored) {
        try {
            return JSON.readTree(stored.report()
                    .orElseThrow(() -> new NotFoundException(
                            "version " + stored.version() + " of " + stored.serverName() + " has no report")));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(
                    "stored report of " + stored.serverName() + "@" + stored.version() + " is not JSON", e);
        }
    }

    /** Changes one version's status, audited. */
    public StoredVersion changeStatus(Principal principal, String serverName, String version, StatusChange change) {
        authorize(principal, serverName);
        Instant now = clock.instant();
        return store.write(repos -> {
            StoredVersion current =
                    find(repos, serverName, version).orElseThrow(() -> versionNotFound(serverName, version));
            if (current.status() == change.status() && current.statusMessage().equals(change.message())) {
                throw InvalidRequestException.of(
                        "/status",
                        "no changes to apply: status is already "
                                + change.status().wireName());
            }
            repos.versions()
                    .updateStatus(serverName, Optional.of(current.version()), change.status(), change.message(), now);
            LatestMark.recompute(repos, serverName, now);
            repos.audit()
                    .append(statusEvent(
                            now, principal, serverName + "@" + current.version(), current.status(), change));
            return repos.versions().find(serverName, current.version()).orElseThrow();
        });
    }

    /** Changes the status of every version of a server in one transaction, audited. */
    public List<StoredVersion> changeAllStatus(Principal principal, String serverName, StatusChange change) {
        authorize(principal, serverName);
        Instant now = clock.instant();
        return store.write(repos -> {
            int changed =
                    repos.versions().updateStatus(serverName, Optional.empty(), change.status(), change.message(), now);
            if (changed == 0) {
                throw serverNotFound(serverName);
            }
            LatestMark.recompute(repos, serverName, now);
            repos.audit().append(statusEvent(now, principal, serverName, null, change));
            return repos.versions().listVersions(serverName, true);
        });
    }

    /** A version by its exact string, or the latest one when the string is {@code latest}. */
    private static Optional<StoredVersion> find(Store.Repositories repos, String serverName, String version) {
        return LATEST.equals(version)
                ? repos.versions().findLatest(serverName)
                : repos.versions().find(serverName, version);
    }

    private static NotFoundException versionNotFound(String serverName, String version) {
        return new NotFoundException("version " + version + " of " + serverName + " not found");
    }

    private static void authorize(Principal principal, String serverName) {
        ServerName name = ServerName.parse(serverName).name().orElseThrow(() -> serverNotFound(serverName));
        if (!principal.mayWrite(name)) {
            throw new PermissionDeniedException("this token may not change " + name
                    + "; its grants do not cover the namespace " + name.namespace());
        }
    }

    private static AuditEvent statusEvent(
            Instant at, Principal principal, String subject, VersionStatus from, StatusChange change) {
        ObjectNode detail =
                JSON.createObjectNode().put("status", change.status().wireName());
        change.message().ifPresent(message -> detail.put("statusMessage", message));
        if (from != null) {
            detail.put("previousStatus", from.wireName());
        }
        return new AuditEvent(at, principal.id(), "status.change", subject, detail.toString());
    }

    private static NotFoundException serverNotFound(String serverName) {
        return new NotFoundException("server " + serverName + " not found");
    }

    /** A page of versions and the opaque cursor of the next page, if any. */
    public record CatalogPage(List<StoredVersion> versions, Optional<String> nextCursor) {}

    /** A page of version stamps and the opaque cursor of the next page, if any. */
    public record StampPage(List<VersionStamp> stamps, Optional<String> nextCursor) {}
}
