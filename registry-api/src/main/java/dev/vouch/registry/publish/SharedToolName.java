package dev.vouch.registry.publish;

import dev.vouch.scanner.intent.OtherTools;
import java.util.Optional;

/**
 * One of a new version's tools that a server of another publisher (another namespace) also has in its latest
 * version, by name in any ASCII case, and the tier that server was published in. An agent that has both servers
 * connected may call either when the model asks for the name: the classic way for a tool to shadow another.
 *
 * @param tool   the name as the new version spells it
 * @param server the other server
 * @param tier   the other server's tier
 */
public record SharedToolName(String tool, String server, String tier) {

    /** No tool name is longer: a longer one is compared in vain. */
    static final int MAX_NAME = 200;

    /**
     * The form two tools' names are compared in, the catalog's key (SQLite's {@code lower()}: ASCII letters
     * only), or empty for a name that says nothing when shared: one word ({@code search}, {@code fetch}, as in a
     * scan, {@link OtherTools#isNamedLikeATool}) or over 200 characters.
     */
    public static Optional<String> key(String tool) {
        if (tool.length() > MAX_NAME || !OtherTools.isNamedLikeATool(tool)) {
            return Optional.empty();
        }
        char[] chars = tool.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return Optional.of(new String(chars));
    }
}
