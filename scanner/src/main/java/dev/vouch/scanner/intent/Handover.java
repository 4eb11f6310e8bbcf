package dev.vouch.scanner.intent;

import dev.vouch.scanner.match.CaseFolding;
import java.util.Set;

/**
 * Whether a sentence hands a secret over: the secret is the object of a verb of giving a few words before it, in the
 * same clause and unnegated ("called with the user's access token", "give it the connection string", "include your
 * API key"). Honest texts speak of secrets far more often to keep them ("Do not put tokens in `fields`", "Upload
 * credentials are generated and used internally"). English only: the other languages' handovers are left to the cues
 * around them.
 */
final class Handover {

    private Handover() {}

    /** How far before the secret the verb of giving may stand: a determiner, a possessive and a word or two. */
    private static final int WINDOW = 40;

    /** Whether the secret at {@code secretStart}, in the sentence that starts at {@code sentenceStart}, is handed over. */
    static boolean of(String text, int sentenceStart, int secretStart) {
        String before = CaseFolding.lower(text.substring(sentenceStart, secretStart));
        if (hasAWordOf(before, 0, NEGATIONS) || before.contains("n't")) {
            return false;
        }
        int from = Math.max(0, before.length() - WINDOW);
        for (int i = before.length() - 1; i >= from; i--) {
            if (CLAUSE_BREAKS.indexOf(before.charAt(i)) >= 0) {
                from = i + 1;
                break;
            }
        }
        return hasAWordOf(before, from, GIVING);
    }

    private static boolean hasAWordOf(String lower, int from, Set<String> words) {
        int i = from;
        while (i < lower.length()) {
            while (i < lower.length() && !Character.isLetter(lower.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < lower.length() && Character.isLetter(lower.charAt(i))) {
                i++;
            }
            if (i > start && words.contains(lower.substring(start, i))) {
                return true;
            }
        }
        return false;
    }

    private static final String CLAUSE_BREAKS = ",;:()\u2014";

    private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "without", "nor");

    private static final Set<String> GIVING = Set.of(
            "with",
            "pass",
            "passing",
            "give",
            "provide",
            "supply",
            "include",
            "including",
            "send",
            "attach",
            "share",
            "hand",
            "forward",
            "enter",
            "paste",
            "put",
            "submit",
            "append",
            "add",
            "sending",
            "attaching",
            "adding");
}
