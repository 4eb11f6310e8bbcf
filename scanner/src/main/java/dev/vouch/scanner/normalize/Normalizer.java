package dev.vouch.scanner.normalize;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.vouch.scanner.match.CharTables;
import java.text.Normalizer.Form;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns untrusted text into what the rules read, reporting everything it had to remove. Linear in the
 * length of the text.
 */
public final class Normalizer {

    private static final int ESC = 0x1B;
    private static final int MIN_PADDING_SPACES = 40;
    private static final int MIN_PADDING_NEWLINES = 12;
    private static final int MIN_SMUGGLING_SELECTORS = 4;
    private static final Pattern ESCAPED = Pattern.compile(
            "(?i)\\\\(?:x1b|u001b|033|e)\\[|\\\\(?:x1b|u001b|033)\\]|\\\\x9b|\\\\u(?:200[b-f]|202[a-e]|206[0-9]|2060|feff)"
                    + "|\\\\u\\{?e00[0-7][0-9a-f]");

    private Normalizer() {}

    public static NormalizedText normalize(String input) {
        int kind = plainAscii(input);
        if (kind == (PLAIN | COLLAPSED)) {
            // Most texts, names and short ones above all: printable ASCII with single spaces and no backslash, nothing
            // to report, and no list made to hold nothing.
            return new NormalizedText(input, "", List.of(), true);
        }
        List<Anomaly> anomalies = new ArrayList<>();
        if (kind != NOT_PLAIN) {
            // Most tool text: nothing to strip, decode or fold, so only whitespace and escapes remain.
            if ((kind & BACKSLASH) != 0) {
                findEscapedSequence(input, anomalies);
            }
            String text = (kind & COLLAPSED) != 0 ? input : collapse(input, anomalies);
            return new NormalizedText(text, "", anomalies, true);
        }
        StringBuilder visible = new StringBuilder(input.length());
        StringBuilder hidden = new StringBuilder();
        StringBuilder tagShown = new StringBuilder();
        InvisibleBits bits = new InvisibleBits();
        // Zero-width characters met one at a time, which a text that cuts its bits apart with visible ones scatters.
        StringBuilder scattered = new StringBuilder();
        int selectors = 0;
        int length = input.length();
        int i = 0;
        while (i < length) {
            int plain = i;
            while (plain < length && input.charAt(plain) >= 0x20 && input.charAt(plain) < 0x7F) {
                plain++;
            }
            if (plain > i) {
                // Printable ASCII, most of any text, is kept as it is: none of the checks below concern it.
                visible.append(input, i, plain);
                i = plain;
                continue;
            }
            int cp = input.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp >= 0xE0000 && cp <= 0xE007F) {
                int ascii = cp - 0xE0000;
                if (ascii >= 0x20 && ascii < 0x7F) {
                    hidden.append((char) ascii);
                }
                if (tagShown.length() < 64) {
                    tagShown.append(escape(cp));
                }
            } else if (isBidiControl(cp)) {
                anomalies.add(new Anomaly(Anomaly.Kind.BIDI_CONTROL, escape(cp)));
            } else if (isZeroWidth(cp)) {
                int spanEnd = invisibleSpanEnd(input, i);
                if (spanEnd > 0) {
                    // No emoji sequence or script joins this many: the span is there to be unseen.
                    bits.read(input, i, spanEnd);
                    // The blanks between its groups still part the visible words around it.
                    appendBlankOf(input, i, spanEnd, visible);
                    next = spanEnd;
                } else {
                    boolean touchesAscii = touchesAscii(input, i, next);
                    if (!(cp == 0xFEFF && i == 0) && touchesAscii) {
                        anomalies.add(new Anomaly(Anomaly.Kind.ZERO_WIDTH, escape(cp)));
                    }
                    if (cp != 0x00AD
                            && !betweenLetters(input, i, next)
                            && (touchesAscii || (cp != 0x200C && cp != 0x200D))) {
                        // A soft hyphen, a break or joiner inside a word (Thai parts its words with U+200B, Persian
                        // joins with U+200C) and a joiner of an emoji's parts are what they seem.
                        scattered.append((char) cp);
                    }
                }
            } else if (cp >= 0xE0100 && cp <= 0xE01EF) {
                selectors++;
            } else if (letterform(cp) != 0) {
                // 🇮🇬🇳🇴🇷🇪, 🅘🅖🅝, ⠊⠛⠝: letters drawn as symbols, which a model reads as the letters they are.
                visible.append(letterform(cp));
            } else if (cp == ESC || cp == 0x9B) {
                int end = skipEscape(input, i);
                anomalies.add(new Anomaly(
                        Anomaly.Kind.TERMINAL_ESCAPE, escapeAll(input.substring(i, Math.min(end, i + 24)))));
                next = end;
            } else if (Character.isISOControl(cp) && cp != '\n' && cp != '\r' && cp != '\t') {
                // isISOControl is exactly the CONTROL category (U+0000-001F, U+007F-009F), without its table look-up.
                anomalies.add(new Anomaly(Anomaly.Kind.TERMINAL_ESCAPE, escape(cp)));
            } else {
                visible.appendCodePoint(cp);
            }
            i = next;
        }
        if (tagShown.length() > 0) {
            anomalies.add(new Anomaly(Anomaly.Kind.TAG_CHARACTERS, tagShown + " = \"" + hidden + "\""));
        }
        if (scattered.length() >= InvisibleBits.MIN_RUN) {
            bits.read(scattered.toString(), 0, scattered.length());
        }
        bits.report(anomalies);
        if (!bits.text().isEmpty()) {
            hidden.append(hidden.length() > 0 ? " " : "").append(bits.text());
        }
        if (selectors >= MIN_SMUGGLING_SELECTORS) {
            anomalies.add(new Anomaly(Anomaly.Kind.VARIATION_SELECTORS, selectors + " variation selectors"));
        }
        String visibleText = visible.toString();
        findEscapedSequence(visibleText, anomalies);
        // NFKC leaves ASCII unchanged, so skip the normaliser for it.
        String nfkc = isAscii(visibleText) ? visibleText : java.text.Normalizer.normalize(visibleText, Form.NFKC);
        // Hidden text is read like visible text, whitespace collapsed; its padding is no separate anomaly.
        return new NormalizedText(collapse(nfkc, anomalies), collapse(hidden.toString(), new ArrayList<>()), anomalies);
    }

    private static void findEscapedSequence(String text, List<Anomaly> anomalies) {
        if (text.indexOf('\\') < 0) {
            return;
        }
        Matcher escaped = ESCAPED.matcher(text);
        if (escaped.find()) {
            anomalies.add(new Anomaly(Anomaly.Kind.ESCAPED_SEQUENCE, escaped.group()));
        }
    }

    private static final int NOT_PLAIN = 0;
    private static final int PLAIN = 1;
    private static final int COLLAPSED = 2;
    private static final int BACKSLASH = 4;

    /**
     * {@link #NOT_PLAIN} unless the text is printable ASCII, tabs and line breaks only (no character the
     * loop of {@link #normalize} would strip or report); then {@link #PLAIN}, with {@link #COLLAPSED} if
     * {@link #collapse} would leave it as it is and {@link #BACKSLASH} if it holds one: one pass for the
     * three questions most texts ask.
     */
    private static int plainAscii(String text) {
        boolean collapsed = true;
        boolean backslash = false;
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x20 && c < 0x7F) {
                backslash |= c == '\\';
            } else if (c == ' ') {
                collapsed &= previous != ' ';
            } else if (c == '\n' || c == '\r' || c == '\t') {
                collapsed = false;
            } else {
                return NOT_PLAIN;
            }
            previous = c;
        }
        collapsed &= previous != ' ' || text.isEmpty();
        return PLAIN | (collapsed ? COLLAPSED : 0) | (backslash ? BACKSLASH : 0);
    }

    private static boolean isAscii(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Collapses runs of whitespace to one space, reporting runs long enough to hide text. */
    private static String collapse(String text, List<Anomaly> anomalies) {
        if (isCollapsed(text)) {
            return text;
        }
        char[] out = new char[text.length()];
        int length = 0;
        int spaces = 0;
        int newlines = 0;
        // Blanks since the run's last line break: a blank line between indented lines of a template literal
        // ("⏎" and 24 spaces twice) is indentation, where 40 blanks on one line push the text after it aside.
        int lineSpaces = 0;
        boolean padded = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isBlank(c)) {
                spaces++;
                lineSpaces++;
                if (c == '\n') {
                    newlines++;
                    lineSpaces = 0;
                }
                if (lineSpaces >= MIN_PADDING_SPACES) {
                    padded = true;
                }
                continue;
            }
            if (newlines >= MIN_PADDING_NEWLINES) {
                padded = true;
            }
            lineSpaces = 0;
            if (newlines > 0 && hyphenatedAtLineEnd(out, length, c)) {
                // "in-⏎voke", "to-⏎ken": a word hyphenated at the end of a line is one word, however the
                // text was wrapped.
                length--;
            } else if (newlines > 0 && length > 0 && opensListItem(text, i)) {
                // "- blockedCommands (array)⏎- defaultShell (string)": each item of a list is a statement of
                // its own, kept apart as the line break kept it (a wrapped sentence's line breaks do not).
                out[length++] = '\n';
            } else if (spaces > 0 && length > 0) {
                out[length++] = ' ';
                if (spaces > 1 && (spacedLetterGap(out, length, text, i) || morseGap(out, length, text, i))) {
                    // "a f t e r  r e a d i n g", ".- ..-. -   .-. . .- -..": the wider gap is the only word
                    // break spaced-out letters and Morse have; collapsed, their words would run together.
                    out[length++] = ' ';
                }
            }
            spaces = 0;
            newlines = 0;
            out[length++] = c;
            // What follows up to the next blank that is not one space before printable ASCII is kept as it is:
            // copied whole, not a char and its questions at a time.
            int run = plainRunEnd(text, i + 1);
            text.getChars(i + 1, run, out, length);
            length += run - (i + 1);
            i = run - 1;
        }
        if (padded) {
            anomalies.add(new Anomaly(Anomaly.Kind.WHITESPACE_PADDING, "blank run hiding the text after it"));
        }
        return new String(out, 0, length);
    }

    /**
     * Whether a list item opens at {@code i}: a bullet ({@code -}, {@code *}, {@code +}, {@code •}) or a number of up
     * to three digits with a dot or a parenthesis, then a blank.
     */
    private static boolean opensListItem(String text, int i) {
        int length = text.length();
        char c = text.charAt(i);
        int after;
        if (c == '-' || c == '*' || c == '+' || c == '\u2022') {
            after = i + 1;
        } else {
            int digits = i;
            while (digits < length && digits - i < 3 && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
                digits++;
            }
            if (digits == i || digits >= length || (text.charAt(digits) != '.' && text.charAt(digits) != ')')) {
                return false;
            }
            after = digits + 1;
        }
        return after < length && (text.charAt(after) == ' ' || text.charAt(after) == '\t');
    }

    /** Where a run of printable ASCII, single spaces between, that starts at {@code from} ends. */
    private static int plainRunEnd(String text, int from) {
        int i = from;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (c > 0x20 && c < 0x7F) {
                i++;
            } else if (c == ' ' && i + 1 < length && text.charAt(i + 1) > 0x20 && text.charAt(i + 1) < 0x7F) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean hyphenatedAtLineEnd(char[] out, int length, char next) {
        return length >= 2
                && out[length - 1] == '-'
                && Character.isLetter(out[length - 2])
                && Character.isLowerCase(next);
    }

    private static boolean isMorse(char c) {
        return CharTables.morseSymbol(c) >= 0;
    }

    /** A gap between two runs of Morse's dots and dashes, as between Morse's words. */
    private static boolean morseGap(char[] out, int length, String text, int next) {
        int last = length - 2;
        if (last < 0 || !isMorse(out[last]) || !isMorse(text.charAt(next))) {
            return false;
        }
        for (int i = last; i >= 0 && out[i] != ' '; i--) {
            if (!isMorse(out[i])) {
                return false;
            }
        }
        for (int i = next; i < text.length() && !isBlank(text.charAt(i)); i++) {
            if (!isMorse(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A gap between two single characters that each stand between spaces, as in spaced-out letters. */
    private static boolean spacedLetterGap(char[] out, int length, String text, int next) {
        int last = length - 2;
        boolean singleBefore = last >= 0 && (last == 0 || out[last - 1] == ' ');
        boolean singleAfter = next + 1 == text.length() || isBlank(text.charAt(next + 1));
        return singleBefore && singleAfter;
    }

    /** Whitespace or a space separator; printable ASCII is neither, which most characters are. */
    static boolean isBlank(char c) {
        if (c > 0x20 && c < 0x7F) {
            return false;
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** No whitespace but single spaces between other characters: collapsing would change nothing. */
    private static boolean isCollapsed(String text) {
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' '
                    ? previous == ' '
                    : c < 0x80 ? c <= 0x20 : Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return false;
            }
            previous = c;
        }
        return previous != ' ' || text.isEmpty();
    }

    private static int skipEscape(String s, int start) {
        int i = start + 1;
        if (s.charAt(start) == 0x9B || (i < s.length() && s.charAt(i) == '[')) {
            i = s.charAt(start) == 0x9B ? i : i + 1;
            while (i < s.length() && s.charAt(i) >= 0x30 && s.charAt(i) <= 0x3F) {
                i++;
            }
            while (i < s.length() && s.charAt(i) >= 0x20 && s.charAt(i) <= 0x2F) {
                i++;
            }
            return Math.min(s.length(), i + 1);
        }
        if (i < s.length() && s.charAt(i) == ']') {
            while (i < s.length()
                    && s.charAt(i) != 0x07
                    && !(s.charAt(i) == ESC && i + 1 < s.length() && s.charAt(i + 1) == '\\')) {
                i++;
            }
            return Math.min(s.length(), s.charAt(Math.min(i, s.length() - 1)) == ESC ? i + 2 : i + 1);
        }
        return Math.min(s.length(), i + 1);
    }

    /**
     * The end of the span of invisible characters that opens at {@code start}, across blanks and variation selectors
     * between them ({@link InvisibleBits#mayPartGroups}), closing on its last invisible character; or 0 where it holds
     * fewer than {@link InvisibleBits#MIN_RUN}, which are read one at a time. Linear: a span too short is scanned
     * from each of its fewer than {@code MIN_RUN} characters at most.
     */
    private static int invisibleSpanEnd(String s, int start) {
        int end = start;
        int count = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isZeroWidth(c)) {
                count++;
                end = i + 1;
            } else if (!InvisibleBits.mayPartGroups(c)) {
                break;
            }
        }
        return count >= InvisibleBits.MIN_RUN ? end : 0;
    }

    /** Appends a line break if the span held one, or else a space if it held a blank. */
    private static void appendBlankOf(String s, int from, int to, StringBuilder visible) {
        char blank = 0;
        for (int i = from; i < to && blank != '\n'; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                blank = '\n';
            } else if (isBlank(c)) {
                blank = ' ';
            }
        }
        if (blank != 0) {
            visible.append(blank);
        }
    }

    /** The letter a symbol draws ({@link Letterforms}), or 0. */
    private static char letterform(int cp) {
        return cp >= 0x2800 ? Letterforms.letterOf(cp) : 0;
    }

    private static boolean betweenLetters(String s, int start, int end) {
        return start > 0
                && end < s.length()
                && Character.isLetter(s.charAt(start - 1))
                && Character.isLetter(s.charAt(end));
    }

    private static boolean touchesAscii(String s, int start, int end) {
        boolean before = start > 0 && s.charAt(start - 1) < 0x80 && !Character.isWhitespace(s.charAt(start - 1));
        boolean after = end < s.length() && s.charAt(end) < 0x80 && !Character.isWhitespace(s.charAt(end));
        return before || after;
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E
                || cp == 0x200F
                || cp == 0x061C;
    }

    static boolean isZeroWidth(int cp) {
        return cp == 0x200B
                || cp == 0x200C
                || cp == 0x200D
                || (cp >= 0x2060 && cp <= 0x2064)
                || cp == 0xFEFF
                || cp == 0x180E
                || cp == 0x00AD
                || cp == 0x034F
                || cp == 0x115F
                || cp == 0x1160
                || cp == 0x3164
                || cp == 0xFFA0;
    }

    /** A code point as a visible escape, such as {@code \u200B}. */
    public static String escape(int cp) {
        return cp <= 0xFFFF ? String.format("\\u%04X", cp) : String.format("\\u{%X}", cp);
    }

    /** A text with every invisible or control character shown as an escape. */
    public static String escapeAll(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp == ESC
                    || Character.getType(cp) == Character.CONTROL
                    || Character.getType(cp) == Character.FORMAT
                    || (cp >= 0xE0000 && cp <= 0xE01EF)
                    || isZeroWidth(cp)) {
                out.append(cp == ESC ? "\\x1b" : escape(cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
