package dev.vouch.registry.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.registry.auth.Principal;
import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.LimitExceededException;
import dev.vouch.registry.domain.Manifest;
import dev.vouch.registry.domain.ManifestValidator;
import dev.vouch.registry.domain.PermissionDeniedException;
import dev.vouch.registry.domain.ServerName;
import dev.vouch.registry.domain.VersionConflictException;
import dev.vouch.registry.domain.VersionOrder;
import dev.vouch.registry.domain.Violation;
import dev.vouch.store.AuditEvent;
import dev.vouch.store.DuplicateVersionException;
import dev.vouch.store.NewVersion;
import dev.vouch.store.Store;
import dev.vouch.store.StoredVersion;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The publish pipeline, in the order of the design brief:
 *
 * <pre>
 * authenticate ─▶ validate manifest ─▶ authorize name ─▶ [gather evidence ─▶ verify provenance ─▶ scan
 *   ─▶ vulnerabilities ─▶ policy] ─▶ store + audit
 * </pre>
 *
 * <p>Authentication happens before this class is called (the caller passes the {@link Principal}).
 * The bracketed steps decide between published, held and rejected; they slot in between
 * {@link #authorize} and {@link #store}. Everything before {@link #store} only reads; {@link #store}
 * is one transaction, so a publish that fails at any step stores nothing.
 */
public final class PublishService {

    /** The official registry's limit on versions per server. */
    public static final int MAX_VERSIONS_PER_SERVER = 10_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final ManifestValidator validator;
    private final Clock clock;

    public PublishService(Store store, ManifestValidator validator, Clock clock) {
        this.store = store;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * Runs the pipeline for one publish.
     *
     * @throws InvalidRequestException   the body is not a valid server.json (every violation listed)
     * @throws PermissionDeniedException the principal may not write this name
     * @throws VersionConflictException  this version is already published
     * @throws LimitExceededException    the server already has the maximum number of versions
     */
    public StoredVersion publish(Principal principal, PublishRequest request) {
        Manifest manifest = validate(request.manifest());
        ServerName name = authorize(principal, manifest);
        return store(principal, name, manifest, request.tools());
    }

    private Manifest validate(byte[] body) {
        Manifest manifest = Manifest.parse(body);
        List<Violation> violations = validator.validate(manifest.tree());
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("the server.json is not valid (" + violations.size()
                    + (violations.size() == 1 ? " violation)" : " violations)"), violations);
        }
        return manifest;
    }

    private static ServerName authorize(Principal principal, Manifest manifest) {
        ServerName name = ServerName.parse(manifest.name()).name()
                .orElseThrow(() -> new IllegalStateException("validated manifest has an invalid name"));
        if (!principal.mayWrite(name)) {
            throw new PermissionDeniedException("this token may not publish " + name
                    + "; its grants do not cover the namespace " + name.namespace());
        }
        return name;
    }

    private StoredVersion store(Principal principal, ServerName name, Manifest manifest, Optional<byte[]> tools) {
        Instant now = clock.instant();
        String serverName = name.toString();
        String version = manifest.version();
        try {
            return store.write(repos -> {
                if (repos.versions().find(serverName, version).isPresent()) {
                    throw conflict(serverName, version);
                }
                if (repos.versions().countVersions(serverName) >= MAX_VERSIONS_PER_SERVER) {
                    throw new LimitExceededException(serverName + " already has the maximum of "
                            + MAX_VERSIONS_PER_SERVER + " versions");
                }
                Optional<String> currentLatest = repos.versions().findLatest(serverName).map(StoredVersion::version);
                boolean latest = VersionOrder.supersedes(version, currentLatest);
                if (latest) {
                    repos.versions().clearLatest(serverName, now);
                }
                StoredVersion stored = repos.versions().insert(new NewVersion(serverName, version, manifest.bytes(),
                        manifest.sha256(), manifest.description(), manifest.title(), tools, now, latest,
                        principal.id()));
                repos.audit().append(new AuditEvent(now, principal.id(), "version.publish",
                        serverName + "@" + version,
                        JSON.valueToTree(Map.of("manifestSha256", manifest.sha256(), "isLatest", latest)).toString()));
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
