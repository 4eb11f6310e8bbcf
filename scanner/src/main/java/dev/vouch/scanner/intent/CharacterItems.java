package dev.vouch.scanner.intent;

import java.lang.Character.UnicodeScript;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Text written one character to an item of code: a list of quoted characters ({@code ['I', 'g', 'n']}, {@code
 * "I","g"}, in straight, curly or back quotes), calls that make a character of its code ({@code chr(73)+chr(103)},
 * {@code CHAR(73)}, {@code String.fromCharCode(73)}), and code points as Unicode writes them ({@code U+0049
 * U+0067}). A language model reads each back as the sentence it spells; a matcher reads punctuation. Items follow
 * one another with spaces between them and at most one joiner; where anything else stands between two, the
 * sequence ends there. A sequence is kept where it reads as a sentence, with its words apart, run together or
 * joined by underscores, or as Chinese or Japanese, which put no spaces between words; so a list of options
 * ({@code 'a', 'b', 'c'}) or a table of the characters a tool strips ({@code U+200B, U+FEFF}) is left alone.
 */
final class CharacterItems {

    /**
     * The names of the calls that make a character of its code, lower case, each ending its name with "(", the
     * longest first: "unichr(" is no "chr(" a letter touches.
     */
    private static final List<String> CHARACTER_CALLS =
            List.of("fromcharcode(", "fromcodepoint(", "unichr(", "nchar(", "chr$(", "chrw(", "char(", "chr(");

    /** The last letter of each call's name, before its "(": most parentheses follow none of them. */
    private static final String CALL_NAME_ENDINGS = CHARACTER_CALLS.stream()
            .map(call -> call.substring(call.length() - 2, call.length() - 1))
            .distinct()
            .collect(Collectors.joining());

    /** What JavaScript's {@code fromCharCode} is called on, written before each call after the first. */
    private static final String STRING_CLASS = "string.";

    /** Each opening quote, and the quote that closes it at the same index: a closing curly quote may open too. */
    private static final String OPENING_QUOTES = "'\"`\u2018\u201C\u2019\u201D";

    private static final String CLOSING_QUOTES = "'\"`\u2019\u201D\u2019\u201D";

    /** What may stand between two quoted characters: a quote's own {@code +} joins are read as concatenation. */
    private static final String QUOTE_JOINERS = ",;|&.";

    private static final String CALL_JOINERS = ",;|&.+";

    private static final int MAX_DECIMAL_DIGITS = 3;
    private static final int MAX_HEX_DIGITS = 4;
    private static final int MIN_CODE_POINT_DIGITS = 4;
    private static final int MAX_CODE_POINT_DIGITS = 6;

    /** The fewest letters of a script written without spaces that a decoding must hold to be read as its text. */
    private static final int MIN_UNSPACED_LETTERS = 6;

    private static final long NONE = -1;

    /** The shortest text that holds a sentence's worth of items: eight quoted characters, nothing between them. */
    private static final int MIN_ITEMS_LENGTH = 8 * "'a'".length();

    private CharacterItems() {}

    static void find(String text, List<EncodedSpans.Decoded> found) {
        if (text.length() < MIN_ITEMS_LENGTH) {
            return;
        }
        for (Kind kind : Kind.values()) {
            read(text, found, kind);
        }
    }

    /** A kind of item: the characters one of which every item of it holds, where that item starts, how it reads. */
    private enum Kind {
        QUOTED(OPENING_QUOTES, "character-list", QUOTE_JOINERS) {
            @Override
            long read(String text, int at) {
                return quotedCharacter(text, at);
            }

            @Override
            int startAt(String text, int mark) {
                return mark;
            }
        },
        CALL("(", "character-calls", CALL_JOINERS) {
            @Override
            long read(String text, int at) {
                return characterCall(text, at);
            }

            @Override
            int startAt(String text, int mark) {
                // Most parentheses follow a space or a word no call's name ends like: one look rules them out.
                if (mark == 0 || CALL_NAME_ENDINGS.indexOf(Character.toLowerCase(text.charAt(mark - 1))) < 0) {
                    return -1;
                }
                for (String call : CHARACTER_CALLS) {
                    int start = mark + 1 - call.length();
                    if (start >= 0 && text.regionMatches(true, start, call, 0, call.length())) {
                        return start;
                    }
                }
                return -1;
            }
        },
        CODE_POINT("+", "code-points", ",;|") {
            @Override
            long read(String text, int at) {
                return codePoint(text, at);
            }

            @Override
            int startAt(String text, int mark) {
                return mark - 1;
            }
        };

