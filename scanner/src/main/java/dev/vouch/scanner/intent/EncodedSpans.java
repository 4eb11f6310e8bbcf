package dev.vouch.scanner.intent;

import dev.vouch.scanner.match.AsciiRuns;
import dev.vouch.scanner.match.CaseFolding;
import dev.vouch.scanner.match.CharTables;
import dev.vouch.scanner.match.KeywordAutomaton;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Finds text hidden behind an encoding — base64, base32 and hex runs, HTML entities, backslash-u
 * escapes and percent-encoding written as text, binary, decimal, hex, Morse and phonetic codes of characters
 * ({@link CharacterCodes}), lists of quoted characters, {@code chr()} calls and {@code U+} code points ({@link
 * CharacterItems}), quoted-printable, Ascii85 and uuencode ({@link MarkedEncodings}), text written upside down ({@link FlippedText}), quoted pieces joined by {@code +}, a
 * Caesar or Atbash cipher the text names, and ROT13 or reversed text that says it is or that English's
 * commonest words give away — and decodes it, so what the model would read once it decodes the payload is
 * analysed too. Each decoded text keeps the span of the original it came from.
 * Linear in the length of the text; only printable results are kept, so digests and keys (which decode
 * to binary) are left alone.
 */
public final class EncodedSpans {

    /** One decoded span: where it stands in the text, how it was encoded, and what it says. */
    public record Decoded(int start, int end, String encoding, String text) {

        /** How a finding in it says where it sits, for a curator to find it: "decoded base64 at characters 14-42: ". */
        public String where() {
            return "decoded " + encoding + " at characters " + start + "-" + end + ": ";
        }
    }

    private static final int MIN_BASE64 = 16;
    private static final int MIN_HEX = 16;
    // Eight base32 characters carry five bytes: 24 or more are at least a short sentence.
    private static final int MIN_BASE32 = 24;
    private static final int MIN_ESCAPES = 3;
    /** The shortest run read as either: a word, whatever its letters, is shorter. */
    private static final int MIN_RUN = Math.min(MIN_HEX, MIN_BASE64);

    static final int MAX_DECODED = 1 << 16;
    private static final Map<String, String> NAMED_ENTITIES = Map.of(
            "lt", "<", "gt", ">", "amp", "&", "quot", "\"", "apos", "'", "nbsp", " ", "sol", "/", "colon", ":", "lpar",
            "(", "rpar", ")");

    private EncodedSpans() {}

    public static List<Decoded> find(String text) {
        return find(text, text.toCharArray());
    }

    /** {@link #find(String)} of a text already folded, reading its characters from the folding. */
    public static List<Decoded> find(String text, FoldedText folded) {
        return find(text, folded.source());
    }

    /** {@link #find(String)}, reading the text's characters from {@code chars} (read, not kept). */
    static List<Decoded> find(String text, char[] chars) {
        List<Decoded> found = new ArrayList<>(0);
        findRuns(text, found);
        CharacterCodes.find(text, found);
        CharacterItems.find(text, found);
        MarkedEncodings.find(text, found);
        if (FlippedText.isFlipped(text)) {
            add(found, 0, text.length(), "upside-down", FlippedText.upright(text));
        }
        // Most texts hold none of the characters an encoding starts with: one search each rules it out.
        if (text.indexOf('&') >= 0
                && (count(text, "&#", "&lt;", "&gt;", "&amp;", "&quot;") >= MIN_ESCAPES || count(text, "&#") >= 2)) {
            add(found, 0, text.length(), "html-entities", htmlEntities(text));
        }
        // "\\U" counts only before the eight hex digits of an escape: "C:\\Users\\…" is a path.
        if (text.indexOf('\\') >= 0
                && count(text, "\\u", "\\x", "\\0", "\\1", "\\2", "\\3") + longEscapes(text) >= MIN_ESCAPES) {
            add(found, 0, text.length(), "escapes", escapes(text));
        }
        if (text.indexOf('%') >= 0 && count(text, "%") >= MIN_ESCAPES * 2) {
            add(found, 0, text.length(), "percent-encoding", percent(text));
        }
        if (text.indexOf('+') >= 0 && count(text, JOINS) >= MIN_ESCAPES) {
            add(found, 0, text.length(), "concatenation", concatenated(text));
        }
        // ROT13 and reversed text read as nonsense until someone says how to read them: the text's own
        // hint turns them into instructions, or English's commonest words written that way, which a model
        // reads back without being told.
        int hints = unhinted(text, hints(text, chars));
        if ((hints & ROT13) != 0) {
            add(found, 0, text.length(), "rot13", shifted(text, 13));
        }
        if ((hints & CAESAR) != 0) {
            int shift = caesarShift(text);
            if (shift != 0) {
                add(found, 0, text.length(), "caesar-" + shift, shifted(text, shift));
            }
        }
        if ((hints & ATBASH) != 0) {
            add(found, 0, text.length(), "atbash", atbash(text));
        }
        if ((hints & REVERSED) != 0) {
            add(
                    found,
                    0,
                    text.length(),
                    "reversed",
                    new StringBuilder(text).reverse().toString());
        }
        return found;
    }

