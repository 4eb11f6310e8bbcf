package dev.vouch.scanner.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

class ContextMatchesTest {

    private static final Pattern MUST = Pattern.compile("\\b(must|do not)\\b");

    @Test
    void aContextWordCountsInsideTheCharactersAsked() {
        String text = "<important> you must read this";
        for (int asked : new int[] {0, ContextMatches.WINDOWED}) {
            ContextMatches context = askedBefore(text, asked);

            assertThat(context.within(MUST, -200, 40)).isTrue();
            assertThat(context.within(MUST, 16, 20)).isTrue();
            assertThat(context.within(MUST, 17, 40)).isFalse();
            assertThat(context.within(MUST, 0, 19)).isFalse();
            assertThat(context.within(MUST, 21, 400)).isFalse();
        }
    }

    @Test
    void pastTheFirstCandidatesAWordTheWindowCutsFromALongerOneIsNoContextWord() {
        String text = "pass the admust and mustard <important>";
        ContextMatches context = askedBefore(text, ContextMatches.WINDOWED);

        assertThat(context.within(MUST, 11, text.length())).isFalse();
        assertThat(context.within(MUST, 0, 24)).isFalse();
    }

    @Test
    void pastTheFirstCandidatesQuestionsInAnyOrderAgreeWithTheText() {
        String text = "do not x ".repeat(50) + "y ".repeat(500) + "must";
        ContextMatches context = askedBefore(text, ContextMatches.WINDOWED);

        assertThat(context.within(MUST, text.length() - 10, text.length())).isTrue();
        assertThat(context.within(MUST, 450, text.length() - 10)).isFalse();
        assertThat(context.within(MUST, 9, 15)).isTrue();
        assertThat(context.within(MUST, 10, 16)).isFalse();
    }

    @Test
    void aTextDenseWithCandidatesIsReadAFewTimesAtMost() {
        // A megabyte of "<IMPORTANT>" without a context word, asked about candidate by candidate for a window of 400
        // characters each, was some hundred reads of each character: six seconds of regular-expression work in one
        // publish. Past the first candidates the text is searched once.
        String unit = "<IMPORTANT> ";
        String text = unit.repeat(10_000);
        ContextMatches context = new ContextMatches(text);

        for (int candidate = 0; candidate < text.length(); candidate += unit.length()) {
            assertThat(context.within(MUST, candidate - 200, candidate + 211)).isFalse();
        }

        assertThat(context.charactersRead()).isLessThanOrEqualTo(4L * text.length());
    }

    @Test
    void aMatchRunningIntoTheWindowHidesNoneTheWindowHolds() {
        // The whole text's search finds "your next response" from before the window; the window holds "next
        // response", which the window's own search finds.
        Pattern next = Pattern.compile("\\b(your\\s+next\\s+response|next\\s+response)\\b");
        String text = "x".repeat(100) + " your next response and more";
        ContextMatches context = askedBefore(text, ContextMatches.WINDOWED, next);

        assertThat(context.within(next, 106, text.length())).isTrue();
    }

    @Test
    void aMatchThatEatsTheBreakBeforeTheNextHidesNoneTheWindowHolds() {
        // "(^|[^a-z])send([^a-z]|$)": the first "send " takes the space the second would start with.
        Pattern send = Pattern.compile("(^|[^a-z])send([^a-z]|$)");
        String text = "please send send it";
        ContextMatches context = askedBefore(text, ContextMatches.WINDOWED, send);

        assertThat(context.within(send, 12, text.length())).isTrue();
    }

    @Test
    void aPatternThatReadsOnToTheEndFromEveryMatchHasItsWindowsSearched() {
        // Each search from a "send" reads on to the text's end for an "external" that never comes: searched once a
        // match, a text of "send"s would be read once for each of them.
        Pattern reader = Pattern.compile("\\bsend\\b[^.]*\\bexternal\\b|\\bsend\\b");
        String text = "send ".repeat(20_000);
        ContextMatches context = new ContextMatches(text);

        for (int candidate = 0; candidate < text.length(); candidate += 50) {
            assertThat(context.within(reader, candidate - 40, candidate + 40)).isTrue();
        }

        assertThat(context.charactersRead())
                .isLessThanOrEqualTo((long) (ContextMatches.READS_PER_CHARACTER + 20) * text.length());
    }

    /** A context for {@code text} whose {@link ContextMatches#within} has been asked {@code asked} times already. */
    private static ContextMatches askedBefore(String text, int asked) {
        return askedBefore(text, asked, MUST);
    }

    private static ContextMatches askedBefore(String text, int asked, Pattern pattern) {
        ContextMatches context = new ContextMatches(text);
        for (int i = 0; i < asked; i++) {
            context.within(pattern, 0, 0);
        }
        return context;
    }
}
