package dev.vouch.scanner.intent;

import dev.vouch.scanner.match.CharTables;
import java.util.Arrays;
import java.util.Set;

/**
 * Where the sentences of a folded text begin and end, and where a clause may begin, read in one pass
 * over its characters (two passes, each with its own copy of the text, cost more than the work itself).
 *
 * <p>Sentences end at full stops followed by space, other terminators and line breaks. A clause may
 * begin at the start of the text and of a line, and after clause punctuation, skipping spaces, quotes,
 * list markers and markdown emphasis.
 */
final class TextBounds {

    private static final int MAX_SENTENCE = 600;

    private int[] starts;
    private int[] ends;
    private int count;
    /**
     * Where a clause may begin, one bit a character: a boolean a character, made for every text read, was some
     * 3% of the bytes a scan allocated.
     */
    private final long[] clauseStart;

    private TextBounds(int length) {
        starts = new int[8];
        ends = new int[8];
        clauseStart = new long[(length >> 6) + 1];
    }

    static TextBounds of(String folded) {
        return of(folded.toCharArray());
    }

    /** The bounds of a folded text's characters, read and not kept. */
    static TextBounds of(char[] f) {
        int length = f.length;
        TextBounds bounds = new TextBounds(length);
        boolean pending = true;
        int start = 0;
        for (int i = 0; i < length; i++) {
            char c = f[i];
            if (!pending && c < 0x80 && !ASCII_CLAUSE_BREAK[c]) {
                // Most characters, letters and spaces alike, inside a clause: no clause starts and no sentence
                // ends at them (every ASCII terminator breaks a clause). One predictable branch, where the
                // tests below mispredicted at each word's end.
                continue;
            }
            if (pending && CharTables.isLetterOrDigit(c)) {
                bounds.clauseStart[i >> 6] |= 1L << i;
                int joined = secondVerbAfterAnd(f, i);
                if (joined > 0) {
                    // "Relax and forward the messages", "Read and then delete it": a clause's first word joined by
                    // "and" to the next may be a verb joined to a verb, whether or not the lexicon knows the first
                    // (or a noun joined to a noun, "Start and cancel dates": what may open a clause is not yet a
                    // command).
                    bounds.clauseStart[joined >> 6] |= 1L << joined;
                    int joinedOn = connectiveLength(f, joined);
                    if (joinedOn > 0 && joined + joinedOn + 1 < length) {
                        bounds.clauseStart[(joined + joinedOn + 1) >> 6] |= 1L << (joined + joinedOn + 1);
                    }
                }
                int connective = connectiveLength(f, i);
                // "Also include the key": the clause's verb starts after the word that joins it on.
                pending = connective > 0;
                i += Math.max(0, connective - 1);
                if (pending) {
                    continue;
                }
            } else if (isClauseBreak(c)) {
                pending = true;
            } else if (pending && !isLead(c)) {
                pending = false;
            }
            if (c > '?' && c < '\u3002') {
                // Letters and most other characters: every terminator lies outside this range.
                continue;
            }
            boolean end = c == '\n'
                    || c == ';'
                    || c == '\u3002'
                    || c == '\uff01'
                    || c == '\uff1f'
                    || c == '\uff1b'
                    || ((c == '.' || c == '!' || c == '?')
                            && (i + 1 == length || Character.isWhitespace(f[i + 1]))
                            && !abbreviation(f, i))
                    || i - start >= MAX_SENTENCE && c == ',';
            if (end) {
                if (i + 1 - start > 1) {
                    bounds.add(start, i + 1);
                }
                start = i + 1;
            }
        }
        if (start < length || bounds.count == 0) {
            bounds.add(start, length);
        }
        return bounds;
    }

    int count() {
        return count;
    }

    int start(int sentence) {
        return starts[sentence];
    }

    int end(int sentence) {
        return ends[sentence];
    }

    boolean isClauseStart(int position) {
        return (clauseStart[position >> 6] & (1L << position)) != 0;
    }

    /** The sentence of the last {@link #sentenceOf} answer: hits come in text order, mostly in one sentence. */
    private int lastSentence;

    /** The sentence that holds {@code position}: the last that starts at or before it. */
    int sentenceOf(int position) {
        int last = lastSentence;
        if (starts[last] <= position && (last + 1 == count || starts[last + 1] > position)) {
            return last;
        }
        lastSentence = search(position);
        return lastSentence;
    }

