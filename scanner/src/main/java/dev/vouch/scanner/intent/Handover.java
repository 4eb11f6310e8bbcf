package dev.vouch.scanner.intent;

import java.util.Set;

/**
 * Whether a sentence hands a secret over: the secret is the object of a verb of giving a few words before it, in the
 * same clause and unnegated ("called with the user's access token", "give it the connection string", "include your
 * API key"). Honest texts speak of secrets far more often to keep them ("Do not put tokens in `fields`", "Upload
 * credentials are generated and used internally") or to say how the server signs its requests ("it signs every
 * request with the API key from the environment"). English only: the other languages' handovers are left to the cues
 * around them.
 */
final class Handover {

    private Handover() {}

    /**
     * How far before the secret the verb of giving may stand: a determiner, a possessive and a word or two before a
     * secret of several words, whose last word may be the one the cue marks ("the user's personal access token").
     */
    private static final int WINDOW = 60;

    /** Whether the secret that starts at {@code secretStart} is handed over. */
    static boolean of(String text, int secretStart) {
        String[] words = Surroundings.clauseWordsBefore(text, secretStart, WINDOW);
        // A window that opens inside a word, with no clause break after that, holds its tail only: "in|put" is no
        // "put".
        int first = secretStart > WINDOW
                        && Character.isLetter(text.charAt(secretStart - WINDOW - 1))
                        && Surroundings.lastClauseBreak(Surroundings.lowerBefore(text, secretStart, WINDOW)) < 0
                ? 1
                : 0;
        boolean called = false;
        boolean given = false;
        for (int i = first; i < words.length; i++) {
            String word = words[i];
            if (NEGATIONS.contains(word) || word.endsWith("n't")) {
                return false;
            }
            called |= CALLING.contains(word);
            // "with" hands a secret over only to a call: "called with the token", not "signs requests with the key".
            given |= GIVING.contains(word) || called && word.equals("with");
        }
        return given;
    }

    private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "without", "nor");

    private static final Set<String> CALLING =
            Set.of("call", "called", "calling", "invoke", "invoked", "invoking", "run", "runs", "ran", "execute");

    private static final Set<String> GIVING = Set.of(
            "pass",
            "passing",
            "give",
            "provide",
            "supply",
            "include",
            "including",
            "send",
            "sending",
            "attach",
            "attaching",
            "share",
            "hand",
            "forward",
            "enter",
            "paste",
            "put",
            "submit",
            "append",
            "add",
            "adding");
}
