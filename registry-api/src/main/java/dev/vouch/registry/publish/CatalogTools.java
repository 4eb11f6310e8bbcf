package dev.vouch.registry.publish;

import dev.vouch.scanner.intent.OtherTools;
import dev.vouch.store.Store;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The tools of the servers the registry holds (each server's latest version), read from the catalog at once: an
 * agent may have any of them connected beside the server being scanned, so a scan reads that server's texts against
 * the others' tools ({@link #besides}), and a tool that steers one of them is read as shadowing it.
 */
final class CatalogTools {

    /** A tool name: as first spelled, and the one server that has it, or null when several do. */
    private record Held(String spelling, String onlyServer) {}

    private final Map<String, Held> byKey;

    private CatalogTools(Map<String, Held> byKey) {
        this.byKey = byKey;
    }

    static CatalogTools read(Store store) {
        Map<String, Set<String>> byServer = store.read(repos -> repos.versions().latestToolNames());
        Map<String, Held> byKey = new HashMap<>();
        byServer.forEach((server, names) -> {
            for (String name : names) {
                if (OtherTools.isNamedLikeATool(name)) {
                    byKey.merge(
                            name.toLowerCase(Locale.ROOT),
                            new Held(name, server),
                            (held, more) -> Objects.equals(held.onlyServer(), more.onlyServer())
                                    ? held
                                    : new Held(held.spelling(), null));
                }
            }
        });
        return new CatalogTools(byKey);
    }

    /** The tools of every server but {@code serverName}: what its own tools sit beside. */
    OtherTools besides(String serverName) {
        return key -> {
            Held held = byKey.get(key);
            return held == null || serverName.equals(held.onlyServer()) ? null : held.spelling();
        };
    }
}
