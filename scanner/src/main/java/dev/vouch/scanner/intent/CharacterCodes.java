package dev.vouch.scanner.intent;

import dev.vouch.scanner.match.CharTables;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Text written one character to a code — binary ASCII ("01001001 01100111"), decimal character codes
 * ("73 103 110" or "[73,103,110]") and Morse (".. --. -. --- .-. .") — which a language model reads back
 * without being told how, and a matcher reads as digits and dots. All three are written in a small alphabet
 * of digits, separators, dots and dashes: runs of it long enough to hold a sentence are found as {@link
 * dev.vouch.scanner.match.AsciiRuns} finds base64, reading a few characters of each window, and only those
 * runs are decoded. A decoding is kept where it reads as a sentence, so version lists, tables of numbers,
 * IP addresses, ranges, flags, ellipses and rules, which decode to nothing of the kind or not at all, are
 * left alone. Each decoding keeps the span of the code it came from.
 */
final class CharacterCodes {

    /** The fewest characters a decoding keeps: fewer make a word, not an instruction. */
    private static final int MIN_CHARS = 8;

    /** The fewest groups of bits kept: each is a character. */
    private static final int MIN_BINARY_GROUPS = 8;

    /**
     * A group of bits is 8 digits, or 7 without ASCII's top bit, or 6 where leading zeros are dropped, as
     * Python's {@code format(c, 'b')} writes a space ("100000").
     */
    private static final int MIN_GROUP_DIGITS = 6;

    private static final int MAX_GROUP_DIGITS = 8;

    /**
     * The shortest run of code characters read: eight decimal codes of two digits or more and seven spaces
     * between them. Binary takes more. Morse takes some three and a half characters a letter, space included;
     * eight letters in fewer are words of e, t, i, a, n and m alone. The search reads a character or two of
     * each window this long, about as much as one {@code indexOf} of a string; windows of 13, the shortest
     * Morse of eight letters ("e e e|e e e e"), cost three times as much over Docker's catalog.
     */
    private static final int MIN_RUN = 23;

    /** A sentence breaks its words at least this often: a table of numbers decodes to a space seldom. */
    private static final int MAX_CHARS_PER_SPACE = 16;

    /** A sentence of {@link #MIN_CHARS} characters or more has a word of three letters at least. */
    private static final int MIN_WORD_LETTERS = 3;

    private static final char NEWLINE_CODE = 10;
    private static final char FIRST_PRINTABLE = 32;
    private static final char LAST_PRINTABLE = 126;

    /** The ASCII characters of the three codes: digits and their separators, Morse's dots, dashes and word breaks. */
    private static final boolean[] ASCII_CODE_CHARS =
            CharTables.ascii(c -> c >= '0' && c <= '9' || " ,./|-_".indexOf(c) >= 0);

    private static final int DOT = CharTables.MORSE_DOT;
    private static final int DASH = CharTables.MORSE_DASH;

