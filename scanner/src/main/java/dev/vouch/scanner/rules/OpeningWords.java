package dev.vouch.scanner.rules;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The literal words every match of a pattern opens with, when its source says so plainly: each of its
 * branches opens, after any word boundaries, with letters or with a group of alternatives that each
 * do, "\b(include|includes|send|exfiltrat\w*)\s+…" or "curl\b…|/dev/(tcp|udp)/…".
 *
 * <p>Run unanchored over a keyword window, RE2/J starts a thread at every character, and a pattern
 * that opens with a long alternation and then allows a few words ({@code ([\w'’.-]+\s+){0,6}}) keeps
 * many alive: hundreds of nanoseconds a character. Any match must begin where one of these words
 * occurs, so RE2/J runs anchored there instead ({@link WindowSearch}): leftmost-first matching picks, from the
 * leftmost start, the same match either way.
 *
 * <p>The places tried are a superset of where RE2/J could begin a match: the patterns are caseless,
 * and besides the ASCII case pairs RE2/J folds a few characters beyond ASCII onto ASCII letters (the
 * Kelvin sign onto k, the long s onto s), so any character beyond ASCII but a surrogate is taken to
 * match a letter.
 */
public final class OpeningWords {

    private static final int ASCII = 0x80;
    private static final String METACHARACTERS = "\\.+*?()|[]{}^$";

    /** Per ASCII character folded to lower case, the words that begin with it. */
    private final Word[][] byFirst;
    /** The words that begin with a letter, which a character beyond ASCII may begin. */
    private final Word[] letterFirst;
    /**
     * The words that begin beyond ASCII ("отключи", "禁用"), by the {@link #caseKey} of their first character,
     * sorted, and the words of each key: a character beyond ASCII is looked up here as well.
     */
    private final char[] wideKeys;

    private final Word[][] wideFirst;
    /**
     * The pattern, and the pattern after any one character: run at a place where the window starts, and
     * from the character before any other place, so that it sees the same context there (word
     * boundaries, the start of the window) as the search over the window would. Both open with a caret:
     * run anchored, RE2/J otherwise steps on to the end of its input after every thread has died, and each
     * try would cost the rest of the window rather than the few characters a match could take.
     */
    private final Pattern atStart;

    private final Pattern afterOne;

    private final Pattern regex;

    /** One opening word, and whether its branch asks for a word boundary before it. */
    private record Word(char[] chars, boolean atBoundary) {}

    private OpeningWords(List<Word> words, Pattern regex) {
        byFirst = new Word[ASCII][];
        for (char c = 0; c < ASCII; c++) {
            char first = c;
            Word[] starting =
                    words.stream().filter(word -> word.chars()[0] == first).toArray(Word[]::new);
            byFirst[c] = starting.length == 0 ? null : starting;
        }
        letterFirst = words.stream().filter(word -> isLetter(word.chars()[0])).toArray(Word[]::new);
        List<Character> wideStarts = words.stream()
                .map(word -> word.chars()[0])
                .filter(c -> c >= ASCII)
                .distinct()
                .sorted()
                .toList();
        wideKeys = new char[wideStarts.size()];
        wideFirst = new Word[wideStarts.size()][];
        for (int k = 0; k < wideKeys.length; k++) {
            char key = wideStarts.get(k);
            wideKeys[k] = key;
            wideFirst[k] = words.stream().filter(word -> word.chars()[0] == key).toArray(Word[]::new);
        }
        this.regex = regex;
        atStart = Pattern.compile("^(?:" + regex.pattern() + ")", regex.flags());
        afterOne = Pattern.compile("^(?s:.)(?:" + regex.pattern() + ")", regex.flags());
    }

    /**
     * The opening words of {@code source} (the pattern as the rule pack writes it, compiled as
     * {@code regex}), or null when some branch of it may open otherwise.
     */
    public static OpeningWords of(String source, Pattern regex) {
        List<Word> opening = new ArrayList<>();
        for (String branch : split(source)) {
            String rest = branch;
            while (rest.startsWith("\\b")) {
                rest = rest.substring(2);
            }
            List<String> words = openingOf(rest);
            if (words == null) {
                return null;
            }
            for (String word : words) {
                opening.add(new Word(word.toCharArray(), rest.length() < branch.length()));
            }
        }
        return new OpeningWords(opening, regex);
    }

    /** The matches of the pattern these words open in the window {@code [windowStart, windowEnd)} of {@code text}. */
    public WindowSearch search(String text, int windowStart, int windowEnd) {
        return new WindowSearch(this, text, windowStart, windowEnd);
    }

    /** The pattern, to search the window with where anchored runs cost too much. */
    Pattern regex() {
        return regex;
    }

    /** RE2/J anchored at {@code start} in the window: the match that starts there, or null. */
    int[] matchAt(TextSlice.Reads reads, String text, int start, int windowStart, int windowEnd) {
        boolean first = start == windowStart;
        Matcher matcher = first
                ? atStart.matcher(new TextSlice(text, start, windowEnd, reads))
                : afterOne.matcher(new TextSlice(text, start - 1, windowEnd, reads));
        return matcher.lookingAt() ? new int[] {start, (first ? start : start - 1) + matcher.end()} : null;
    }

    /**
     * The first place at or after {@code from} where an opening word lies wholly before {@code to}, or -1.
     * A word whose branch asks for a boundary before it is passed over inside an ASCII word, where
     * RE2/J's boundary (between ASCII word characters and the rest) cannot hold.
     */
    int next(String text, int from, int windowStart, int to) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            Word[] candidates;
            Word[] wide = null;
            if (c < ASCII) {
                candidates = byFirst[c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c];
            } else {
                candidates = letterFirst;
                int key = wideKeys.length == 0 ? -1 : Arrays.binarySearch(wideKeys, caseKey(c));
                wide = key >= 0 ? wideFirst[key] : null;
            }
            if (candidates == null) {
                continue;
            }
            boolean insideWord = k > windowStart && isWordChar(text.charAt(k - 1)) && isWordChar(c);
            if (occursAt(text, k, to, candidates, insideWord)
                    || wide != null && occursAt(text, k, to, wide, insideWord)) {
                return k;
            }
        }
        return -1;
    }

    /** RE2/J's word character, which its {@code \b} tells from the rest. */
    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static boolean occursAt(String text, int k, int to, Word[] words, boolean insideWord) {
        for (Word word : words) {
            if (!(word.atBoundary() && insideWord) && occursAt(text, k, to, word.chars())) {
                return true;
            }
        }
        return false;
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
            boolean folds = w < ASCII
                    ? isLetter(w) && (c >= ASCII ? !Character.isSurrogate(c) : (c | 0x20) == w)
                    : c >= ASCII && caseKey(c) == w;
            if (!folds) {
                return false;
            }
        }
        return true;
    }

    /**
     * One character for all the case forms of a character beyond ASCII: lower case of upper case, so that
     * "Σ", "σ" and final "ς", or "µ" and "μ", have one key. RE2/J's caseless matching joins no two
     * characters whose keys differ but for those it folds onto ASCII letters, which {@link #literalPrefix}
     * leaves out of the words ({@code OpeningWordsTest} asks RE2/J of every character).
     */
    static char caseKey(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** A character beyond ASCII that may stand in a word: none of its case forms is ASCII or a surrogate. */
    static boolean isWideLiteral(char c) {
        return c > 0x7f
                && !Character.isSurrogate(c)
                && Character.toUpperCase(c) >= ASCII
                && Character.toLowerCase(c) >= ASCII
                && caseKey(c) >= ASCII;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** The words a branch (its word boundaries skipped) opens with, or null when it may open otherwise. */
    private static List<String> openingOf(String branch) {
        if (!branch.startsWith("(")) {
            String literal = literalPrefix(branch);
            return literal.isEmpty() ? null : List.of(literal);
        }
        int close = closingParen(branch);
        if (branch.startsWith("(?") || close < 0) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (String alternative : split(branch.substring(1, close))) {
            String literal = literalPrefix(alternative);
            if (literal.isEmpty()) {
                return null;
            }
            words.add(literal);
        }
        if (!isQuantifier(branch, close + 1)) {
            return words;
        }
        // "(important\s+)?side[- ]effects?": a match opens with the optional group's words or with what
        // follows it.
        int after = close + 2;
        after += after < branch.length() && branch.charAt(after) == '?' ? 1 : 0;
        if (branch.charAt(close + 1) != '?' || branch.startsWith("\\b", after)) {
            return null;
        }
        List<String> following = openingOf(branch.substring(after));
        if (following == null) {
            return null;
        }
        words.addAll(following);
        return words;
    }

    /** The index of the parenthesis that closes the one at 0, or -1. */
    private static int closingParen(String regex) {
        int[] close = {-1};
        structure(regex, (i, c, depth) -> {
            if (c == ')' && depth == 0) {
                close[0] = i;
                return false;
            }
            return true;
        });
        return close[0];
    }

    private static boolean isQuantifier(String regex, int i) {
        return i < regex.length() && "?*+{".indexOf(regex.charAt(i)) >= 0;
    }

    /** The branches of {@code regex}: split at its own bars, not at those inside groups or classes. */
    private static List<String> split(String regex) {
        List<String> branches = new ArrayList<>();
        int[] start = {0};
        structure(regex, (i, c, depth) -> {
            if (c == '|' && depth == 0) {
                branches.add(regex.substring(start[0], i));
                start[0] = i + 1;
            }
            return true;
        });
        branches.add(regex.substring(start[0]));
        return branches;
    }

    /** One structural character of a regex, and the depth of parentheses after it; false stops the walk. */
    private interface StructureVisitor {
        boolean visit(int index, char c, int depth);
    }

    /**
     * Hands {@code visitor} each parenthesis and bar of {@code regex} that is neither escaped nor inside a
     * character class (where "]" right after "[" is a member, not the end).
     */
    private static void structure(String regex, StructureVisitor visitor) {
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
            } else if (c == '(' || c == ')' || c == '|') {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (!visitor.visit(i, c, depth)) {
                    return;
                }
            }
        }
    }

    /**
     * The literal characters a branch opens with, letters in lower case, short of one a quantifier
     * makes optional or repeats ("instruction" of "instructions?"): printable ASCII but the
     * metacharacters, metacharacters escaped ({@code \.}), and characters beyond ASCII by their
     * {@link #caseKey} ("отключи", "禁用": a pattern of another language was searched from every character
     * of its window, 40 µs a window for one of them). Classes ({@code \w}) end it, and so does a character
     * one of whose case forms is ASCII ("\u212A", the Kelvin sign, is a k to RE2/J).
     */
    private static String literalPrefix(String branch) {
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < branch.length()) {
            char c = branch.charAt(i);
            int next = i + 1;
            if (c == '\\') {
                if (next >= branch.length() || METACHARACTERS.indexOf(branch.charAt(next)) < 0) {
                    break;
                }
                c = branch.charAt(next);
                next++;
            } else if (c < ' ' || c == 0x7f || c > 0x7f && !isWideLiteral(c) || METACHARACTERS.indexOf(c) >= 0) {
                break;
            }
            if (isQuantifier(branch, next)) {
                break;
            }
            literal.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c > 0x7f ? caseKey(c) : c);
            i = next;
        }
        return literal.toString();
    }
}
