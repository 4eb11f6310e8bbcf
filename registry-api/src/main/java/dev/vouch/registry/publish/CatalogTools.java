package dev.vouch.registry.publish;

import dev.vouch.registry.domain.ServerName;
import dev.vouch.scanner.intent.OtherTools;
import dev.vouch.store.CatalogTool;
import dev.vouch.store.Store;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tools of the servers the registry holds (each server's latest version), as a publish reads a server beside
 * them: an agent may have any of them connected too. A tool whose text steers one of them shadows it, and so may a
 * tool of the same name ({@link #sharingNames}). The scanner asks only about the few call-like names a text uses,
 * and each is looked up in the catalog once a scan (an indexed read), so a publish or a mirrored version costs the
 * same whatever the size of the catalog.
 */
final class CatalogTools {

    /**
     * The most names one scan looks up one at a time. An honest tool set names a few dozen; past this, a text of
     * made-up identifiers would cost a read each, so the rest of the scan is answered from one read of every other
     * server's tool names.
     */
    static final int MAX_LOOKUPS = 2_000;

    /**
     * The most tools of other servers a publish reports as named like its own: a name as common as
     * {@code list_projects} may be shared by hundreds of servers in a large catalog, and the first of them say as
     * much as all of them.
     */
    static final int MAX_SHARED = 100;

    private CatalogTools() {}

    /** The tools of every server but {@code serverName}: what its own tools sit beside. */
    static OtherTools besides(Store store, String serverName) {
        return new OtherTools() {
            private final Map<String, Optional<String>> asked = new HashMap<>();
            private Map<String, String> all;

            @Override
            public String spelling(String key) {
                if (key.length() > SharedToolName.MAX_NAME) {
                    return null;
                }
                if (all == null && asked.size() >= MAX_LOOKUPS) {
                    all = store.read(repos -> repos.versions().toolsOutside(serverName));
                }
                if (all != null) {
                    String spelled = all.get(key);
                    return spelled != null && OtherTools.isNamedLikeATool(spelled) ? spelled : null;
                }
                return asked.computeIfAbsent(key, k -> spellingElsewhere(store, serverName, k))
                        .orElse(null);
            }
        };
    }

    /**
     * The tools of the servers of other publishers (namespaces) that are named like one of {@code tools}, in any ASCII
     * case, by name and then server, at most {@link #MAX_SHARED}; only names that say something when shared count
     * ({@link SharedToolName#key}).
     */
    static List<SharedToolName> sharingNames(Store store, ServerName name, Collection<String> tools) {
        Map<String, String> byKey = new LinkedHashMap<>();
        tools.forEach(tool -> SharedToolName.key(tool).ifPresent(key -> byKey.putIfAbsent(key, tool)));
        if (byKey.isEmpty()) {
            return List.of();
        }
        List<CatalogTool> shared =
                store.read(repos -> repos.versions().toolsNamed(byKey.keySet(), name.namespace(), MAX_SHARED));
        return shared.stream()
                .map(other -> new SharedToolName(byKey.get(other.key()), other.serverName(), other.tier()))
                .toList();
    }

    /** How another server than {@code serverName} spells the tool named {@code key}, if one has such a tool. */
    private static Optional<String> spellingElsewhere(Store store, String serverName, String key) {
        Map<String, String> servers = store.read(repos -> repos.versions().serversWithTool(key, serverName));
        return servers.values().stream().filter(OtherTools::isNamedLikeATool).findFirst();
    }
}
