package dev.vouch.registry.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.registry.auth.NamespaceGrant;
import dev.vouch.registry.auth.Principal;
import dev.vouch.registry.auth.Role;
import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.NotFoundException;
import dev.vouch.registry.domain.PermissionDeniedException;
import dev.vouch.store.AuditRecord;
import dev.vouch.store.NewVersion;
import dev.vouch.store.ReviewState;
import dev.vouch.store.Store;
import dev.vouch.store.StoredVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The curator queue's rules, over a real SQLite store. */
class CurationServiceTest {

    private static final String NAME = "io.github.acme/weather";
    private static final Principal PUBLISHER =
            new Principal("tok_publisher", Role.PUBLISHER, List.of(new NamespaceGrant("io.github.acme/*")));
    private static final Principal CURATOR = new Principal("tok_curator", Role.CURATOR, List.of());
    private static final Principal ADMIN = new Principal("tok_admin", Role.ADMIN, List.of());

    @TempDir
    Path dir;

    Store store;
    CurationService curation;

    @BeforeEach
    void open() {
        store = Store.openSqlite(dir);
        curation = new CurationService(store, Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void insert(String version, ReviewState state, boolean latest, String publishedBy) {
        byte[] manifest = ("{\"name\":\"" + NAME + "\",\"version\":\"" + version + "\",\"description\":\"Weather\"}")
                .getBytes(StandardCharsets.UTF_8);
        store.write(repos -> repos.versions()
                .insert(new NewVersion(
                        NAME,
                        version,
                        manifest,
                        "sha-" + version,
                        "Weather",
                        Optional.empty(),
                        Optional.empty(),
                        Instant.parse("2026-10-01T00:00:00Z"),
                        latest,
                        publishedBy,
                        state,
                        "community",
                        Optional.of("{}".getBytes(StandardCharsets.UTF_8)),
                        Optional.of("{\"decision\":\"pending\",\"checks\":[]}".getBytes(StandardCharsets.UTF_8)),
                        Optional.empty())));
    }

    private StoredVersion stored(String version) {
        return store.read(repos -> repos.versions().find(NAME, version)).orElseThrow();
    }

    private AuditRecord lastAudit() {
        return store.read(repos -> repos.audit().latest(1)).get(0);
    }

    @Test
    void theQueueHoldsOnlyPendingVersions() {
        insert("1.0.0", ReviewState.PUBLISHED, true, PUBLISHER.id());
        insert("1.1.0", ReviewState.PENDING, false, PUBLISHER.id());

        assertThat(curation.pending(CURATOR)).extracting(StoredVersion::version).containsExactly("1.1.0");
    }

    @Test
    void approvingAHeldVersionPublishesItMakesItLatestAndAuditsIt() {
        insert("1.0.0", ReviewState.PUBLISHED, true, PUBLISHER.id());
        insert("1.1.0", ReviewState.PENDING, false, PUBLISHER.id());

        StoredVersion approved = curation.approve(CURATOR, NAME, "1.1.0");

        assertThat(approved.reviewState()).isEqualTo(ReviewState.PUBLISHED);
        assertThat(approved.latest()).isTrue();
        assertThat(stored("1.0.0").latest()).isFalse();
        assertThat(lastAudit().action()).isEqualTo("version.approve");
        assertThat(lastAudit().actor()).isEqualTo(CURATOR.id());
    }

    @Test
    void approvingAnOlderHeldVersionLeavesTheLatestMarkAlone() {
        insert("2.0.0", ReviewState.PUBLISHED, true, PUBLISHER.id());
        insert("1.5.0", ReviewState.PENDING, false, PUBLISHER.id());

        assertThat(curation.approve(CURATOR, NAME, "1.5.0").latest()).isFalse();
        assertThat(stored("2.0.0").latest()).isTrue();
    }

    @Test
    void aRejectionNeedsAReasonAndKeepsTheVersionOutOfTheCatalog() {
        insert("1.1.0", ReviewState.PENDING, false, PUBLISHER.id());

        assertThatThrownBy(() -> curation.reject(CURATOR, NAME, "1.1.0", " "))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() ->
                        curation.reject(CURATOR, NAME, "1.1.0", "x".repeat(CurationService.MAX_REASON_LENGTH + 1)))
                .isInstanceOf(InvalidRequestException.class);
        StoredVersion rejected = curation.reject(CURATOR, NAME, "1.1.0", "unexplained change");

        assertThat(rejected.reviewState()).isEqualTo(ReviewState.REJECTED);
        assertThat(rejected.reviewReason()).hasValue("unexplained change");
        assertThat(rejected.latest()).isFalse();
        assertThat(lastAudit().action()).isEqualTo("version.curator-reject");
        assertThat(curation.pending(CURATOR)).isEmpty();
    }

    @Test
    void onlyHeldVersionsCanBeDecided() {
        insert("1.0.0", ReviewState.PUBLISHED, true, PUBLISHER.id());

        assertThatThrownBy(() -> curation.approve(CURATOR, NAME, "1.0.0")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> curation.approve(CURATOR, NAME, "9.9.9")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aPublisherCannotCurate() {
        insert("1.1.0", ReviewState.PENDING, false, "someone-else");

        assertThatThrownBy(() -> curation.pending(PUBLISHER)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> curation.approve(PUBLISHER, NAME, "1.1.0"))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(stored("1.1.0").reviewState()).isEqualTo(ReviewState.PENDING);
    }

    @Test
    void aCuratorMayNotReviewTheirOwnPublishButAnAdminMayAsAnAuditedOverride() {
        insert("1.1.0", ReviewState.PENDING, false, CURATOR.id());
        insert("1.2.0", ReviewState.PENDING, false, ADMIN.id());

        assertThatThrownBy(() -> curation.approve(CURATOR, NAME, "1.1.0"))
                .isInstanceOf(PermissionDeniedException.class);
        curation.approve(ADMIN, NAME, "1.2.0");

        assertThat(lastAudit().detail()).contains("\"selfReviewOverride\":true");
    }
}
