package dev.vouch.scanner.intent;

/** Small look-ups on the words just before a cue. */
final class Phrases {

    private Phrases() {}

    /** Whether {@code text} ends with one of {@code phrases} as whole words (no letter right before it). */
    static boolean endsWithAny(String text, String[] phrases) {
        for (String phrase : phrases) {
            if (text.endsWith(phrase)
                    && (text.length() == phrase.length()
                            || !Character.isLetter(text.charAt(text.length() - phrase.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text} holds one of {@code phrases} starting a word (no letter right before it). */
    static boolean containsAny(String text, String[] phrases) {
        for (String phrase : phrases) {
            for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
                if (at == 0 || !Character.isLetter(text.charAt(at - 1))) {
                    return true;
                }
            }
        }
        return false;
    }
}
