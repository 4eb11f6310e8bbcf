package dev.vouch.scanner.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The literal words every match of a pattern opens with, when its source says so plainly: a first
 * group of alternatives that each begin with letters, "(include|includes|send|exfiltrat\w*)\s+…".
 *
 * <p>Run unanchored over a keyword window, RE2/J starts a thread at every character, and a pattern
 * that opens with a long alternation and then allows a few words ({@code ([\w'’.-]+\s+){0,6}}) keeps
 * many alive: hundreds of nanoseconds a character. Any match must begin where one of these words
 * occurs, so the rule runs RE2/J anchored there instead ({@link Rule#match}): leftmost-first matching
 * picks, from the leftmost start, the same match either way.
 *
 * <p>The places found are a superset of where RE2/J could begin a match: the patterns are caseless,
 * and besides the ASCII case pairs RE2/J folds a few characters beyond ASCII onto ASCII letters (the
 * Kelvin sign onto k, the long s onto s), so any character beyond ASCII is taken to match a letter.
 */
final class OpeningWords {

    private static final int ASCII = 0x80;

    private final char[][] words;
    /** Per ASCII character folded to lower case, the words that begin with it. */
    private final char[][][] byFirst;
    /** The words that begin with a letter, which a character beyond ASCII may begin. */
    private final char[][] letterFirst;

    private OpeningWords(List<String> opening) {
        words = new char[opening.size()][];
        for (int i = 0; i < words.length; i++) {
            words[i] = opening.get(i).toCharArray();
        }
        byFirst = new char[ASCII][][];
        List<char[]> letters = new ArrayList<>();
        for (char c = 0; c < ASCII; c++) {
            List<char[]> starting = new ArrayList<>();
            for (char[] word : words) {
                if (word[0] == c) {
                    starting.add(word);
                }
            }
            if (!starting.isEmpty()) {
                byFirst[c] = starting.toArray(new char[0][]);
            }
        }
        for (char[] word : words) {
            if (isLetter(word[0])) {
                letters.add(word);
            }
        }
        letterFirst = letters.toArray(new char[0][]);
    }

    /**
     * The opening words of {@code regex} (its source, as the rule pack writes it), or null when its
     * source does not open with a group of alternatives that all begin with letters or digits and is
     * not made optional, or when the pattern has a second branch of its own.
     */
    static OpeningWords of(String regex) {
        if (!regex.startsWith("(") || regex.startsWith("(?")) {
            return null;
        }
        int close = closingParen(regex);
        if (close < 0 || isQuantifier(regex, close + 1) || hasTopLevelBar(regex, close + 1)) {
            return null;
        }
        List<String> opening = new ArrayList<>();
        for (String alternative : alternatives(regex.substring(1, close))) {
            String literal = literalPrefix(alternative);
            if (literal.isEmpty()) {
                return null;
            }
            opening.add(literal);
        }
        return opening.isEmpty() ? null : new OpeningWords(opening);
    }

    /** The first place at or after {@code from} where an opening word lies wholly before {@code to}, or -1. */
    int next(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            char[][] candidates;
            if (c < ASCII) {
                candidates = byFirst[c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c];
            } else {
                candidates = letterFirst;
            }
            if (candidates != null) {
                for (char[] word : candidates) {
                    if (occursAt(text, k, to, word)) {
                        return k;
                    }
                }
            }
        }
        return -1;
    }

    private static boolean occursAt(String text, int k, int to, char[] word) {
        if (k + word.length > to) {
            return false;
        }
        for (int j = 0; j < word.length; j++) {
            char c = text.charAt(k + j);
            char w = word[j];
            if (c == w) {
                continue;
            }
            boolean folds = isLetter(w) && (c >= ASCII || (c | 0x20) == w);
            if (!folds) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** The index of the parenthesis that closes the one at 0, or -1. */
    private static int closingParen(String regex) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    i++;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isQuantifier(String regex, int i) {
        return i < regex.length() && "?*+{".indexOf(regex.charAt(i)) >= 0;
    }

    /** Whether {@code regex} from {@code from} on has a bar outside any group: a second way to match. */
    private static boolean hasTopLevelBar(String regex, int from) {
        int depth = 0;
        boolean inClass = false;
        for (int i = from; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    i++;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth <= 0) {
                return true;
            }
        }
        return false;
    }

    /** The group's alternatives: split at its own bars, not at those of groups inside it. */
    private static List<String> alternatives(String group) {
        List<String> alternatives = new ArrayList<>();
        int depth = 0;
        boolean inClass = false;
        int start = 0;
        for (int i = 0; i < group.length(); i++) {
            char c = group.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < group.length() && group.charAt(i + 1) == ']') {
                    i++;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                alternatives.add(group.substring(start, i));
                start = i + 1;
            }
        }
        alternatives.add(group.substring(start));
        return alternatives;
    }

    /**
     * The letters, digits, spaces and hyphens an alternative opens with, in lower case, short of one a
     * quantifier makes optional or repeats ("instruction" of "instructions?").
     */
    private static String literalPrefix(String alternative) {
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < alternative.length(); i++) {
            char c = alternative.charAt(i);
            boolean plain =
                    c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ' || c == '-';
            if (!plain || isQuantifier(alternative, i + 1)) {
                break;
            }
            literal.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return literal.toString();
    }
}
