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
     * The most names one scan looks up. An honest tool set names a few dozen; a text of a megabyte of made-up
     * identifiers would otherwise cost a read each. Past it, a name is read as no other server's tool (the lexicon's
     * well-known servers are still known).
     */
    static final int MAX_LOOKUPS = 2_000;

    private CatalogTools() {}

    /** The tools of every server but {@code serverName}: what its own tools sit beside. */
    static OtherTools besides(Store store, String serverName) {
        Map<String, Optional<String>> asked = new HashMap<>();
        return key -> {
            Optional<String> known = asked.get(key);
            if (known == null) {
                if (asked.size() >= MAX_LOOKUPS) {
                    return null;
                }
                known = spellingElsewhere(store, serverName, key);
                asked.put(key, known);
            }
            return known.orElse(null);
        };
    }

    /** How another server than {@code serverName} spells the tool named {@code key}, if one has such a tool. */
    private static Optional<String> spellingElsewhere(Store store, String serverName, String key) {
        Map<String, String> servers = store.read(repos -> repos.versions().serversWithTool(key));
        return servers.entrySet().stream()
                .filter(server -> !server.getKey().equals(serverName))
                .map(Map.Entry::getValue)
                .filter(OtherTools::isNamedLikeATool)
                .findFirst();
    }
}
