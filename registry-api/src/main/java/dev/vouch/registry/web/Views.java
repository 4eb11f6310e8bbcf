package dev.vouch.registry.web;

import dev.vouch.registry.domain.Violation;
import dev.vouch.store.AuditRecord;
import java.util.List;
import java.util.Map;

/** The models of the pages that are not big enough for a file of their own. */
public final class Views {

    private Views() {}

    /** The catalog: the query as asked, one page of cards, and where the other pages are. */
    public record Catalog(CatalogQuery query, List<ServerSummary> servers, int total, int page, int pages) {

        static final int PAGE_SIZE = 24;

        static Catalog of(CatalogQuery query, List<ServerSummary> selected) {
            int pages = Math.max(1, (selected.size() + PAGE_SIZE - 1) / PAGE_SIZE);
            int page = Math.min(query.page(), pages);
            int from = (page - 1) * PAGE_SIZE;
            return new Catalog(
                    query,
                    List.copyOf(selected.subList(from, Math.min(selected.size(), from + PAGE_SIZE))),
                    selected.size(),
                    page,
                    pages);
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }
    }

    /** The curator's sign-in form, with why it is shown again when it is. */
    public record SignIn(String message) {}

    /** One held version: why it waits, its flagged tools and its tool diff. */
    public record QueueItem(
            String name,
            String version,
            String publishedBy,
            String publishedAt,
            List<ServerPage.Check> failedChecks,
            List<ServerPage.ToolView> flaggedTools,
            List<ServerPage.FindingView> serverFindings,
            java.util.Optional<ServerPage.Drift> drift) {
        public String id() {
            return "held-" + Integer.toHexString((name + "@" + version).hashCode());
        }
    }

    /** The curator's page: the queue, the recent audit log and the CSRF token its forms carry. */
    public record Curation(String principal, String csrf, List<QueueItem> queue, List<AuditRecord> audit) {}

    /** The registry's own facts. */
    public record Facts(
            String baseUrl,
            String rulesVersion,
            String vouchVersion,
            int servers,
            Map<String, Integer> byTier,
            Map<String, Integer> byVerdict,
            List<String> apiPrefixes) {}

    /** A failure, as the web pages show it. */
    public record Failure(int status, String title, String detail, List<Violation> violations, boolean signIn) {}
}
