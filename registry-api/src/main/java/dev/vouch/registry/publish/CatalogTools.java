package dev.vouch.registry.publish;

import dev.vouch.scanner.intent.OtherTools;
import dev.vouch.store.Store;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tools of the servers the registry holds (each server's latest version), as a scan of one server reads its
 * texts beside them: an agent may have any of them connected too, and a tool that steers one of them shadows it. The
 * scanner asks only about the few call-like names a text uses, and each is looked up in the catalog once a scan
 * (an indexed read), so a publish or a mirrored version costs the same whatever the size of the catalog.
 */
final class CatalogTools {

    /**
     * The most names one scan looks up one at a time. An honest tool set names a few dozen; past this, a text of
     * made-up identifiers would cost a read each, so the rest of the scan is answered from one read of every other
     * server's tool names.
     */
    static final int MAX_LOOKUPS = 2_000;

    /** No tool name is longer: a longer one is looked for in vain. */
    private static final int MAX_NAME = 200;

    private CatalogTools() {}

    /** The tools of every server but {@code serverName}: what its own tools sit beside. */
    static OtherTools besides(Store store, String serverName) {
        return new OtherTools() {
            private final Map<String, Optional<String>> asked = new HashMap<>();
            private Map<String, String> all;

            @Override
            public String spelling(String key) {
                if (key.length() > MAX_NAME) {
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

    /** How another server than {@code serverName} spells the tool named {@code key}, if one has such a tool. */
    private static Optional<String> spellingElsewhere(Store store, String serverName, String key) {
        Map<String, String> servers = store.read(repos -> repos.versions().serversWithTool(key, serverName));
        return servers.values().stream().filter(OtherTools::isNamedLikeATool).findFirst();
    }
}