    private static final int ROT13 = 1;
    private static final int REVERSED = 2;
    /** "the", "and" or "you" in ROT13 stands in the text as a word: it may be ROT13 English. */
    private static final int ROT13_MARKER = 4;
    /** "the", "and" or "you" reversed stands in the text as a word: it may be reversed English. */
    private static final int REVERSED_MARKER = 8;
    /** A Caesar cipher is named: every shift is tried, and the one that reads as English kept. */
    private static final int CAESAR = 16;
    /** The Atbash cipher (a for z, b for y) is named. */
    private static final int ATBASH = 32;

    /**
     * English's commonest words: a shift that writes three of them, where the text as written had one at
     * most, reads as English.
     */
    private static final List<String> COMMON_WORDS = List.of(
            "the", "and", "you", "your", "for", "this", "that", "with", "all", "never", "always", "user", "when",
            "before", "after", "call", "not", "of", "to", "is");

    /** The shift (1 to 25, not 13, which ROT13 reads) under which the text reads as English, or 0. */
    private static int caesarShift(String text) {
        if (distinctWords(text, COMMON_WORDS) > 1) {
            return 0;
        }
        int best = 0;
        int bestWords = COMMON_WORDS_NEEDED - 1;
        for (int shift = 1; shift < 26; shift++) {
            if (shift == 13) {
                continue;
            }
            int words = distinctWords(shifted(text, shift), COMMON_WORDS);
            if (words > bestWords) {
                best = shift;
                bestWords = words;
            }
        }
        return best;
    }