    /**
     * Morse's letters, digits and punctuation by key: a leading 1 bit, then one bit a symbol (dash 1), so
     * that ".-" is 0b101. The longest code, "...-..-", has seven symbols: every key is below 256.
     */
    private static final char[] MORSE = morseByKey(Map.ofEntries(
            Map.entry(".-", 'a'),
            Map.entry("-...", 'b'),
            Map.entry("-.-.", 'c'),
            Map.entry("-..", 'd'),
            Map.entry(".", 'e'),
            Map.entry("..-.", 'f'),
            Map.entry("--.", 'g'),
            Map.entry("....", 'h'),
            Map.entry("..", 'i'),
            Map.entry(".---", 'j'),
            Map.entry("-.-", 'k'),
            Map.entry(".-..", 'l'),
            Map.entry("--", 'm'),
            Map.entry("-.", 'n'),
            Map.entry("---", 'o'),
            Map.entry(".--.", 'p'),
            Map.entry("--.-", 'q'),
            Map.entry(".-.", 'r'),
            Map.entry("...", 's'),
            Map.entry("-", 't'),
            Map.entry("..-", 'u'),
            Map.entry("...-", 'v'),
            Map.entry(".--", 'w'),
            Map.entry("-..-", 'x'),
            Map.entry("-.--", 'y'),
            Map.entry("--..", 'z'),
            Map.entry("-----", '0'),
            Map.entry(".----", '1'),
            Map.entry("..---", '2'),
            Map.entry("...--", '3'),
            Map.entry("....-", '4'),
            Map.entry(".....", '5'),
            Map.entry("-....", '6'),
            Map.entry("--...", '7'),
            Map.entry("---..", '8'),
            Map.entry("----.", '9'),
            Map.entry(".-.-.-", '.'),
            Map.entry("--..--", ','),
            Map.entry("..--..", '?'),
            Map.entry(".----.", '\''),
            Map.entry("-.-.--", '!'),
            Map.entry("-..-.", '/'),
            Map.entry("-.--.", '('),
            Map.entry("-.--.-", ')'),
            Map.entry(".-...", '&'),
            Map.entry("---...", ':'),
            Map.entry("-.-.-.", ';'),
            Map.entry("-...-", '='),
            Map.entry(".-.-.", '+'),
            Map.entry("-....-", '-'),
            Map.entry("..--.-", '_'),
            Map.entry(".-..-.", '"'),
            Map.entry("...-..-", '$'),
            Map.entry(".--.-.", '@')));

    private CharacterCodes() {}

    /** Decodes into {@code found} each binary, decimal or Morse sentence of the text, at the span of its code. */
    static void find(String text, List<EncodedSpans.Decoded> found) {
        int i = 0;
        while ((i = nextRun(text, i)) >= 0) {
            int start = i;
            int bits = 0;
            int digits = 0;
            int symbols = 0;
            while (i < text.length() && isCodeChar(text.charAt(i))) {
                char c = text.charAt(i++);
                bits += c == '0' || c == '1' ? 1 : 0;
                digits += isDigit(c) ? 1 : 0;
                symbols += CharTables.morseSymbol(c) >= 0 ? 1 : 0;
            }
            // A code is read only where the run holds enough of its characters for eight: eight groups of six
            // bits, eight numbers of two digits, seven Morse letters of one symbol and a word break.
            if (bits >= MIN_BINARY_GROUPS * MIN_GROUP_DIGITS) {
                binary(new Sequence(text, start, i, "binary", CharacterCodes::binaryReading, found));
            }
            if (digits >= MIN_CHARS * 2) {
                decimal(new Sequence(text, start, i, "decimal-codes", CharacterCodes::sentence, found));
            }
            if (symbols >= MIN_CHARS - 1) {
                morse(new Sequence(text, start, i, "morse", CharacterCodes::morseReading, found));
            }
        }
    }

    /**
     * The first index at or after {@code from} where {@link #MIN_RUN} code characters follow, or -1; read
     * back from each window's end as {@link dev.vouch.scanner.match.AsciiRuns} reads, which takes ASCII
     * alphabets only, where some of Morse's dots and dashes are not ASCII.
     */
    private static int nextRun(String text, int from) {
        int start = from;
        while (start + MIN_RUN <= text.length()) {
            int gap = start + MIN_RUN - 1;
            while (gap >= start && isCodeChar(text.charAt(gap))) {
                gap--;
            }
            if (gap < start) {
                return start;
            }
            start = gap + 1;
        }
        return -1;
    }

    private static boolean isCodeChar(char c) {
        return c < 0x80 ? ASCII_CODE_CHARS[c] : CharTables.morseSymbol(c) >= 0;
    }

    /**
     * Reads groups of 6 to 8 binary digits between spaces, or a run of them as long as a whole number of
     * bytes, each group or byte one character, from the run of code characters {@code sequence} reads.
     */
    private static void binary(Sequence sequence) {
        numbers(sequence, CharacterCodes::onlySpaces, CharacterCodes::appendBits);
    }

