package dev.vouch.scanner.rules;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where a rule's context patterns ({@code requires}, {@code unless}, {@code unlessAfter}) match in one
 * text, found once from left to right and only as far as the rule's candidates ask.
 *
 * <p>Searching the characters around each candidate afresh cost a window of regular-expression work per
 * candidate, and a field dense with candidates whose context fails (a megabyte of {@code <IMPORTANT>}
 * took six seconds) paid it tens of thousands of times. Found once, a text costs one pass per pattern
 * however many candidates it holds. Matches are found without overlapping, as a search of the whole text
 * finds them, so a context word counts where it stands in the text, not where a window happens to cut it.
 */
final class ContextMatches {

    private final CharSequence text;
    private Map<Pattern, Found> byPattern;

    ContextMatches(CharSequence text) {
        this.text = text;
    }

    /** Whether {@code pattern} matches wholly inside {@code [from, to)}, clamped to the text. */
    boolean within(Pattern pattern, int from, int to) {
        int start = Math.max(0, from);
        int end = Math.min(text.length(), to);
        if (start > end) {
            return false;
        }
        if (byPattern == null) {
            byPattern = new IdentityHashMap<>(4);
        }
        return byPattern
                .computeIfAbsent(pattern, p -> new Found(p.matcher(text), text.length()))
                .within(start, end);
    }

    /** The matches of one pattern, in order, known up to the first that starts at or past what was asked. */
    private static final class Found {
        private final Matcher matcher;
        private final int length;
        private int[] starts = new int[4];
        private int[] ends = new int[4];
        private int count;
        private int searchFrom;
        private boolean exhausted;

        Found(Matcher matcher, int length) {
            this.matcher = matcher;
            this.length = length;
        }

        boolean within(int from, int to) {
            while (!exhausted && (count == 0 || starts[count - 1] < to)) {
                findNext();
            }
            int first = firstStartingAtOrAfter(from);
            return first < count && starts[first] <= to && ends[first] <= to;
        }

        private void findNext() {
            if (searchFrom > length || !matcher.find(searchFrom)) {
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

        /** Matches are disjoint and in order, so their ends rise with their starts. */
        private int firstStartingAtOrAfter(int from) {
            int low = 0;
            int high = count;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (starts[middle] < from) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }
}
