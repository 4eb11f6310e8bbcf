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
}
