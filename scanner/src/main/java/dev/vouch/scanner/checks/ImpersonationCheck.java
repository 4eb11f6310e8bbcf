package dev.vouch.scanner.checks;

import dev.vouch.scanner.Family;
import dev.vouch.scanner.Finding;
import dev.vouch.scanner.Severity;
import dev.vouch.scanner.input.ScanInput;
import dev.vouch.scanner.match.CaseFolding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Family 13: a server whose name copies or nearly copies a well-known server's from another
 * namespace ({@code io.github.someone/github-mcp-server}). Mixed-script names are caught by
 * {@link HiddenContentCheck} on every name field.
 */
public final class ImpersonationCheck implements ServerCheck {

    /** Well-known server names and the namespaces that own them. */
    private static final Map<String, String> WELL_KNOWN = Map.ofEntries(
            Map.entry("github-mcp-server", "io.github.github"),
            Map.entry("github", "io.github.github"),
            Map.entry("gitlab", "com.gitlab"),
            Map.entry("filesystem", "io.github.modelcontextprotocol"),
            Map.entry("server-filesystem", "io.github.modelcontextprotocol"),
            Map.entry("fetch", "io.github.modelcontextprotocol"),
            Map.entry("memory", "io.github.modelcontextprotocol"),
            Map.entry("sequential-thinking", "io.github.modelcontextprotocol"),
            Map.entry("everything", "io.github.modelcontextprotocol"),
            Map.entry("playwright-mcp", "io.github.microsoft"),
            Map.entry("playwright", "io.github.microsoft"),
            Map.entry("notion", "com.notion"),
            Map.entry("stripe", "com.stripe"),
            Map.entry("slack", "com.slack"),
            Map.entry("sentry", "dev.sentry"),
            Map.entry("context7", "com.context7"),
            Map.entry("brave-search-mcp-server", "io.github.brave"),
            Map.entry("mcp-atlassian", "io.github.sooperset"),
            Map.entry("mcp-grafana", "io.github.grafana"),
            Map.entry("supabase-mcp", "com.supabase"),
            Map.entry("cloudflare", "com.cloudflare"),
            Map.entry("linear", "app.linear"),
            Map.entry("figma", "com.figma"),
            Map.entry("azure-mcp", "io.github.azure"),
            Map.entry("aws-documentation", "io.github.awslabs"));

    @Override
    public List<Finding> check(ScanInput input) {
        List<Finding> findings = new ArrayList<>();
        input.manifest().ifPresent(manifest -> {
            String full = manifest.node().path("name").asText("");
            int slash = full.indexOf('/');
            if (slash < 0) {
                return;
            }
            String namespace = CaseFolding.lower(full.substring(0, slash));
            String name = CaseFolding.lower(full.substring(slash + 1));
            for (Map.Entry<String, String> known : WELL_KNOWN.entrySet()) {
                if (namespace.equals(known.getValue())) {
                    continue;
                }
                int distance = editDistance(name, known.getKey(), 2);
                if (distance == 0 || (distance <= 2 && known.getKey().length() >= 6)) {
                    findings.add(new Finding(
                            "VR-IMPERSONATION-NAME",
                            Family.IMPERSONATION,
                            Severity.REVIEW,
                            manifest.pointer() + "/name",
                            "'" + full + "' " + (distance == 0 ? "copies" : "is close to") + " the well-known server "
                                    + known.getValue() + "/" + known.getKey()));
                    return;
                }
            }
        });
        return findings;
    }

    /** Levenshtein distance, or {@code limit + 1} as soon as it must exceed {@code limit}. */
    static int editDistance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
