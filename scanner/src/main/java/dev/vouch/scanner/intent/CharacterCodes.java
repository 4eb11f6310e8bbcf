package dev.vouch.scanner.intent;

import dev.vouch.scanner.match.CharTables;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Text written one character to a code — binary ASCII ("01001001 01100111"), decimal character codes
 * ("73 103 110" or "[73,103,110]"), octal ones ("111 147 156"), hex bytes written apart ("49 67 6e", "0x49,
 * 0x67"), Morse (".. --. -. --- .-. .") and the phonetic alphabet ("India Golf November") — which a language
 * model reads back without being told how, and a matcher reads as digits, dots and names. The first five are
 * written in small alphabets of digits, separators, dots and dashes: runs of one long enough to hold a sentence
 * are found as {@link dev.vouch.scanner.match.AsciiRuns} finds base64, reading a few characters of each window,
 * and only those runs are decoded; the phonetic alphabet's words are read only where a probe every few dozen characters finds
 * one. A decoding is kept where it reads as a sentence, so version lists, tables of numbers, IP addresses,
 * ranges, flags, ellipses, rules and words that happen to be the alphabet's, which decode to nothing of the kind
 * or not at all, are left alone. Each decoding keeps the span of the code it came from.
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

    /** Hex digits and what stands between hex bytes written apart: spaces, a comma or a colon, 0x. */
    private static final boolean[] HEX_CODE_CHARS =
            CharTables.ascii(c -> Character.digit(c, 16) >= 0 || " ,:xX".indexOf(c) >= 0);

    /**
     * The phonetic alphabet's words (ICAO's, and the spellings "alpha", "juliet", "whisky" and "xray" beside
     * "alfa", "juliett", "whiskey" and "x-ray"), by the letter each spells.
     */
    private static final String[][] PHONETIC = {
        {"alfa", "alpha"},
        {"bravo"},
        {"charlie"},
        {"delta"},
        {"echo"},
        {"foxtrot"},
        {"golf"},
        {"hotel"},
        {"india"},
        {"juliett", "juliet"},
        {"kilo"},
        {"lima"},
        {"mike"},
        {"november"},
        {"oscar"},
        {"papa"},
        {"quebec"},
        {"romeo"},
        {"sierra"},
        {"tango"},
        {"uniform"},
        {"victor"},
        {"whiskey", "whisky"},
        {"x-ray", "xray"},
        {"yankee"},
        {"zulu"}
    };

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

    /** Decodes into {@code found} each sentence the text writes in one of the codes, at the span of its code. */
    static void find(String text, List<EncodedSpans.Decoded> found) {
        digitsDotsAndDashes(text, found);
        int i = 0;
        while ((i = nextRun(text, i, HEX_CODE_CHARS, false)) >= 0) {
            int start = i;
            while (i < text.length() && text.charAt(i) < 0x80 && HEX_CODE_CHARS[text.charAt(i)]) {
                i++;
            }
            hexBytes(new Sequence(text, start, i, "hex-codes", CharacterCodes::sentence, found));
        }
        phonetic(text, found);
    }

    private static void digitsDotsAndDashes(String text, List<EncodedSpans.Decoded> found) {
        int i = 0;
        while ((i = nextRun(text, i, ASCII_CODE_CHARS, true)) >= 0) {
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
                octal(new Sequence(text, start, i, "octal-codes", CharacterCodes::sentence, found));
            }
            if (symbols >= MIN_CHARS - 1) {
                morse(new Sequence(text, start, i, "morse", CharacterCodes::sentenceOrWordsRunTogether, found));
            }
        }
    }

    /**
     * The first index at or after {@code from} where {@link #MIN_RUN} characters of a code's alphabet follow
     * ({@code ascii}, and Morse's dots and dashes beyond ASCII where {@code morse}), or -1; read back from each
     * window's end as {@link dev.vouch.scanner.match.AsciiRuns} reads, which takes ASCII alphabets only, where
     * some of Morse's dots and dashes are not ASCII.
     */
    private static int nextRun(String text, int from, boolean[] ascii, boolean morse) {
        int start = from;
        while (start + MIN_RUN <= text.length()) {
            int gap = start + MIN_RUN - 1;
            while (gap >= start && isCodeChar(text.charAt(gap), ascii, morse)) {
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
        return isCodeChar(c, ASCII_CODE_CHARS, true);
    }

    private static boolean isCodeChar(char c, boolean[] ascii, boolean morse) {
        return c < 0x80 ? ascii[c] : morse && CharTables.morseSymbol(c) >= 0;
    }

    /**
     * Reads hex bytes of two digits, each after {@code 0x} or not, between single spaces, a comma or a colon
     * (spaced or not), each one character, from the run of hex characters {@code sequence} reads: "49 67 6e",
     * "0x49,0x67", "49:67:6e". A MAC address is too short for a sentence and a dump of binary decodes to no
     * printable text; a digest written in one run is left to the hex runs {@link EncodedSpans} reads.
     */
    private static void hexBytes(Sequence sequence) {
        String text = sequence.text;
        int i = sequence.from;
        while (i < sequence.to) {
            int between = i;
            while (i < sequence.to && " ,:".indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            if (!byteSeparator(text, between, i)) {
                sequence.close();
            }
            int token = i;
            while (i < sequence.to && " ,:".indexOf(text.charAt(i)) < 0) {
                i++;
            }
            boolean prefixed = i - token == 4 && text.charAt(token) == '0' && (text.charAt(token + 1) | 0x20) == 'x';
            int digits = prefixed ? token + 2 : token;
            int value = i - digits == 2 ? hexValue(text, digits) : -1;
            if (isCharCode(value) && !sequence.touchesWord(token, i)) {
                sequence.append((char) value);
                sequence.extend(token, i);
            } else if (i > token) {
                sequence.close();
            }
        }
        sequence.close();
    }

    /** A single space, a comma or a colon with at most a space on either side, or nothing at the run's start. */
    private static boolean byteSeparator(String text, int from, int to) {
        int marks = 0;
        int spaces = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == ' ') {
                spaces++;
            } else {
                marks++;
            }
        }
        return marks <= 1 && spaces <= 2 && (marks == 1 || spaces <= 1);
    }

    /** The byte two hex digits at {@code at} write, or -1. */
    private static int hexValue(String text, int at) {
        int high = Character.digit(text.charAt(at), 16);
        int low = Character.digit(text.charAt(at + 1), 16);
        return high < 0 || low < 0 ? -1 : high << 4 | low;
    }

    /**
     * Reads the phonetic alphabet's words in a row, any case, each one letter: between spaces, commas,
     * hyphens or stops the letters of one word, across a slash, a bar or the word "space" a break between
     * words (as in Morse), and across anything else, a word of no code among them, the end of the sequence. A
     * reading that runs its words together is found again as Morse's is; fewer than eight letters make no
     * sentence.
     *
     * <p>Eight words of four letters or more and the seven breaks between them span {@link #MIN_PHONETIC_RUN}
     * characters: every {@link #PHONETIC_PROBE}th character is probed, and where one stands in such a word or
     * just before one the words are read from the probe before it on. Most probes fall in a word of no code, so
     * most of a text is never read, as the other codes' runs are found.
     */
    private static void phonetic(String text, List<EncodedSpans.Decoded> found) {
        int length = text.length();
        int resume = 0;
        for (int probe = PHONETIC_PROBE - 1; probe < length; probe += PHONETIC_PROBE) {
            if (probe < resume || !mayBeSpelled(text, probe)) {
                continue;
            }
            // The probe before was in no sequence: one that holds this probe starts after it.
            int from = Math.max(resume, probe - PHONETIC_PROBE + 1);
            while (from < length
                    && from > 0
                    && isAsciiLetter(text.charAt(from - 1))
                    && isAsciiLetter(text.charAt(from))) {
                from++;
            }
            resume = spelled(text, from, probe, found);
        }
    }

    /** A sequence of eight code words spans at least this many characters. */
    private static final int MIN_PHONETIC_RUN = MIN_CHARS * 4 + MIN_CHARS - 1;

    /** Probed this often, every such sequence holds a probe. */
    private static final int PHONETIC_PROBE = MIN_PHONETIC_RUN;

    /**
     * Whether the character at {@code at} stands in a word of the alphabet (or the word "space"), or in the few
     * characters between two words one of which is: every character of a sequence does. Reads at most a word's
     * length and a break's either way, so a probe in a long run of letters costs no more than one in a short word.
     */
    private static boolean mayBeSpelled(String text, int at) {
        if (isAsciiLetter(text.charAt(at))) {
            return isCodeWordAround(text, at);
        }
        int after = at;
        while (after < text.length() && after - at < MAX_PHONETIC_BREAK && isPhoneticBreak(text.charAt(after))) {
            after++;
        }
        int before = at;
        while (before >= 0 && at - before < MAX_PHONETIC_BREAK && isPhoneticBreak(text.charAt(before))) {
            before--;
        }
        return after < text.length() && isAsciiLetter(text.charAt(after)) && isCodeWordAround(text, after)
                || before >= 0 && isAsciiLetter(text.charAt(before)) && isCodeWordAround(text, before);
    }

    /**
     * Whether the letter at {@code at} belongs to a word of the alphabet or to "space": back to the word's start, at
     * most {@link #MAX_PHONETIC} letters ("x-ray" read from its "x").
     */
    private static boolean isCodeWordAround(String text, int at) {
        int word = at;
        while (word > 0 && isAsciiLetter(text.charAt(word - 1))) {
            if (at - word >= MAX_PHONETIC) {
                return false;
            }
            word--;
        }
        if (word >= 2 && text.charAt(word - 1) == '-' && (text.charAt(word - 2) | 0x20) == 'x') {
            word -= 2;
        }
        return phoneticLetter(text, word) >= 0 || isSpaceWord(text, word);
    }

    /** The most characters between two words of a sequence: " ( space ) " spelled out, or " / ". */
    private static final int MAX_PHONETIC_BREAK = 4;

    private static boolean isPhoneticBreak(char c) {
        return c == ' ' || c == ',' || c == '-' || c == '.' || c == '/' || c == '|' || c == '(' || c == ')' || c == '['
                || c == ']';
    }

    /**
     * Reads the words from {@code from} on into sequences, until a word of no code at or past {@code probe}
     * ends the sequence the probe stands in; returns where reading stopped.
     */
    private static int spelled(String text, int from, int probe, List<EncodedSpans.Decoded> found) {
        Sequence sequence = null;
        int after = from;
        int length = text.length();
        int i = from;
        while (i < length) {
            if (!isAsciiLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && isAsciiLetter(text.charAt(i))) {
                i++;
            }
            // Most words are no code word by their length alone: the alphabet's are four to eight letters, and
            // "x-ray" is "x" and "ray".
            int letters = i - start;
            int letter = letters >= MIN_PHONETIC && letters <= MAX_PHONETIC || letters == 1
                    ? phoneticLetter(text, start)
                    : -1;
            if (letter < 0) {
                if (sequence != null
                        && letters == SPACE_WORD.length()
                        && isSpaceWord(text, start)
                        && phoneticBreaks(text, after, start) == 0) {
                    // "(space)", as some spellers write a break between words.
                    sequence.wordBreak();
                    after = i;
                    continue;
                }
                if (sequence != null) {
                    sequence.close();
                }
                if (start >= probe) {
                    return start;
                }
                continue;
            }
            int end = start + PHONETIC_LENGTH[letter >>> 8];
            if (sequence == null) {
                sequence = new Sequence(text, start, length, "phonetic", CharacterCodes::phoneticReading, found);
            } else {
                int breaks = phoneticBreaks(text, after, start);
                if (breaks < 0) {
                    sequence.close();
                } else if (breaks > 0) {
                    sequence.wordBreak();
                }
            }
            sequence.append((char) ('a' + (letter & 0xFF)));
            sequence.extend(start, end);
            after = end;
            i = end;
        }
        if (sequence != null) {
            sequence.close();
        }
        return length;
    }

    /**
     * A spelled sentence of {@link #MIN_CHARS} letters or more read as Morse is ({@link
     * #sentenceOrWordsRunTogether}): shorter, its words would span fewer characters than every {@link
     * #PHONETIC_PROBE}th is probed for.
     */
    private static String phoneticReading(CharSequence decoded) {
        int letters = 0;
        for (int i = 0; i < decoded.length(); i++) {
            letters += decoded.charAt(i) != ' ' ? 1 : 0;
        }
        return letters >= MIN_CHARS ? sentenceOrWordsRunTogether(decoded) : null;
    }

    /** The fewest and the most letters of a word of the phonetic alphabet ("x-ray" aside). */
    private static final int MIN_PHONETIC = 4;

    private static final int MAX_PHONETIC = 8;

    /**
     * The phonetic word that starts at {@code at} and ends a word, as its letter's index (low byte) and the
     * index of its spelling (above it), or -1.
     */
    private static int phoneticLetter(String text, int at) {
        int letter = (text.charAt(at) | 0x20) - 'a';
        if (letter < 0 || letter >= PHONETIC.length) {
            return -1;
        }
        String[] spellings = PHONETIC[letter];
        for (int s = 0; s < spellings.length; s++) {
            String word = spellings[s];
            int end = at + word.length();
            if (end <= text.length()
                    && spelledAt(text, at, word)
                    && (end == text.length() || !isAsciiLetter(text.charAt(end)))) {
                return spellingIndex(letter, s) << 8 | letter;
            }
        }
        return -1;
    }

    /**
     * Whether {@code word} (lower case) stands at {@code at} in any ASCII case, its first letter known to: compared
     * from the second, which tells most words apart at once ("data" from "delta"), where a word's every start is
     * asked.
     */
    private static boolean spelledAt(String text, int at, String word) {
        for (int i = 1; i < word.length(); i++) {
            char c = text.charAt(at + i);
            if ((isAsciiLetter(c) ? (char) (c | 0x20) : c) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static final String SPACE_WORD = "space";

    private static boolean isSpaceWord(String text, int at) {
        int end = at + SPACE_WORD.length();
        return end <= text.length()
                && (text.charAt(at) | 0x20) == SPACE_WORD.charAt(0)
                && spelledAt(text, at, SPACE_WORD)
                && (end == text.length() || !isAsciiLetter(text.charAt(end)));
    }

    /** The length of each spelling, by {@link #spellingIndex}. */
    private static final int[] PHONETIC_LENGTH = phoneticLengths();

    private static int spellingIndex(int letter, int spelling) {
        return letter * 2 + spelling;
    }

    private static int[] phoneticLengths() {
        int[] lengths = new int[PHONETIC.length * 2];
        for (int letter = 0; letter < PHONETIC.length; letter++) {
            for (int s = 0; s < PHONETIC[letter].length; s++) {
                lengths[spellingIndex(letter, s)] = PHONETIC[letter][s].length();
            }
        }
        return lengths;
    }

    /**
     * What stands between two phonetic words: 0 for spaces, brackets, a comma, a hyphen or a stop (the letters of
     * one word), 1 for a slash or a bar (a break between words), -1 for anything else or more than {@link
     * #MAX_PHONETIC_BREAK} characters.
     */
    private static int phoneticBreaks(String text, int from, int to) {
        if (to - from > MAX_PHONETIC_BREAK) {
            // Wider than the probes look: read as no break of a sequence, so that none is found in part.
            return -1;
        }
        int bars = 0;
        int marks = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '|') {
                bars++;
            } else if (c == ',' || c == '-' || c == '.') {
                marks++;
            } else if (c != ' ' && c != '(' && c != ')' && c != '[' && c != ']') {
                return -1;
            }
        }
        return bars > 1 || marks > 1 || bars + marks > 1 ? -1 : bars;
    }

    private static boolean isAsciiLetter(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
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
        numbers(sequence, CharacterCodes::listSeparator, charCodes(10, 1));
    }

    /**
     * Reads octal numbers 40 to 176 (and 12, a line break) as {@link #decimal} reads decimal ones: "111 147 156",
     * as Python's {@code oct()} and a C dump write them. A list of decimal codes holds an 8, a 9 or a number past 176
     * within a few numbers, and a sequence ends there.
     */
    private static void octal(Sequence sequence) {
        numbers(sequence, CharacterCodes::listSeparator, charCodes(8, 2));
    }

    /**
     * Appends the character whose code in {@code radix} the digits {@code [from, to)} write, {@code fewest} digits
     * to three; false, appending nothing, if they write none.
     */
    private static NumberReader charCodes(int radix, int fewest) {
        return (sequence, from, to) -> {
            // "073" and the "000" of "1,000": no one writes a character's code with a leading zero.
            if (sequence.text.charAt(from) == '0'
                    || to - from < fewest
                    || to - from > 3
                    || sequence.touchesWord(from, to)) {
                return false;
            }
            int value = 0;
            for (int i = from; i < to; i++) {
                int digit = Character.digit(sequence.text.charAt(i), radix);
                if (digit < 0) {
                    return false;
                }
                value = value * radix + digit;
            }
            if (!isCharCode(value)) {
                return false;
            }
            sequence.append((char) value);
            sequence.extend(from, to);
            return true;
        };
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
    static boolean isCharCode(int code) {
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
    static String sentence(CharSequence decoded) {
        return readsAsSentence(decoded) ? decoded.toString() : null;
    }

    /**
     * A decoding that reads as a sentence, or whose words run together and are found again ({@link WordBreaks}):
     * the normaliser collapses the three spaces Morse puts between words, some Morse puts none, and a spelled
     * payload may leave its spaces out. Null if neither.
     */
    static String sentenceOrWordsRunTogether(CharSequence decoded) {
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
    static final class Sequence {
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