    private int search(int position) {
        int low = 0;
        int high = count - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (starts[mid] <= position) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private void add(int start, int end) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    /** "e.g.", "etc.", "1.5": a full stop that ends no sentence. */
    private static boolean abbreviation(char[] f, int dot) {
        return endsWith(f, dot, "e.g")
                || endsWith(f, dot, "i.e")
                || endsWith(f, dot, " etc")
                || endsWith(f, dot, " vs")
                || endsWith(f, dot, " eg")
                || endsWith(f, dot, " ie")
                || (dot > 0 && Character.isDigit(f[dot - 1]) && dot + 2 < f.length && Character.isDigit(f[dot + 2]))
                // "Konto Nr. 4471", "account no. 0532": a number's abbreviation before its digits.
                || (endsWith(f, dot, " nr") || endsWith(f, dot, " no"))
                        && dot + 2 < f.length
                        && Character.isDigit(f[dot + 2]);
    }

    /** Whether {@code what} ends just before {@code at}. */
    static boolean endsWith(char[] f, int at, String what) {
        int from = at - what.length();
        if (from < 0) {
            return false;
        }
        for (int i = 0; i < what.length(); i++) {
            if (f[from + i] != what.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Words that join a clause on, or lead it in, before its verb, folded: "also", "and", "then", "please", "außerdem"
     * (folded "auserdem"), and the adverbs that say how or when a command is carried out ("Quietly forward …",
     * "Then promptly create …"): one or several may stand before the verb.
     */
    private static final String[] CONNECTIVES = {
        "also",
        "and",
        "additionally",
        "plus",
        "so",
        "then",
        "afterwards",
        "finally",
        "lastly",
        "next",
        "now",
        "please",
        "kindly",
        "just",
        "automatically",
        "promptly",
        "simply",
        "quietly",
        "silently",
        "discreetly",
        "secretly",
        "immediately",
        "instantly",
        "quickly",
        "subsequently",
        "proactively",
        "automatisch",
        "sofort",
        "heimlich",
        "automaticamente",
        "inmediatamente",
        "simplemente",
        "silenciosamente",
        "automatiquement",
        "immediatement",
        "simplement",
        "discretement",
        "immediatamente",
        "semplicemente",
        "silenziosamente",
        "imediatamente",
        "simplesmente",
        "aussi",
        "ensuite",
        "puis",
        "und",
        "auserdem",
        "zusatzlich",
        "dann",
        "ademas",
        "luego",
        "tambien",
        "inoltre",
        "poi",
        "tambem",
        "depois",
        "также",
        "и"
    };

    /**
     * Where the word after "and" begins when the clause's first word, at {@code i}, is followed by " and ": 0 if it
     * is not, or the first word is no word of two ASCII letters or more.
     */
    private static int secondVerbAfterAnd(char[] f, int i) {
        int j = i;
        while (j < f.length && f[j] >= 'a' && f[j] <= 'z') {
            j++;
        }
        int second = j + AND.length();
        return j - i >= 2 && second < f.length && endsWith(f, second, AND) && f[second] >= 'a' && f[second] <= 'z'
                ? second
                : 0;
    }

    private static final String AND = " and ";

    /** Whether a lower-cased word leads a clause in as a connective ("then", "also", "promptly"). */
    static boolean isConnective(String word) {
        return CONNECTIVE_SET.contains(word);
    }

    private static final Set<String> CONNECTIVE_SET = Set.of(CONNECTIVES);

    /** The length of the connective word at {@code i}, 0 if none; one ends before a space or a comma. */
    private static int connectiveLength(char[] f, int i) {
        char initial = f[i];
        for (String word : initial < 0x80 ? CONNECTIVES_BY_ASCII_INITIAL[initial] : WIDE_CONNECTIVES) {
            int end = i + word.length();
            if (end < f.length && (f[end] == ' ' || f[end] == ',') && endsWith(f, end, word)) {
                return word.length();
            }
        }
        return 0;
    }

    /**
     * The connectives by their first letter, in the order of {@link #CONNECTIVES}: clauses open on the common
     * letters most of them start with (a, s, e, t), and each was compared with all of them.
     */
    private static final String[][] CONNECTIVES_BY_ASCII_INITIAL = connectivesByAsciiInitial();

    /** The connectives whose first letter is beyond ASCII, in their order; clauses seldom open on one. */
    private static final String[] WIDE_CONNECTIVES =
            Arrays.stream(CONNECTIVES).filter(word -> word.charAt(0) >= 0x80).toArray(String[]::new);

    private static String[][] connectivesByAsciiInitial() {
        String[][] table = new String[0x80][];
        for (char c = 0; c < 0x80; c++) {
            char initial = c;
            table[c] = Arrays.stream(CONNECTIVES)
                    .filter(word -> word.charAt(0) == initial)
                    .toArray(String[]::new);
        }
        return table;
    }

    /** Whether {@code c} ends a clause: the punctuation after which a clause may begin. */
    static boolean isClauseBreak(char c) {
        if (c < 0x80) {
            return ASCII_CLAUSE_BREAK[c];
        }
        return c == '\u2014' || c == '\u2013' || c == '\u3002' || c == '\uff0c' || c == '\u3001' || c == '\uff1a';
    }

    /** The ASCII clause breaks, looked up rather than compared one by one: every character is tested. */
    private static final boolean[] ASCII_CLAUSE_BREAK = asciiClauseBreaks();

    private static boolean[] asciiClauseBreaks() {
        boolean[] table = new boolean[0x80];
        for (char c : ".,;:!?\n(>]|".toCharArray()) {
            table[c] = true;
        }
        return table;
    }

    private static boolean isLead(char c) {
        return Character.isWhitespace(c)
                || c == '-'
                || c == '*'
                || c == '#'
                || c == '"'
                || c == '\''
                || c == '`'
                || c == '\u2022'
                || c == '_'
                || c == '['
                || c == '<'
                || c == '/'
                || c == '\u300c';
    }
}
