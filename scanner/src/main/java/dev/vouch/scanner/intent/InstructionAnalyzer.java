package dev.vouch.scanner.intent;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a text as a sequence of sentences and marks what each one does: whom it addresses, what it
 * demands, what it triggers on, which other tools and arguments it names, what it asks of their calls,
 * what authority it claims, what it hides, what it touches. Linear in the length of the text: one
 * folding pass, one automaton pass, one token pass.
 */
public final class InstructionAnalyzer {

    private static final int MAX_SENTENCE = 600;
    private static final int LITERAL_LOOKBACK = 14;
    private static final int MAX_LITERAL = 120;

    private final Lexicon lexicon;

    public InstructionAnalyzer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * One sentence and its cues, each with the span (in the analysed text) of its first occurrence.
     * {@code mask} holds one bit per cue present (a sentence's neighbourhood ORs them).
     */
    public record Sentence(int start, int end, Map<Cue, int[]> cues, boolean disguised, int index, long mask) {

        public Sentence(int start, int end, Map<Cue, int[]> cues, boolean disguised, int index) {
            this(start, end, cues, disguised, index, maskOf(cues));
        }

        private static long maskOf(Map<Cue, int[]> cues) {
            long mask = 0;
            for (Cue cue : cues.keySet()) {
                mask |= 1L << cue.ordinal();
            }
            return mask;
        }

        public boolean has(Cue cue) {
            return (mask & (1L << cue.ordinal())) != 0;
        }

        public boolean hasAny(Cue... any) {
            for (Cue cue : any) {
                if ((mask & (1L << cue.ordinal())) != 0) {
                    return true;
                }
            }
            return false;
        }

        /** The same sentence, answering {@code has} for the cues of its neighbours too. */
        public Sentence withNeighbours(long neighbours) {
            return new Sentence(start, end, cues, disguised, index, mask | neighbours);
        }
    }

    public List<Sentence> analyse(String text, ToolContext context) {
        FoldedText folded = FoldedText.of(text);
        String f = folded.text();
        List<int[]> bounds = sentences(f);
        List<Map<Cue, int[]>> cues = new ArrayList<>(bounds.size());
        for (int i = 0; i < bounds.size(); i++) {
            cues.add(new EnumMap<>(Cue.class));
        }
        boolean[] clauseStart = clauseStarts(f);
        for (Lexicon.Hit hit : lexicon.match(f)) {
            if (lexicon.startOnly(hit.cue()) && !clauseStart[hit.start()]) {
                continue;
            }
            int sentence = sentenceOf(bounds, hit.start());
            cues.get(sentence).putIfAbsent(hit.cue(), folded.originalSpan(hit.start(), hit.end()));
        }
        describeThirdPerson(f, clauseStart, bounds, cues, folded);
        resolveOpening(cues);
        int[] originalStarts = new int[bounds.size()];
        for (int s = 0; s < bounds.size(); s++) {
            originalStarts[s] = s == 0 ? 0 : folded.originalSpan(bounds.get(s)[0], bounds.get(s)[1])[0];
        }
        tokens(text, context, cues, originalStarts);
        List<Sentence> result = new ArrayList<>(bounds.size());
        for (int s = 0; s < bounds.size(); s++) {
            int[] span = folded.originalSpan(bounds.get(s)[0], bounds.get(s)[1]);
            boolean disguised = folded.disguised() && !folded.text().substring(bounds.get(s)[0], bounds.get(s)[1])
                    .equals(text.substring(span[0], span[1]).toLowerCase(Locale.ROOT));
            result.add(new Sentence(span[0], span[1], cues.get(s), disguised, s));
        }
        return result;
    }

    /** Sentence bounds in the folded text: full stops followed by space, other terminators, line breaks. */
    private static List<int[]> sentences(String folded) {
        char[] f = folded.toCharArray();
        List<int[]> bounds = new ArrayList<>();
        int start = 0;
        int length = f.length;
        for (int i = 0; i < length; i++) {
            char c = f[i];
            boolean end = c == '\n' || c == ';' || c == '\u3002' || c == '\uff01' || c == '\uff1f' || c == '\uff1b'
                    || ((c == '.' || c == '!' || c == '?') && (i + 1 == length || Character.isWhitespace(f[i + 1]))
                            && !abbreviation(folded, i))
                    || i - start >= MAX_SENTENCE && c == ',';
            if (end) {
                if (i + 1 - start > 1) {
                    bounds.add(new int[] {start, i + 1});
                }
                start = i + 1;
            }
        }
        if (start < length || bounds.isEmpty()) {
            bounds.add(new int[] {start, length});
        }
        return bounds;
    }

    private static boolean abbreviation(String f, int dot) {
        int from = Math.max(0, dot - 4);
        String before = f.substring(from, dot);
        return before.endsWith("e.g") || before.endsWith("i.e") || before.endsWith(" etc") || before.endsWith(" vs")
                || before.endsWith(" eg") || before.endsWith(" ie") || (dot > 0 && Character.isDigit(f.charAt(dot - 1))
                && dot + 2 < f.length() && Character.isDigit(f.charAt(dot + 2)));
    }

    static int sentenceOf(List<int[]> bounds, int position) {
        int low = 0;
        int high = bounds.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (bounds.get(mid)[0] <= position) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /**
     * Where a clause may begin: the start of the text and of a line, and after clause punctuation,
     * skipping spaces, quotes, list markers and markdown emphasis.
     */
    private static boolean[] clauseStarts(String folded) {
        char[] f = folded.toCharArray();
        boolean[] starts = new boolean[f.length + 1];
        boolean pending = true;
        for (int i = 0; i < f.length; i++) {
            char c = f[i];
            if (pending && (Character.isLetterOrDigit(c))) {
                starts[i] = true;
                pending = false;
            } else if (isClauseBreak(c)) {
                pending = true;
            } else if (pending && !isLead(c)) {
                pending = false;
            }
        }
        return starts;
    }

    private static boolean isClauseBreak(char c) {
        return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\n' || c == '('
                || c == '\u2014' || c == '\u2013' || c == '>' || c == ']' || c == '\u3002' || c == '\uff0c'
                || c == '\u3001' || c == '\uff1a';
    }

    private static boolean isLead(char c) {
        return Character.isWhitespace(c) || c == '-' || c == '*' || c == '#' || c == '"' || c == '\'' || c == '`'
                || c == '\u2022' || c == '_' || c == '[' || c == '<' || c == '/' || c == '\u300c';
    }

    /**
     * An English clause that opens with a verb in the third person ("Formats a date", "Fetches the
     * page") describes the tool, whatever the verb: the lexicon cannot list them all.
     */
    private static void describeThirdPerson(String f, boolean[] clauseStart, List<int[]> bounds,
                                            List<Map<Cue, int[]>> cues, FoldedText folded) {
        for (int s = 0; s < bounds.size(); s++) {
            Map<Cue, int[]> sentence = cues.get(s);
            if (sentence.containsKey(Cue.DESCRIBE) || sentence.containsKey(Cue.IMPERATIVE)) {
                continue;
            }
            int i = bounds.get(s)[0];
            while (i < bounds.get(s)[1] && !clauseStart[i]) {
                i++;
            }
            int end = i;
            while (end < f.length() && f.charAt(end) >= 'a' && f.charAt(end) <= 'z') {
                end++;
            }
            if (end - i >= 4 && f.charAt(end - 1) == 's' && !f.startsWith("ss", end - 2) && !f.startsWith("us", end - 2)
                    && !f.startsWith("is", end - 2) && (end == f.length() || !Character.isLetterOrDigit(f.charAt(end)))) {
                sentence.put(Cue.DESCRIBE, folded.originalSpan(i, end));
            }
        }
    }

    /**
     * A clause that opens with both an instruction verb and a description of the tool ("use this tool
     * to", "send a message") is read as whichever phrase is longer, description on a tie: tool
     * descriptions are commonly written in the imperative.
     */
    private static void resolveOpening(List<Map<Cue, int[]>> cues) {
        for (Map<Cue, int[]> sentence : cues) {
            int[] imperative = sentence.get(Cue.IMPERATIVE);
            int[] describe = sentence.get(Cue.DESCRIBE);
            if (imperative != null && describe != null && imperative[0] == describe[0]) {
                if (describe[1] >= imperative[1]) {
                    sentence.remove(Cue.IMPERATIVE);
                } else {
                    sentence.remove(Cue.DESCRIBE);
                }
            }
        }
    }

    /** One pass over the original text's tokens: tool names, arguments, identifiers, addresses, literals, markup. */
    private static void tokens(String text, ToolContext context, List<Map<Cue, int[]>> cues, int[] sentenceStarts) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '<' || c == '[') {
                int close = markupEnd(text, i);
                if (close > 0) {
                    mark(cues, sentenceStarts, Cue.MARKUP, i, close);
                }
            }
            if (c == '"' || c == '\'' || c == '`' || c == '\u201c' || c == '\u2018') {
                int close = closingQuote(text, i);
                if (close > 0 && literalContext(text, i)) {
                    mark(cues, sentenceStarts, Cue.LITERAL, i, close + 1);
                }
            }
            if (!isTokenChar(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && isTokenChar(text.charAt(i))) {
                i++;
            }
            int end = i;
            while (end > start && isTrailing(text.charAt(end - 1))) {
                end--;
            }
            if (end > start) {
                token(text, start, end, context, cues, sentenceStarts);
            }
        }
    }

    private static void token(String text, int start, int end, ToolContext context, List<Map<Cue, int[]>> cues,
                              int[] sentenceStarts) {
        if (isPlainWord(text, start, end) && !(start > 0 && isQuote(text.charAt(start - 1)))
                && !(context.hasPlainWordNames() && namedAsTool(text, start, end))) {
            // "paste it into notes": a plain-word argument of this tool, named where a value goes.
            if (namedAsArgument(text, start, end)) {
                String word = text.substring(start, end).toLowerCase(Locale.ROOT);
                if (context.isOwnArgument(word) && !namedForCredential(word)) {
                    mark(cues, sentenceStarts, Cue.OWN_ARG, start, end);
                }
            }
            return;
        }
        String token = text.substring(start, end);
        String key = token.toLowerCase(Locale.ROOT);
        int at = key.indexOf('@');
        if (key.contains("://") || key.startsWith("www.")) {
            mark(cues, sentenceStarts, Cue.URL, start, end);
            return;
        }
        if (at > 0 && key.indexOf('.', at) > at + 1) {
            mark(cues, sentenceStarts, Cue.EMAIL, start, end);
            return;
        }
        int equals = key.indexOf('=');
        if (equals > 0 && equals < key.length() - 1) {
            mark(cues, sentenceStarts, Cue.LITERAL, start, end);
            key = key.substring(0, equals);
            end = start + equals;
        }
        int call = key.indexOf('(');
        if (call > 0) {
            key = key.substring(0, call);
        }
        if (isFixedValue(key)) {
            mark(cues, sentenceStarts, Cue.VALUE, start, end);
            return;
        }
        int dot = key.indexOf('.');
        if (dot > 0 && context.isOtherTool(key.substring(0, dot))) {
            // send_email.bcc: another tool's argument, addressed through its tool.
            mark(cues, sentenceStarts, Cue.OTHER_TOOL, start, start + dot);
            mark(cues, sentenceStarts, Cue.ARG_REF, start, end);
            return;
        }
        boolean quoted = start > 0 && isQuote(text.charAt(start - 1));
        boolean compound = isCompound(text, start, start + key.length());
        if (context.isOtherTool(key) && (compound || quoted || namedAsTool(text, start, end))) {
            mark(cues, sentenceStarts, Cue.OTHER_TOOL, start, end);
        } else if (!context.ownName().isEmpty() && key.equals(context.ownName()) && (compound || quoted)) {
            mark(cues, sentenceStarts, Cue.OWN_NAME, start, end);
        } else if (context.isOtherArgument(key) && (compound || quoted)) {
            mark(cues, sentenceStarts, Cue.ARG_REF, start, end);
        } else if (context.isOwnArgument(key)) {
            if ((compound || quoted || namedAsArgument(text, start, end)) && !namedForCredential(key)) {
                mark(cues, sentenceStarts, Cue.OWN_ARG, start, end);
            }
        } else if ((compound || (quoted && text.charAt(start - 1) == '`')) && !context.isOwnArgument(key)
                && !key.contains("/") && !key.contains(".")) {
            // Scanned without its siblings, a tool cannot tell their names from other code words: a
            // call-like name is read as a tool of the set.
            mark(cues, sentenceStarts, context.knowsOtherTools() ? Cue.IDENTIFIER : Cue.OTHER_TOOL, start, end);
        }
    }

    /** Letters alone, lower case after the first: a word of prose, unless named as a tool or quoted. */
    private static boolean isPlainWord(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(i == start && c >= 'A' && c <= 'Z') && !(c >= 0x80 && Character.isLetter(c))) {
                return false;
            }
        }
        return true;
    }

    /** snake_case, kebab-case with an underscore or camelCase: a name in code, not a word of prose. */
    private static boolean isCompound(String text, int start, int end) {
        boolean letter = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '_' && letter && i + 1 < end && Character.isLetterOrDigit(text.charAt(i + 1))) {
                return true;
            }
            if (Character.isUpperCase(c) && i > start && Character.isLowerCase(text.charAt(i - 1))) {
                return true;
            }
            letter |= Character.isLetter(c);
        }
        return false;
    }

    /** "into notes", "in path", "the content field": a word named as the place a value goes. */
    private static boolean namedAsArgument(String text, int start, int end) {
        return precedes(text, start, "into ") || precedes(text, start, "in ") || precedes(text, start, "into the ")
                || precedes(text, start, "in the ") || follows(text, end, " field") || follows(text, end, " parameter")
                || follows(text, end, " argument") || follows(text, end, " param") || follows(text, end, " property");
    }

    /** An argument meant to carry a credential: a credential put there is where it belongs. */
    private static boolean namedForCredential(String key) {
        return key.contains("key") || key.contains("token") || key.contains("secret") || key.contains("password")
                || key.contains("auth") || key.contains("credential") || key.contains("cookie");
    }

    /**
     * An unquoted value an instruction could hand over: an {@code @handle}, an id of letters and at least
     * three digits ({@code U0ADM1N77}), or a number of three digits or more ({@code 1000}, {@code 9920-1183}).
     * Dates are left alone: descriptions give them as examples of a format.
     */
    static boolean isFixedValue(String key) {
        int length = key.length();
        if (length >= 3 && key.charAt(0) == '@') {
            return Character.isLetter(key.charAt(1));
        }
        int digits = 0;
        int letters = 0;
        int dashes = 0;
        for (int i = 0; i < length; i++) {
            char c = key.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c >= 'a' && c <= 'z') {
                letters++;
            } else if (c == '-' || c == '.' || c == ',') {
                dashes++;
            } else {
                return false;
            }
        }
        if (digits < 3 || dashes > 2 || length > 40) {
            return false;
        }
        boolean date = dashes == 2 && length == 10 && key.charAt(4) == '-' && key.charAt(7) == '-';
        // sha256, rfc3339, iso8601: a short name of a standard, not a value.
        boolean standard = letters > 0 && letters <= 4 && dashes == 0 && Character.isLetter(key.charAt(0))
                && Character.isDigit(key.charAt(letters));
        return !date && !standard && letters >= 2 && length >= 6;
    }

    private static boolean namedAsTool(String text, int start, int end) {
        return follows(text, end, " tool") || follows(text, end, " function") || follows(text, end, "()")
                || precedes(text, start, "call ") || precedes(text, start, "invoke ") || precedes(text, start, "run the ")
                || precedes(text, start, "use the ") || precedes(text, start, "tool ");
    }

    private static boolean follows(String text, int at, String what) {
        return text.regionMatches(true, at, what, 0, what.length());
    }

    private static boolean precedes(String text, int at, String what) {
        return at >= what.length() && text.regionMatches(true, at - what.length(), what, 0, what.length());
    }

    private static boolean literalContext(String text, int quote) {
        String before = text.substring(Math.max(0, quote - LITERAL_LOOKBACK), quote).toLowerCase(Locale.ROOT).stripTrailing();
        return before.endsWith(" to") || before.endsWith(" as") || before.endsWith("=") || before.endsWith(":")
                || before.endsWith(" with") || before.endsWith(" value") || before.endsWith(" be")
                || before.endsWith(" is") || before.endsWith(" use") || before.endsWith(" append")
                || before.endsWith(" add") || before.endsWith(" include") || before.endsWith(" always");
    }

    private static int closingQuote(String text, int open) {
        char c = text.charAt(open);
        char close = c == '\u201c' ? '\u201d' : c == '\u2018' ? '\u2019' : c;
        int limit = Math.min(text.length(), open + MAX_LITERAL + 1);
        for (int i = open + 1; i < limit; i++) {
            if (text.charAt(i) == close) {
                return i > open + 1 ? i : -1;
            }
        }
        return -1;
    }

    /** {@code <important>}, {@code </system>}, {@code [SYSTEM]}: a tag of letters alone. */
    private static int markupEnd(String text, int open) {
        char close = text.charAt(open) == '<' ? '>' : ']';
        int i = open + 1;
        if (i < text.length() && text.charAt(i) == '/') {
            i++;
        }
        int letters = 0;
        while (i < text.length() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '-'
                || text.charAt(i) == ' ') && i - open < 40) {
            letters += Character.isLetter(text.charAt(i)) ? 1 : 0;
            i++;
        }
        if (i >= text.length() || text.charAt(i) != close || letters < 3) {
            return -1;
        }
        String name = text.substring(open + 1, i).replace("/", "").strip().toLowerCase(Locale.ROOT);
        boolean authority = name.contains("important") || name.contains("system") || name.contains("instruction")
                || name.contains("admin") || name.contains("critical") || name.contains("note") || name.contains("priority")
                || name.contains("assistant") || name.contains("ai") || name.contains("hidden") || name.contains("override")
                || name.contains("mandatory") || name.contains("required") || name.contains("warning")
                || name.contains("secret") || name.contains("directive") || name.contains("rule") || name.contains("policy")
                || name.contains("context") || name.contains("compliance") || name.contains("security");
        return authority ? i + 1 : -1;
    }

    private static void mark(List<Map<Cue, int[]>> cues, int[] sentenceStarts, Cue cue, int start, int end) {
        int sentence = java.util.Arrays.binarySearch(sentenceStarts, start);
        sentence = sentence >= 0 ? sentence : -sentence - 2;
        cues.get(sentence).putIfAbsent(cue, new int[] {start, end});
    }

    private static boolean isTokenChar(char c) {
        return (c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '@' || c == ':'
                || c == '/' || c == '=' || c == '%' || c == '+' || c == '~' || c == '(' || c == '#' || c == '?' || c == '&'))
                || (c >= 0x80 && Character.isLetterOrDigit(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
    }

    private static boolean isTrailing(char c) {
        return c == '.' || c == ':' || c == ',' || c == '(' || c == '?' || c == '-' || c == '/' || c == '#' || c == '&';
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`' || c == '\u201c' || c == '\u2018';
    }
}
