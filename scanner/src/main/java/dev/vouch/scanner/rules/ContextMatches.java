package dev.vouch.scanner.rules;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Whether a rule's context words ({@code requires}) match near its candidates in one text.
 *
 * <p>The first {@link #WINDOWED} candidates of a text are each answered by a search of the characters around
 * them, all an ordinary text ever asks. Past them the text is searched once, from left to right as far as the
 * candidates ask, and the matches remembered: searched afresh for each candidate, a field dense with candidates
 * whose context fails (a megabyte of {@code <IMPORTANT>} took six seconds) paid a window of regular-expression work
 * tens of thousands of times. A search of the whole text finds its matches apart, so one may hide another that a
 * window finds ("next response" inside "your next response"): where a match runs into the window from before it,
 * or out of it past its end, the window is searched as before. The answers that differ are where a window's edge
 * makes or unmakes a word's boundary: "must" cut from "mustard" is no context word past the first candidates, as it
 * never should have been, and "./x" after a letter ("a./x") is read with the letter before it. The searches of
 * the whole text read at most {@link #READS_PER_CHARACTER} times the text; a pattern that would read more (one
 * whose preferred branch reads on from every match to the text's end) has its windows searched instead.
 */
final class ContextMatches {

    /** How many candidates of a pattern are answered by a search of their own window. */
    static final int WINDOWED = 8;

    /** What the searches of the whole text for one pattern may read, in characters of the text. */
    static final int READS_PER_CHARACTER = 8;

    private final String text;
    private final TextSlice.Reads windowReads = new TextSlice.Reads();
    private Map<Pattern, Found> byPattern;

    ContextMatches(String text) {
        this.text = text;
    }

    /** Whether {@code pattern} matches inside {@code [from, to)}, clamped to the text. */
    boolean within(Pattern pattern, int from, int to) {
        int start = Math.max(0, from);
        int end = Math.min(text.length(), to);
        if (start > end) {
            return false;
        }
        if (byPattern == null) {
            byPattern = new IdentityHashMap<>(4);
        }
        Found found = byPattern.computeIfAbsent(pattern, Found::new);
        if (found.asked++ < WINDOWED) {
            return inWindow(pattern, start, end);
        }
        return switch (found.within(start, end)) {
            case YES -> true;
            case NO -> false;
            case SEARCH_THE_WINDOW -> inWindow(pattern, start, end);
        };
    }

    /** The characters the searches have read, for the tests that hold them to a few times the text. */
    long charactersRead() {
        long read = windowReads.count;
        if (byPattern != null) {
            for (Found found : byPattern.values()) {
                read += found.reads.count;
            }
        }
        return read;
    }

    private boolean inWindow(Pattern pattern, int start, int end) {
        return pattern.matcher(new TextSlice(text, start, end, windowReads)).find();
    }

    private enum Answer {
        YES,
        NO,
        SEARCH_THE_WINDOW
    }

    /** The matches of one pattern in the whole text, apart and in order, known up to the first past what was asked. */
    private final class Found {
        private final Pattern pattern;
        private final TextSlice.Reads reads = new TextSlice.Reads();
        private int asked;
        private Matcher matcher;
        private int[] starts = new int[4];
        private int[] ends = new int[4];
        private int count;
        private int searchFrom;
        private boolean exhausted;

        Found(Pattern pattern) {
            this.pattern = pattern;
        }

        Answer within(int from, int to) {
            while (!exhausted && (count == 0 || starts[count - 1] < to) && !overBudget()) {
                findNext();
            }
            boolean known = exhausted || count > 0 && starts[count - 1] > to;
            // Apart and in order, the matches' ends rise with their starts: the first to start in the window ends
            // first.
            int first = firstStartingAtOrAfter(from);
            boolean startsInside = first < count && starts[first] <= to;
            boolean runsIn = first > 0 && ends[first - 1] >= from;
            if (runsIn || startsInside && ends[first] > to || !startsInside && !known) {
                return Answer.SEARCH_THE_WINDOW;
            }
            return startsInside ? Answer.YES : Answer.NO;
        }

        private boolean overBudget() {
            return reads.count > (long) READS_PER_CHARACTER * text.length();
        }

        private void findNext() {
            if (matcher == null) {
                matcher = pattern.matcher(new TextSlice(text, 0, text.length(), reads));
            }
            if (searchFrom > text.length() || !matcher.find(searchFrom)) {
                exhausted = true;
                return;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = matcher.start();
            ends[count] = matcher.end();
            count++;
            searchFrom = matcher.end() > matcher.start() ? matcher.end() : matcher.start() + 1;
        }

        /** The matches start apart, each after the last: the one at {@code from} or where it would stand. */
        private int firstStartingAtOrAfter(int from) {
            int at = Arrays.binarySearch(starts, 0, count, from);
            return at >= 0 ? at : -at - 1;
        }
    }
}
