package dev.vouch.scanner.rules;

import com.google.re2j.Matcher;

/**
 * The matches of a pattern with {@link OpeningWords} in one window of a text, in order, as RE2/J's search
 * over the window finds them: RE2/J anchored at each place an opening word occurs.
 *
 * <p>Each anchored run reads only what a match there could take, a few words on ordinary text. Text made
 * to defeat that (one long word holding an opening word every few characters, where {@code exfiltrat\w*}
 * runs to the word's end from each) would cost the window's length at each place; the runs are held to
 * a budget of about twice the window's length in character reads (RE2/J reads a character about three
 * times, and the run under way when the budget is spent finishes), and past that the window is searched
 * as it was before, one pass of RE2/J's automaton. Matching stays linear in the window, and the matches are the same either way.
 */
public final class WindowSearch {

    /** Characters the anchored runs may read, per character of the window, before the search takes over. */
    private static final int READS_PER_CHAR = 2;

    private static final int MIN_READS = 1_024;

    private final OpeningWords opening;
    private final String text;
    private final int windowStart;
    private final int windowEnd;
    private final TextSlice.Reads reads = new TextSlice.Reads();
    private final long budget;
    /** RE2/J's search over the window, once the anchored runs have spent their budget. */
    private Matcher search;

    WindowSearch(OpeningWords opening, String text, int windowStart, int windowEnd) {
        this.opening = opening;
        this.text = text;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.budget = (long) READS_PER_CHAR * (windowEnd - windowStart) + MIN_READS;
    }

    /** The first match that starts at or after {@code from}, as {start, end} in the text; null when none does. */
    public int[] next(int from) {
        int start = from;
        while (search == null && (start = opening.next(text, start, windowStart, windowEnd)) >= 0) {
            if (reads.count > budget) {
                search = opening.regex().matcher(text.substring(windowStart, windowEnd));
                break;
            }
            int[] match = opening.matchAt(reads, text, start, windowStart, windowEnd);
            if (match != null) {
                return match;
            }
            start++;
        }
        if (search == null) {
            return null;
        }
        // No match starts before this place: the search from here finds the first one after it.
        if (start > windowEnd || !search.find(start - windowStart)) {
            return null;
        }
        return new int[] {windowStart + search.start(), windowStart + search.end()};
    }

    /** What the anchored runs have read so far (for tests of the budget). */
    long reads() {
        return reads.count;
    }
}
