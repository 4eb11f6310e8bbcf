package dev.vouch.scanner.intent;

import java.util.List;

/**
 * Text written one character to an item of code: a list of quoted characters ({@code ['I', 'g', 'n']},
 * {@code "I" + "g"}), calls that make a character of its code ({@code chr(73)+chr(103)}, {@code CHAR(73)}),
 * and code points as Unicode writes them ({@code U+0049 U+0067}). A language model reads each back as the
 * sentence it spells; a matcher reads punctuation. Items follow one another with spaces between them and at
 * most one joiner ({@code ,} {@code +} {@code ||} {@code .} {@code &} {@code ;}); where anything else stands
 * between two, the sequence ends there. A sequence is kept where it reads as a sentence, as {@link
 * CharacterCodes} keeps its codes, so a list of options ({@code 'a', 'b', 'c'}) or a table of the characters
 * a tool strips ({@code U+200B, U+FEFF}) is left alone.
 */
final class CharacterItems {

    /**
     * The names of the calls that make a character of its code, lower case, each ending its name with "(", the
     * longest first: "unichr(" is no "chr(" a letter touches.
     */
    private static final List<String> CHARACTER_CALLS =
            List.of("fromcharcode(", "unichr(", "chr$(", "chrw(", "char(", "chr(");

    private static final int MAX_CODE_POINT_DIGITS = 6;
    private static final int MIN_CODE_POINT_DIGITS = 4;

    private CharacterItems() {}

    static void find(String text, List<EncodedSpans.Decoded> found) {
        for (Kind kind : Kind.values()) {
            if (text.indexOf(kind.marker) >= 0) {
                read(text, found, kind);
            }
        }
    }

    /** A kind of item: the character every item of it holds, where an item holding one starts, and how it reads. */
    private enum Kind {
        SINGLE_QUOTED('\'', "character-list") {
            @Override
            long read(String text, int at) {
                return quotedCharacter(text, at, '\'');
            }

            @Override
            int startAt(String text, int mark) {
                return mark;
            }
        },
        DOUBLE_QUOTED('"', "character-list") {
            @Override
            long read(String text, int at) {
                return quotedCharacter(text, at, '"');
            }

            @Override
            int startAt(String text, int mark) {
                return mark;
            }
        },
        CALL('(', "character-calls") {
            @Override
            long read(String text, int at) {
                return characterCall(text, at);
            }

            @Override
            int startAt(String text, int mark) {
                // Most parentheses follow a space or a word no call's name ends like: one look rules them out.
                char last = mark > 0 ? (char) (text.charAt(mark - 1) | 0x20) : ' ';
                if (last != 'r' && last != 'e' && last != 'w' && last != '$') {
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
        CODE_POINT('+', "code-points") {
            @Override
            long read(String text, int at) {
                return codePoint(text, at);
            }

            @Override
            int startAt(String text, int mark) {
                return mark - 1;
            }
        };

        final char marker;
        final String encoding;

        Kind(char marker, String encoding) {
            this.marker = marker;
            this.encoding = encoding;
        }

        /** The end of the item at {@code at} and the character it stands for ({@link #item}), or {@link #NONE}. */
        abstract long read(String text, int at);

        /** Where an item holding the marker at {@code mark} would start, or -1 if none can. */
        abstract int startAt(String text, int mark);
    }

    private static final long NONE = -1;

    private static long item(int end, int character) {
        return (long) end << 32 | character;
    }

    /**
     * Reads the sequences of items of one kind, each found from the marker character every item holds, and hands
     * each one's reading to {@code found}. Items are read left to right and never again, so the reading is linear in
     * the text.
     */
    private static void read(String text, List<EncodedSpans.Decoded> found, Kind kind) {
        int readTo = 0;
        for (int mark = text.indexOf(kind.marker); mark >= 0; mark = text.indexOf(kind.marker, readTo)) {
            readTo = mark + 1;
            int start = kind.startAt(text, mark);
            // "unichr(", "cu+0041": an item is read from where no letter or digit touches it.
            if (start < 0
                    || start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))
                    || kind.read(text, start) == NONE) {
                continue;
            }
            CharacterCodes.Sequence sequence = new CharacterCodes.Sequence(
                    text, start, text.length(), kind.encoding, CharacterCodes::sentence, found);
            int at = start;
            long item;
            while ((item = kind.read(text, at)) != NONE) {
                int end = (int) (item >>> 32);
                sequence.append((char) item);
                sequence.extend(at, end);
                readTo = Math.max(readTo, end);
                at = afterJoiner(text, end);
            }
            sequence.close();
        }
    }

    /** A quoted character {@code 'x'}, or an escaped one ({@code '\''}, {@code '\n'}). */
    private static long quotedCharacter(String text, int at, char quote) {
        if (at + 2 >= text.length() || text.charAt(at) != quote) {
            return NONE;
        }
        char c = text.charAt(at + 1);
        if (c == '\\' && at + 3 < text.length() && text.charAt(at + 3) == quote) {
            char escaped = text.charAt(at + 2);
            return item(at + 4, escaped == 'n' ? '\n' : escaped == 't' ? ' ' : escaped);
        }
        return c != quote && c != '\\' && !Character.isSurrogate(c) && text.charAt(at + 2) == quote
                ? item(at + 3, c)
                : NONE;
    }

    /** What JavaScript's {@code fromCharCode} is called on, written before each call after the first. */
    private static final String STRING_CLASS = "string.";

    /**
     * {@code chr(73)}, {@code CHAR(73)}, {@code chr(0x49)}, {@code String.fromCharCode(73)}: a call named in
     * {@link #CHARACTER_CALLS}.
     */
    private static long characterCall(String text, int at) {
        int name =
                text.regionMatches(true, at, STRING_CLASS, 0, STRING_CLASS.length()) ? at + STRING_CLASS.length() : at;
        for (String call : CHARACTER_CALLS) {
            if (text.regionMatches(true, name, call, 0, call.length())) {
                int from = name + call.length();
                int close = from;
                boolean hex = text.startsWith("0x", from) || text.startsWith("0X", from);
                int digitsFrom = hex ? from + 2 : from;
                close = digitsFrom;
                while (close < text.length()
                        && close - digitsFrom < 3
                        && Character.digit(text.charAt(close), hex ? 16 : 10) >= 0) {
                    close++;
                }
                if (close == digitsFrom || close >= text.length() || text.charAt(close) != ')') {
                    return NONE;
                }
                int code = Integer.parseInt(text, digitsFrom, close, hex ? 16 : 10);
                return CharacterCodes.isCharCode(code) ? item(close + 1, code) : NONE;
            }
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
        int code = Integer.parseInt(text, from, end, 16);
        boolean character = code == '\n'
                || code >= ' '
                        && code < Character.MIN_SUPPLEMENTARY_CODE_POINT
                        && !Character.isSurrogate((char) code)
                        && !Character.isISOControl(code);
        return character ? item(end, code) : NONE;
    }

    /** "U+0049U+0067": one code point straight after another. */
    private static boolean isCodePointStart(String text, int at) {
        return at + 1 < text.length() && (text.charAt(at) | 0x20) == 'u' && text.charAt(at + 1) == '+';
    }

    /** Past the spaces after an item, at most one joiner, and the spaces after it. */
    private static int afterJoiner(String text, int from) {
        int i = spacesFrom(text, from);
        if (text.startsWith("||", i)) {
            i += 2;
        } else if (i < text.length() && ",+.&;".indexOf(text.charAt(i)) >= 0) {
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