    /** Each ASCII letter moved {@code shift} places on in the alphabet, as a Caesar cipher is read back. */
    private static String shifted(String text, int shift) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'a' && c <= 'z') {
                chars[i] = (char) ('a' + (c - 'a' + shift) % 26);
            } else if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) ('A' + (c - 'A' + shift) % 26);
            }
        }
        return new String(chars);
    }

    private static String atbash(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'a' && c <= 'z') {
                chars[i] = (char) ('z' - (c - 'a'));
            } else if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) ('Z' - (c - 'A'));
            }
        }
        return new String(chars);
    }

    /** The joins of strings cut apart and added back together: {@code "ign" + "ore"}. */
    private static final String[] JOINS = {"\" + \"", "' + '", "\"+\"", "'+'"};

    /**
     * A text cut into quoted pieces joined by {@code +}, as code builds a string ("Bef" + "ore" "call" +
     * "ing"), read as the string it builds: the joins and then the quotes taken out.
     */
    private static String concatenated(String text) {
        String joined = text;
        for (String join : JOINS) {
            joined = joined.replace(join, "");
        }
        return joined.replace("\"", "").replace("'", "");
    }

    /**
     * English's common short words reversed and in ROT13, each seldom a word of English on its own:
     * reversed "ton" and "era" are words and are left out, as is "or", which is "be" in ROT13.
     */
    private static final List<String> REVERSED_WORDS = List.of(
            "eht", "dna", "uoy", "ruoy", "rof", "siht", "taht", "htiw", "lla", "reven", "syawla", "resu", "nehw",
            "erofeb", "retfa", "llac", "fo", "ot", "si", "ti");

    private static final List<String> ROT13_WORDS = List.of(
            "gur", "naq", "lbh", "lbhe", "sbe", "guvf", "gung", "jvgu", "nyy", "arire", "nyjnlf", "hfre", "jura",
            "orsber", "nsgre", "pnyy", "abg", "bs", "vf", "gb");

    private static final int COMMON_WORDS_NEEDED = 3;

    /**
     * The readings a text asks for, hinted or not: ROT13 or reversed English unhinted where one of its
     * marker words (found with the hints, in the same pass) stands beside two more of its commonest words.
     */
    private static int unhinted(String text, int hints) {
        int kinds = hints & (ROT13 | REVERSED | CAESAR | ATBASH);
        if ((hints & ROT13_MARKER) != 0
                && (distinctWords(text, ROT13_WORDS) >= COMMON_WORDS_NEEDED
                        || readsBetter(WordBreaks.listedWords(shifted(text, 13), false), text))) {
            kinds |= ROT13;
        }
        if ((hints & REVERSED_MARKER) != 0
                && (distinctWords(text, REVERSED_WORDS) >= COMMON_WORDS_NEEDED
                        || readsBetter(WordBreaks.listedWords(text, true), text))) {
            kinds |= REVERSED;
        }
        return kinds;
    }

    /**
     * Where a marker word stands but too few of the commonest words do ("yltaiuq sdnufer pord dna swor
     * regdel"): whether {@code read} of the text's words are English read the other way, many more than as
     * written.
     */
    private static boolean readsBetter(int read, String text) {
        return read >= MIN_WORDS_READ_OTHERWISE && read >= 2 * WordBreaks.listedWords(text, false);
    }

    /** The fewest words a text read another way must show, so that one name read so is no sentence. */
    private static final int MIN_WORDS_READ_OTHERWISE = 5;

    /** How many of {@code words} the text holds as words of their own, any case. */
    private static int distinctWords(String text, List<String> words) {
        long[] seen = {0};
        WordBreaks.eachAsciiWord(text, (start, end) -> {
            if (end - start <= 6) {
                int word = words.indexOf(CaseFolding.lower(text.substring(start, end)));
                seen[0] |= word >= 0 ? 1L << word : 0;
            }
        });
        return Long.bitCount(seen[0]);
    }

    /**
     * The words by which a text says how to read it, and the reading each asks for, and the marker words of
     * ROT13 and reversed English, which ask for a count of their common words; any case.
     */
    private static final String[] HINT_WORDS = {
        "rot13",
        "rot-13",
        "rot 13",
        "caesar",
        "atbash",
        "backward",
        "reversed",
        "right to left",
        "right-to-left",
        "last letter first",
        "gur",
        "naq",
        "lbh",
        "eht",
        "dna",
        "uoy"
    };

    private static final int[] HINT_KINDS = {
        ROT13,
        ROT13,
        ROT13,
        ROT13 | CAESAR,
        ATBASH,
        REVERSED,
        REVERSED,
        REVERSED,
        REVERSED,
        REVERSED,
        ROT13_MARKER,
        ROT13_MARKER,
        ROT13_MARKER,
        REVERSED_MARKER,
        REVERSED_MARKER,
        REVERSED_MARKER
    };

    /**
     * Which ways of reading itself the text names, in whole words, and which marker words of ROT13 or
     * reversed English it holds (bits beside the readings, for {@link #unhinted} to count the common words
     * behind): "caesarean" names no cipher, and "backwards-compatible" asks for no reversed reading. A hint counts only where a word begins, so only
     * word starts are compared, each with the hints its first letter can begin; every character is read
     * lower-cased as a caseless keyword automaton reads it (U+0130 as i, U+212A as k).
     */
    static int hints(String text) {
        return hints(text, text.toCharArray());
    }

    /** {@link #hints(String)}, reading the text's characters from {@code chars}: the folding copied them already. */
    private static int hints(String text, char[] chars) {
        int kinds = 0;
        boolean inWord = false;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c < 0x80) {
                // One rarely taken branch: a word starts here with two letters some hint starts with.
                if (HINT_FIRST[c] & !inWord && mayBeginHint(chars, i)) {
                    kinds |= hintsAt(text, chars, i);
                }
                inWord = ASCII_WORD[c];
            } else {
                if (!inWord && lower(c) < 0x80 && HINT_FIRST[lower(c)]) {
                    kinds |= hintsAt(text, chars, i);
                }
                inWord = KeywordAutomaton.isWordChar(c);
            }
        }
        return kinds;
    }

    /**
     * Whether the second character of a word starting at {@code i} with a hint's first letter may follow it in
     * a hint: most such words ("create", "list", "data") go no further. The shift takes the char modulo 64, so
     * a character beyond the letters may pass too; {@link #hintsAt} decides.
     */
    private static boolean mayBeginHint(char[] chars, int i) {
        if (i + 1 == chars.length) {
            return false;
        }
        char second = lower(chars[i + 1]);
        return second < 0x80 && (HINT_SECOND_LETTERS[lower(chars[i])] & 1L << second) != 0;
    }

    /** For each first letter of a hint, lower case, the bits of the letters that follow it in a hint (modulo 64). */
    private static final long[] HINT_SECOND_LETTERS = hintSecondLetters();

    private static long[] hintSecondLetters() {
        long[] table = new long[0x80];
        for (String hint : HINT_WORDS) {
            table[hint.charAt(0)] |= 1L << hint.charAt(1);
        }
        return table;
    }

    /** The letters a hint starts with, in either case. */
    private static final boolean[] HINT_FIRST = hintFirstLetters();

    private static boolean[] hintFirstLetters() {
        boolean[] table = new boolean[0x80];
        for (String hint : HINT_WORDS) {
            table[hint.charAt(0)] = true;
            table[Character.toUpperCase(hint.charAt(0))] = true;
        }
        return table;
    }

    /**
     * The hints (indices of {@link #HINT_WORDS}) by their first letter, lower case: a word start is compared
     * with those alone ("create", "list" with one hint each, not all nine).
     */
    private static final int[][] HINTS_BY_FIRST = hintsByFirstLetter();

    private static int[][] hintsByFirstLetter() {
        int[][] table = new int[0x80][];
        for (char c = 0; c < 0x80; c++) {
            char first = c;
            table[c] = IntStream.range(0, HINT_WORDS.length)
                    .filter(h -> HINT_WORDS[h].charAt(0) == first)
                    .toArray();
        }
        return table;
    }

    private static final boolean[] ASCII_WORD = CharTables.ascii(c -> KeywordAutomaton.isWordChar((char) c));

    /**
     * The readings asked for by the hints that begin at {@code begin}, a word start whose first letter,
     * lower-cased, is ASCII; {@code chars} are those of {@code text}.
     */
    private static int hintsAt(String text, char[] chars, int begin) {
        int kinds = 0;
        for (int h : HINTS_BY_FIRST[lower(chars[begin])]) {
            String hint = HINT_WORDS[h];
            int end = begin + hint.length();
            if (end > chars.length || !startsWithLowered(chars, begin, hint)) {
                continue;
            }
            int kind = HINT_KINDS[h];
            int wordEnd = end < chars.length && (chars[end] | 0x20) == 's' ? end + 1 : end;
            boolean whole = wordEnd == chars.length || !KeywordAutomaton.isWordChar(chars[wordEnd]);
            if (whole && !(kind == REVERSED && saysCompatible(text, wordEnd))) {
                kinds |= kind;
            }
        }
        return kinds;
    }

    private static boolean startsWithLowered(char[] chars, int begin, String hint) {
        for (int j = 0; j < hint.length(); j++) {
            if (lower(chars[begin + j]) != hint.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** Lower case char by char, as a caseless keyword automaton reads its text. */
    private static char lower(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(c);
    }

    /** "backward compatible", "backwards-compatible": the word that follows makes it a promise, not a hint. */
    private static boolean saysCompatible(String text, int wordEnd) {
        return wordEnd < text.length()
                && (text.charAt(wordEnd) == ' ' || text.charAt(wordEnd) == '-')
                && text.regionMatches(true, wordEnd + 1, "compatib", 0, "compatib".length());
    }

    /** Keeps {@code decoded} as found at {@code [start, end)} if it reads as text, cut to {@link #MAX_DECODED}. */
    static void add(List<Decoded> found, int start, int end, String encoding, String decoded) {
        if (decoded == null) {
            return;
        }
        String text = halfwidth(decoded);
        if (!text.isBlank() && printable(text)) {
            found.add(new Decoded(
                    start, end, encoding, text.length() > MAX_DECODED ? text.substring(0, MAX_DECODED) : text));
        }
    }

    /**
     * The text with each fullwidth letter and digit ("Ｉｇｎ") written as its ASCII one. Written plainly they are
     * folded before the text is read; behind an escape ("\\uff29", "U+FF29", "&amp;#xff29;") they were read as
     * they stand, and passed. Fullwidth punctuation, which Chinese and Japanese text writes as its own, is left.
     */
    private static String halfwidth(String decoded) {
        char[] chars = null;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            boolean wide =
                    c >= '\uFF10' && c <= '\uFF19' || c >= '\uFF21' && c <= '\uFF3A' || c >= '\uFF41' && c <= '\uFF5A';
            if (wide) {
                chars = chars == null ? decoded.toCharArray() : chars;
                chars[i] = (char) (c - FULLWIDTH_OFFSET);
            }
        }
        return chars == null ? decoded : new String(chars);
    }

    /** How far the fullwidth forms of ASCII stand from ASCII. */
    private static final int FULLWIDTH_OFFSET = 0xFEE0;

    /** Base64 and hex runs: maximal runs of their alphabets, long enough to carry a sentence. */
    private static void findRuns(String text, List<Decoded> found) {
        int i = 0;
        int length = text.length();
        while (i < length) {
            i = AsciiRuns.nextBase64Run(text, i, MIN_RUN);
            if (i < 0) {
                return;
            }
            if (!isBase64(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            i = AsciiRuns.base64RunEnd(text, i);
            int end = AsciiRuns.base64PaddingEnd(text, i);
            int run = i - start;
            boolean lower = false;
            boolean upper = false;
            boolean hexOnly = true;
            for (int j = start; j < i; j++) {
                char c = text.charAt(j);
                lower |= c >= 'a' && c <= 'z';
                upper |= c >= 'A' && c <= 'Z';
                hexOnly &= Character.digit(c, 16) >= 0;
            }
            if (!hexOnly && run > MIN_HEX && text.startsWith("0x", start) && isHex(text, start + 2, i)) {
                // 0x-prefixed hex: the prefix is no digit of the payload.
                start += 2;
                run -= 2;
                hexOnly = true;
            }
            if (hexOnly && run >= MIN_HEX && run % 2 == 0) {
                add(found, start, end, "hex", hex(text.substring(start, i)));
            } else if (run >= MIN_BASE64 && lower && upper) {
                add(found, start, end, "base64", base64(text.substring(start, end)));
            } else if (run >= MIN_BASE32 && upper && !lower) {
                add(found, start, end, "base32", base32(text, start, i));
            }
            i = end;
        }
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    }

    private static String base64(String run) {
        String padded = run.replace('-', '+').replace('_', '/').replace("=", "");
        if (padded.length() % 4 == 1) {
            padded = padded.substring(0, padded.length() - 1);
        }
        try {
            return utf8(Base64.getDecoder().decode(padded));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** RFC 4648 base32 (A–Z, 2–7); null when the run holds any other character. */
    private static String base32(String text, int from, int to) {
        byte[] bytes = new byte[(to - from) * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            int value = c >= 'A' && c <= 'Z' ? c - 'A' : c >= '2' && c <= '7' ? c - '2' + 26 : -1;
            if (value < 0) {
                return null;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                bytes[n++] = (byte) (buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }
        return utf8(java.util.Arrays.copyOf(bytes, n));
    }

    private static String hex(String run) {
        byte[] bytes = new byte[run.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(run, 2 * i, 2 * i + 2, 16);
        }
        return utf8(bytes);
    }

    /**
     * The bytes as UTF-8, or null where they are not. Decoded into a buffer, not by the decoder's convenience
     * method: most runs that look encoded in honest text (ids, hashes) decode to bytes that are no UTF-8, and the
     * exception that method throws for each, its stack trace filled in, was a per cent of a scan.
     */
    static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // UTF-8 never decodes to more chars than it has bytes.
        CharBuffer chars = CharBuffer.allocate(bytes.length);
        if (!decoder.decode(ByteBuffer.wrap(bytes), chars, true).isUnderflow()
                || !decoder.flush(chars).isUnderflow()) {
            return null;
        }
        return chars.flip().toString();
    }

    private static String htmlEntities(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            // An entity's ";" is within ten characters: a search to the text's end for each "&" was quadratic.
            int semicolon = c == '&' ? charWithin(text, ';', i + 2, Math.min(text.length(), i + 11)) : -1;
            if (semicolon > i + 1) {
                String entity = text.substring(i + 1, semicolon);
                String decoded = entity.startsWith("#") ? codePoint(entity.substring(1)) : NAMED_ENTITIES.get(entity);
                if (decoded != null) {
                    out.append(decoded);
                    i = semicolon + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The first {@code c} in {@code [from, to)}, or -1. */
    private static int charWithin(String text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static String codePoint(String number) {
        try {
            int cp = number.startsWith("x") || number.startsWith("X")
                    ? Integer.parseInt(number.substring(1), 16)
                    : Integer.parseInt(number);
            return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Backslash escapes (u plus four hex digits, U plus eight, x plus two, u plus braces) written as text. */
    private static String escapes(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char kind = text.charAt(i + 1);
                int digits = kind == 'u' ? 4 : kind == 'U' ? 8 : kind == 'x' ? 2 : 0;
                int from = i + 2;
                boolean braced = kind == 'u' && from < text.length() && text.charAt(from) == '{';
                if (braced) {
                    // Six hex digits at most: the "}" is looked for that far, not to the text's end for each "\\u{".
                    int close = charWithin(text, '}', from + 2, Math.min(text.length(), from + 8));
                    digits = close > from + 1 ? close - from - 1 : 0;
                    from++;
                }
                if (isOctal(text, i + 1)) {
                    // "\151\147\156": C's octal escapes, three digits each.
                    out.append((char) Integer.parseInt(text, i + 1, i + 4, 8));
                    i += 4;
                    continue;
                }
                if (digits > 0 && from + digits <= text.length()) {
                    String decoded = codePoint("x" + text.substring(from, from + digits));
                    if (decoded != null) {
                        out.append(decoded);
                        i = from + digits + (braced ? 1 : 0);
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean isOctal(String text, int from) {
        return from + 3 <= text.length()
                && text.charAt(from) >= '0'
                && text.charAt(from) <= '3'
                && text.charAt(from + 1) >= '0'
                && text.charAt(from + 1) <= '7'
                && text.charAt(from + 2) >= '0'
                && text.charAt(from + 2) <= '7';
    }

    private static String percent(String text) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 5 < text.length() && (text.charAt(i + 1) | 0x20) == 'u' && isHex(text, i + 2, i + 6)) {
                // "%u0069": the old escape() form, one UTF-16 unit each.
                byte[] encoded = String.valueOf((char) Integer.parseInt(text, i + 2, i + 6, 16))
                        .getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += 5;
            } else if (c == '%'
                    && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(text, i + 1, i + 3, 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return utf8(bytes.toByteArray());
    }

    /** Mostly letters and spaces: a sentence someone meant to be read, not a digest. */
    private static boolean printable(String decoded) {
        int letters = 0;
        int spaces = 0;
        int control = 0;
        boolean otherScript = false;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                otherScript |= c > 0x2E80;
            } else if (c == ' ') {
                spaces++;
            } else if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                control++;
            }
        }
        return control == 0
                && letters * 10 >= decoded.length() * 6
                && (spaces > 0 || otherScript || decoded.length() < 24);
    }

    /** How many backslash-U escapes of eight hex digits the text holds, up to as many as {@link #count} counts. */
    private static int longEscapes(String text) {
        int total = 0;
        for (int at = text.indexOf("\\U"); at >= 0 && total < 64; at = text.indexOf("\\U", at + 2)) {
            total += at + 10 <= text.length() && isHex(text, at + 2, at + 10) ? 1 : 0;
        }
        return total;
    }

    private static int count(String text, String... needles) {
        int total = 0;
        for (String needle : needles) {
            int from = text.indexOf(needle);
            while (from >= 0 && total < 64) {
                total++;
                from = text.indexOf(needle, from + needle.length());
            }
        }
        return total;
    }
}