        final String markers;
        final String encoding;
        final String joiners;

        Kind(String markers, String encoding, String joiners) {
            this.markers = markers;
            this.encoding = encoding;
            this.joiners = joiners;
        }

        /** The end of the item at {@code at} and the character it stands for ({@link #item}), or {@link #NONE}. */
        abstract long read(String text, int at);

        /** Where an item holding the marker at {@code mark} would start, or -1 if none can. */
        abstract int startAt(String text, int mark);
    }

    private static long item(int end, int character) {
        return (long) end << 32 | character;
    }

    /**
     * Reads the sequences of items of one kind, each found from a marker every item holds, and hands each one's
     * reading to {@code found}. Each marker is looked for onward from where the last was found, and items are read
     * left to right and never again, so the reading is linear in the text.
     */
    private static void read(String text, List<EncodedSpans.Decoded> found, Kind kind) {
        int[] next = new int[kind.markers.length()];
        for (int m = 0; m < next.length; m++) {
            next[m] = text.indexOf(kind.markers.charAt(m));
        }
        int readTo = 0;
        int mark;
        while ((mark = nextMark(text, kind.markers, next, readTo)) >= 0) {
            readTo = mark + 1;
            int start = kind.startAt(text, mark);
            // "unichr(", "cu+0041": an item is read from where no letter or digit touches it.
            if (start < 0
                    || start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))
                    || kind.read(text, start) == NONE) {
                continue;
            }
            CharacterCodes.Sequence sequence = new CharacterCodes.Sequence(
                    text, start, text.length(), kind.encoding, CharacterItems::reading, found);
            int at = start;
            long item;
            while ((item = kind.read(text, at)) != NONE) {
                int end = (int) (item >>> 32);
                char c = (char) item;
                sequence.append(c == '\n' || c == '\t' || c == '\r' || c == '\u00A0' ? ' ' : c);
                sequence.extend(at, end);
                readTo = Math.max(readTo, end);
                at = afterJoiner(text, end, kind.joiners);
            }
            sequence.close();
        }
    }

    /** The first of the markers at or after {@code from}, each found again only once passed: -1 if none is left. */
    private static int nextMark(String text, String markers, int[] next, int from) {
        int first = -1;
        for (int m = 0; m < next.length; m++) {
            if (next[m] >= 0 && next[m] < from) {
                next[m] = text.indexOf(markers.charAt(m), from);
            }
            if (next[m] >= 0 && (first < 0 || next[m] < first)) {
                first = next[m];
            }
        }
        return first;
    }

    /**
     * What the characters decoded spell: a sentence ({@link CharacterCodes#sentenceOrWordsRunTogether}), with its
     * words apart, run together or joined by underscores; or a text in a script written without spaces. Null if
     * none of these.
     */
    private static String reading(CharSequence decoded) {
        String sentence = CharacterCodes.sentenceOrWordsRunTogether(decoded);
        if (sentence == null && decoded.toString().indexOf('_') >= 0) {
            sentence = CharacterCodes.sentence(decoded.toString().replace('_', ' '));
        }
        return sentence != null ? sentence : unspacedScript(decoded);
    }

    /** The decoding if most of its letters, six at least, are Han, kana or Thai, whose words stand without spaces. */
    private static String unspacedScript(CharSequence decoded) {
        int letters = 0;
        int unspaced = 0;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                UnicodeScript script = UnicodeScript.of(c);
                boolean withoutSpaces = script == UnicodeScript.HAN
                        || script == UnicodeScript.HIRAGANA
                        || script == UnicodeScript.KATAKANA
                        || script == UnicodeScript.THAI;
                unspaced += withoutSpaces ? 1 : 0;
            }
        }
        return unspaced >= MIN_UNSPACED_LETTERS && unspaced * 5 >= letters * 4 ? decoded.toString() : null;
    }

    /**
     * A quoted character ({@code 'x'}, {@code ‘x’}) or an escaped one ({@code '\''}, {@code '\n'}, {@code '\x20'},
     * {@code '\u0020'}), closed by the quote that closes its opening one.
     */
    private static long quotedCharacter(String text, int at) {
        int quote = at < text.length() ? OPENING_QUOTES.indexOf(text.charAt(at)) : -1;
        if (quote < 0 || at + 2 >= text.length()) {
            return NONE;
        }
        char close = CLOSING_QUOTES.charAt(quote);
        char c = text.charAt(at + 1);
        if (c != '\\') {
            return c != close && !Character.isSurrogate(c) && text.charAt(at + 2) == close ? item(at + 3, c) : NONE;
        }
        char kind = text.charAt(at + 2);
        int digits = kind == 'x' ? 2 : kind == 'u' ? 4 : 0;
        int end = at + 3 + digits;
        if (end >= text.length() || text.charAt(end) != close) {
            return NONE;
        }
        if (digits > 0) {
            int code = hex(text, at + 3, end);
            return code >= 0 && isCharacter(code) ? item(end + 1, code) : NONE;
        }
        return switch (kind) {
            case 'n', 't', 'r' -> item(end + 1, ' ');
            case '0' -> NONE;
            default -> Character.isSurrogate(kind) ? NONE : item(end + 1, kind);
        };
    }

    /**
     * {@code chr(73)}, {@code CHAR( 73 )}, {@code chr(0x49)}, {@code String.fromCharCode(73)}: a call named in
     * {@link #CHARACTER_CALLS} on a character's code in decimal or hex.
     */
    private static long characterCall(String text, int at) {
        int name =
                text.regionMatches(true, at, STRING_CLASS, 0, STRING_CLASS.length()) ? at + STRING_CLASS.length() : at;
        for (String call : CHARACTER_CALLS) {
            if (!text.regionMatches(true, name, call, 0, call.length())) {
                continue;
            }
            int from = spacesFrom(text, name + call.length());
            boolean hex = text.regionMatches(true, from, "0x", 0, 2);
            int digitsFrom = hex ? from + 2 : from;
            int digitsTo = digitsFrom;
            int most = hex ? MAX_HEX_DIGITS : MAX_DECIMAL_DIGITS;
            while (digitsTo < text.length()
                    && digitsTo - digitsFrom < most
                    && Character.digit(text.charAt(digitsTo), hex ? 16 : 10) >= 0) {
                digitsTo++;
            }
            int close = spacesFrom(text, digitsTo);
            if (digitsTo == digitsFrom || close >= text.length() || text.charAt(close) != ')') {
                return NONE;
            }
            int code = Integer.parseInt(text, digitsFrom, digitsTo, hex ? 16 : 10);
            return isCharacter(code) ? item(close + 1, code) : NONE;
        }
        return NONE;
    }

    /** {@code U+0049}: four to six hex digits after "U+", a code point of the Basic Multilingual Plane. */
    private static long codePoint(String text, int at) {
        if (at + 2 + MIN_CODE_POINT_DIGITS > text.length() || !isCodePointStart(text, at)) {
            return NONE;
        }
        int from = at + 2;
        int end = from;
        while (end < text.length()
                && end - from < MAX_CODE_POINT_DIGITS
                && Character.digit(text.charAt(end), 16) >= 0) {
            end++;
        }
        if (end - from < MIN_CODE_POINT_DIGITS
                || end < text.length() && Character.isLetterOrDigit(text.charAt(end)) && !isCodePointStart(text, end)) {
            return NONE;
        }
        int code = hex(text, from, end);
        return isCharacter(code) ? item(end, code) : NONE;
    }

    /** "U+0049U+0067": one code point straight after another. */
    private static boolean isCodePointStart(String text, int at) {
        return at + 1 < text.length() && (text.charAt(at) | 0x20) == 'u' && text.charAt(at + 1) == '+';
    }

    /** The value of the hex digits {@code [from, to)}, or -1 if one is not. */
    private static int hex(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /** A character of text, one UTF-16 unit: a letter, a mark, a space, punctuation or a line break. */
    private static boolean isCharacter(int code) {
        return code == '\n'
                || code == '\t'
                || code >= ' '
                        && code < Character.MIN_SUPPLEMENTARY_CODE_POINT
                        && !Character.isSurrogate((char) code)
                        && !Character.isISOControl(code);
    }

    /** Past the spaces after an item, at most one joiner (or "||"), and the spaces after it. */
    private static int afterJoiner(String text, int from, String joiners) {
        int i = spacesFrom(text, from);
        if (text.startsWith("||", i) && joiners.indexOf('|') >= 0) {
            i += 2;
        } else if (i < text.length() && joiners.indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return spacesFrom(text, i);
    }

    private static int spacesFrom(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
