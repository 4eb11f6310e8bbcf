package dev.vouch.scanner.intent;

import dev.vouch.scanner.match.CharTables;

/** Small look-ups on the words just before or after a cue. */
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

    /**
     * Whether {@code text} holds, at {@code at}, one of the lower-case {@code words} in any case, as a whole word (no
     * letter, digit, underscore or hyphen right after it: "this_month_sales" is a name, not "this").
     */
    static boolean startsWithWord(String text, int at, String[] words) {
        for (String word : words) {
            int end = at + word.length();
            if (text.regionMatches(true, at, word, 0, word.length())
                    && (end == text.length() || !isNamePart(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNamePart(char c) {
        return CharTables.isLetterOrDigit(c) || c == '_' || c == '-';
    }
}