    /**
     * Reads the numbers of the run {@code sequence} reads in turn: where what stands between two is no
     * {@code separator}, or a number is none that {@code append} takes, the sequence so far ends there.
     */
    private static void numbers(Sequence sequence, SpanTest separator, NumberReader append) {
        String text = sequence.text;
        int i = sequence.from;
        while (i < sequence.to) {
            int between = i;
            while (i < sequence.to && !isDigit(text.charAt(i))) {
                i++;
            }
            if (!separator.test(text, between, i)) {
                sequence.close();
            }
            int number = i;
            while (i < sequence.to && isDigit(text.charAt(i))) {
                i++;
            }
            if (i > number && !append.append(sequence, number, i)) {
                sequence.close();
            }
        }
        sequence.close();
    }

    @FunctionalInterface
    private interface SpanTest {
        boolean test(String text, int from, int to);
    }

    @FunctionalInterface
    private interface NumberReader {
        /** Appends what the digits {@code [from, to)} stand for; false, appending nothing, if they stand for none. */
        boolean append(Sequence sequence, int from, int to);
    }

    /**
     * Appends the characters of the digits {@code [from, to)}; false, appending none, if they are not a group
     * of bits or bytes joined, or not all bits of printable ASCII.
     */
    private static boolean appendBits(Sequence sequence, int from, int to) {
        int digits = to - from;
        boolean oneGroup = digits >= MIN_GROUP_DIGITS && digits <= MAX_GROUP_DIGITS;
        // "0100100101100111…": bytes written without a space between them.
        boolean joinedBytes = digits % Byte.SIZE == 0 && digits > Byte.SIZE;
        if (!(oneGroup || joinedBytes) || sequence.touchesWord(from, to)) {
            return false;
        }
        int width = oneGroup ? digits : Byte.SIZE;
        for (int at = from; at < to; at += width) {
            if (!isCharCode(bits(sequence.text, at, at + width))) {
                return false;
            }
        }
        for (int at = from; at < to; at += width) {
            sequence.append((char) bits(sequence.text, at, at + width));
        }
        sequence.extend(from, to);
        return true;
    }

