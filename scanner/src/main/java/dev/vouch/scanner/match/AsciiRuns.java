package dev.vouch.scanner.match;

/**
 * Where a run of characters of a small ASCII alphabet (base64, hex) can start. Prose holds such
 * characters but seldom many in a row: reading back from the end of a window as long as the shortest
 * run worth reporting finds the last character outside the alphabet, no such run starts at or before
 * it, and the search goes on after it, so most of a text's characters are never read.
 */
public final class AsciiRuns {

    private AsciiRuns() {}

    /**
     * The characters of base64 in either of its alphabets, standard ({@code +/}) and URL-safe ({@code -_}): kept here
     * and read through the methods below, so no caller can change what a run is.
     */
    private static final boolean[] BASE64_EITHER_ALPHABET = CharTables.ascii(c -> c >= 'A' && c <= 'Z'
            || c >= 'a' && c <= 'z'
            || c >= '0' && c <= '9'
            || c == '+'
            || c == '/'
            || c == '-'
            || c == '_');

    /** The first index at or after {@code from} where {@code minRun} characters of base64 (either alphabet) begin, or -1. */
    public static int nextBase64Run(String text, int from, int minRun) {
        return nextStart(text, from, minRun, BASE64_EITHER_ALPHABET);
    }

    /** Where the run of base64 characters (either alphabet) that starts at {@code from} ends. */
    public static int base64RunEnd(String text, int from) {
        int end = from;
        while (end < text.length() && inAlphabet(text.charAt(end), BASE64_EITHER_ALPHABET)) {
            end++;
        }
        return end;
    }

    /** Where the padding after a base64 run that ends at {@code runEnd} ends: at most two {@code =}. */
    public static int base64PaddingEnd(String text, int runEnd) {
        int end = runEnd;
        while (end < text.length() && end - runEnd < 2 && text.charAt(end) == '=') {
            end++;
        }
        return end;
    }

    /**
     * The first index at or after {@code from} whose next {@code minRun} chars all lie in {@code alphabet}
     * (indexed by ASCII code), or -1 if there is none.
     */
    public static int nextStart(String text, int from, int minRun, boolean[] alphabet) {
        int start = from;
        while (start + minRun <= text.length()) {
            int gap = start + minRun - 1;
            while (gap >= start && inAlphabet(text.charAt(gap), alphabet)) {
                gap--;
            }
            if (gap < start) {
                return start;
            }
            start = gap + 1;
        }
        return -1;
    }

    private static boolean inAlphabet(char c, boolean[] alphabet) {
        return c < alphabet.length && alphabet[c];
    }
}
