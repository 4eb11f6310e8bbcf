package dev.vouch.scanner.intent;

import dev.vouch.scanner.match.CaseFolding;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The tools of other servers that an agent may have connected beside the server being scanned: a registry knows
 * them from its catalog. A text that steers one of them steers a tool its own server does not own (shadowing), and
 * is read as a text that steers a well-known server's tool is. Only names of two words or more count
 * ({@link #isNamedLikeATool}), as the lexicon's well-known names do.
 */
@FunctionalInterface
public interface OtherTools {

    /** No other server's tools: a file scanned on its own. */
    OtherTools NONE = key -> null;

    /**
     * How the server whose tool it is spells a lower-cased name (whether the tool only reads is read from the
     * spelling), or null if no other server has a tool of that name.
     */
    String spelling(String key);

    /**
     * Whether a name has two words or more ({@code approve_payment}, {@code postLedgerEntry}): prose says a name of one
     * word ("search") without meaning any tool.
     */
    static boolean isNamedLikeATool(String name) {
        return ToolNames.words(name).length >= 2;
    }

    /** These tools, and then {@code more}: the spelling of the first that has a tool of a name. */
    default OtherTools or(OtherTools more) {
        return key -> {
            String spelled = spelling(key);
            return spelled != null ? spelled : more.spelling(key);
        };
    }

    /** The tools named {@code names}, as their servers spell them. */
    static OtherTools of(Collection<String> names) {
        Map<String, String> spellings = new HashMap<>();
        for (String name : names) {
            if (name != null && isNamedLikeATool(name)) {
                spellings.putIfAbsent(CaseFolding.lower(name), name);
            }
        }
        return spellings.isEmpty() ? NONE : Map.copyOf(spellings)::get;
    }
}