    /** The value of the binary digits {@code [from, to)}, or -1 if any is not 0 or 1. */
    private static int bits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != '0' && c != '1') {
                return -1;
            }
            value = value << 1 | (c - '0');
        }
        return value;
    }

    /**
     * Reads decimal numbers 32 to 126 (and 10, a line break) between spaces or a comma, each one character,
     * from the run of code characters {@code sequence} reads: "73 103 110", "73,103,110", "73, 103, 110".
     * "32-126", "1.5", "192.168.0.1": a dot or a dash between numbers ends a list of codes.
     */
    private static void decimal(Sequence sequence) {
        numbers(sequence, CharacterCodes::listSeparator, CharacterCodes::appendCharCode);
    }

    /** Appends the character whose code the digits {@code [from, to)} write; false if they write none. */
    private static boolean appendCharCode(Sequence sequence, int from, int to) {
        // "073" and the "000" of "1,000": no one writes a character's code with a leading zero.
        if (sequence.text.charAt(from) == '0' || to - from > 3 || sequence.touchesWord(from, to)) {
            return false;
        }
        int value = Integer.parseInt(sequence.text, from, to, 10);
        if (!isCharCode(value)) {
            return false;
        }
        sequence.append((char) value);
        sequence.extend(from, to);
        return true;
    }

    /** Spaces with at most one comma among them, or nothing: what stands between the numbers of a list. */
    private static boolean listSeparator(String text, int from, int to) {
        int commas = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && (c != ',' || ++commas > 1)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads Morse letters between single spaces, words between a slash or a bar (spaced or not) or two
     * spaces or more, from the run of code characters {@code sequence} reads: dots written as {@code .},
     * {@code ·} or {@code •}; dashes as {@code -}, {@code _}, {@code −}, {@code –} or {@code —}.
     */
    private static void morse(Sequence sequence) {
        String text = sequence.text;
        int i = sequence.from;
        while (i < sequence.to) {
            int separator = i;
            while (i < sequence.to && CharTables.morseSymbol(text.charAt(i)) < 0) {
                i++;
            }
            int breaks = morseBreaks(text, separator, i);
            if (breaks < 0) {
                // Digits or commas between the dots and dashes: whatever this is, it is not Morse.
                sequence.close();
            } else if (breaks > 0) {
                sequence.wordBreak();
            }
            int letter = i;
            int key = 1;
            while (i < sequence.to && CharTables.morseSymbol(text.charAt(i)) >= 0) {
                // Past seven symbols the key stays at 256 or more, which no letter has.
                key = key < MORSE.length ? key << 1 | CharTables.morseSymbol(text.charAt(i)) : key;
                i++;
            }
            char decoded = key < MORSE.length ? MORSE[key] : 0;
            if (decoded != 0 && !sequence.touchesWord(letter, i)) {
                sequence.append(decoded);
                sequence.extend(letter, i);
            } else if (i > letter) {
                sequence.close();
            }
        }
        sequence.close();
    }

    /**
     * What the characters {@code [from, to)} between two Morse letters say: 0 for a single space (or none,
     * at the run's start), 1 for a break between words (a slash or a bar, spaced or not, or two spaces or
     * more), -1 for anything else. Two spaces break words only in text read as written: the scanner reads
     * text normalised to one space where there were more (save between two single characters), where a
     * slash or a bar is left to break words, and Morse whose words run together reads as no sentence.
     */
    private static int morseBreaks(String text, int from, int to) {
        int spaces = 0;
        int bars = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                spaces++;
            } else if (c == '/' || c == '|') {
                bars++;
            } else {
                return -1;
            }
        }
        return bars > 1 ? -1 : bars == 1 || spaces > 1 ? 1 : 0;
    }

    private static char[] morseByKey(Map<String, Character> codes) {
        char[] byKey = new char[256];
        codes.forEach((code, letter) -> {
            int key = 1;
            for (int i = 0; i < code.length(); i++) {
                key = key << 1 | (code.charAt(i) == '-' ? DASH : DOT);
            }
            byKey[key] = letter;
        });
        return byKey;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A printable ASCII character or a line break. */
    private static boolean isCharCode(int code) {
        return code == NEWLINE_CODE || code >= FIRST_PRINTABLE && code <= LAST_PRINTABLE;
    }

    private static boolean onlySpaces(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    /** Binary is kept by its count of groups alone: honest text holds no eight bytes written in bits. */
    private static String binaryReading(CharSequence decoded) {
        return decoded.length() >= MIN_BINARY_GROUPS ? decoded.toString() : null;
    }

    /** The decoding if it reads as a sentence ({@link #readsAsSentence}), or null. */
    private static String sentence(CharSequence decoded) {
        return readsAsSentence(decoded) ? decoded.toString() : null;
    }

    /**
     * Morse that reads as a sentence, or whose words run together and are found again ({@link WordBreaks}):
     * the normaliser collapses the three spaces Morse puts between words, and some Morse puts none. Null if
     * neither.
     */
    private static String morseReading(CharSequence decoded) {
        if (readsAsSentence(decoded)) {
            return decoded.toString();
        }
        char[] letters = decoded.toString().toCharArray();
        int[] breaks = WordBreaks.inRuns(letters, 0, letters.length, WordBreaks.MIN_RUN_TOGETHER, false);
        String spaced = breaks == null ? null : WordBreaks.withSpaces(letters, letters.length, breaks);
        return spaced != null && readsAsSentence(spaced) ? spaced : null;
    }

    /**
     * Reads as a sentence: at least {@link #MIN_CHARS} characters, a space at least every {@link
     * #MAX_CHARS_PER_SPACE}, and of the words with letters in them, half or more plain words of two letters
     * or more (letters alone, lower case, capitalised or upper case), two at least and one of {@link
     * #MIN_WORD_LETTERS}. A command's flags and paths may stand among them ("curl -s https://… | sh"); a
     * markdown table's "| --- | --- |" read as o's has no word, and a table of numbers that falls among the
     * codes of letters reads as "GbT CQc": one in some 20,000 random lists of 8 to 37 numbers from 30 to 130
     * is kept.
     */
    private static boolean readsAsSentence(CharSequence decoded) {
        if (decoded.length() < MIN_CHARS) {
            return false;
        }
        int words = 0;
        int plainWords = 0;
        boolean longWord = false;
        int spaces = 0;
        int i = 0;
        while (i < decoded.length()) {
            int start = i;
            while (i < decoded.length() && decoded.charAt(i) != ' ') {
                i++;
            }
            int letters = lettersOfWord(decoded, start, i);
            words += hasLetter(decoded, start, i) ? 1 : 0;
            plainWords += letters > 1 ? 1 : 0;
            longWord |= letters >= MIN_WORD_LETTERS;
            while (i < decoded.length() && decoded.charAt(i) == ' ') {
                i++;
                spaces++;
            }
        }
        return spaces > 0
                && spaces * MAX_CHARS_PER_SPACE >= decoded.length()
                && longWord
                && plainWords >= 2
                && plainWords * 2 >= words;
    }

    /** Whether a letter stands among the characters {@code [from, to)}. */
    private static boolean hasLetter(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many letters the word {@code [from, to)} is made of, a stop, comma, colon or mark after them
     * allowed, written lower case, capitalised or upper case; 0 if anything else stands in it or its case
     * changes as no word's does ("GbT").
     */
    private static int lettersOfWord(CharSequence text, int from, int to) {
        int end = to > from && ".,:;!?".indexOf(text.charAt(to - 1)) >= 0 ? to - 1 : to;
        int upper = 0;
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                return 0;
            }
            upper += Character.isUpperCase(c) ? 1 : 0;
        }
        int letters = end - from;
        boolean cased = upper == 0 || upper == letters || upper == 1 && Character.isUpperCase(text.charAt(from));
        return cased ? letters : 0;
    }

    /**
     * The characters decoded from a run {@code [from, to)} of code characters since the code last broke off,
     * and the span they were decoded from; their {@code reading} is handed to {@code found} when the code
     * breaks off, if they have one.
     */
    private static final class Sequence {
        private final String text;
        private final int from;
        private final int to;
        private final String encoding;
        private final Function<CharSequence, String> reading;
        private final List<EncodedSpans.Decoded> found;
        private final StringBuilder decoded = new StringBuilder();
        private boolean spaceDue;
        private int start = -1;
        private int end;

        Sequence(
                String text,
                int from,
                int to,
                String encoding,
                Function<CharSequence, String> reading,
                List<EncodedSpans.Decoded> found) {
            this.text = text;
            this.from = from;
            this.to = to;
            this.encoding = encoding;
            this.reading = reading;
            this.found = found;
        }

        /**
         * "0b1010", "x73", "-v": a code at the run's edge that a letter or digit touches is part of a word.
         * Inside the run, codes touch only code characters.
         */
        boolean touchesWord(int codeStart, int codeEnd) {
            return codeStart == from && from > 0 && Character.isLetterOrDigit(text.charAt(from - 1))
                    || codeEnd == to && to < text.length() && Character.isLetterOrDigit(text.charAt(to));
        }

        /**
         * One more character decoded, after the space of a break between words before it; past {@link
         * EncodedSpans#MAX_DECODED} characters are read, not kept.
         */
        void append(char c) {
            if (spaceDue && decoded.length() < EncodedSpans.MAX_DECODED) {
                decoded.append(' ');
            }
            if (decoded.length() < EncodedSpans.MAX_DECODED) {
                decoded.append(c);
            }
            spaceDue = false;
        }

        /** The code just decoded stands at {@code [codeStart, codeEnd)}. */
        void extend(int codeStart, int codeEnd) {
            start = start < 0 ? codeStart : start;
            end = codeEnd;
        }

        /** A break between words: a space before the next character, if one was decoded before it. */
        void wordBreak() {
            spaceDue = decoded.length() > 0;
        }

        /** Hands the reading of the characters decoded so far to {@code found}, if they have one, and starts again. */
        void close() {
            String read = start >= 0 ? reading.apply(decoded) : null;
            if (read != null) {
                EncodedSpans.add(found, start, end, encoding, read);
            }
            decoded.setLength(0);
            spaceDue = false;
            start = -1;
        }
    }
}
