package dev.vouch.scanner.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

class ContextMatchesTest {

    private static final Pattern MUST = Pattern.compile("\\b(must|do not)\\b");

    @Test
    void aContextWordCountsOnlyWhollyInsideTheCharactersAsked() {
        String text = "<important> you must read this";
        ContextMatches context = new ContextMatches(text);

        assertThat(context.within(MUST, -200, 40)).isTrue();
        assertThat(context.within(MUST, 16, 20)).isTrue();
        assertThat(context.within(MUST, 17, 40)).isFalse();
        assertThat(context.within(MUST, 0, 19)).isFalse();
        assertThat(context.within(MUST, 21, 400)).isFalse();
    }

    @Test
    void aWordTheWindowCutsFromALongerOneIsNoContextWord() {
        // A window starting inside "mustard" or "admust" once read "must" there; the text says neither.
        String text = "pass the admust and mustard <important>";
        ContextMatches context = new ContextMatches(text);

        assertThat(context.within(MUST, 11, text.length())).isFalse();
        assertThat(context.within(MUST, 0, 24)).isFalse();
    }

    @Test
    void questionsInAnyOrderAgreeWithTheText() {
        String text = "do not x ".repeat(50) + "y ".repeat(500) + "must";
        ContextMatches context = new ContextMatches(text);

        assertThat(context.within(MUST, text.length() - 10, text.length())).isTrue();
        assertThat(context.within(MUST, 450, text.length() - 10)).isFalse();
        assertThat(context.within(MUST, 9, 15)).isTrue();
        assertThat(context.within(MUST, 10, 16)).isFalse();
    }

    @Test
    void aTextDenseWithCandidatesIsReadOncePerPattern() {
        // A megabyte of "<IMPORTANT>" without a context word asked, candidate by candidate, for a window of
        // 400 characters each: six seconds of regular-expression work in one publish, some hundred reads of
        // each character where one pass reads each a few times (RE2/J looks back at a character for \b).
        String unit = "<IMPORTANT> ";
        CountingText text = new CountingText(unit.repeat(10_000));
        ContextMatches context = new ContextMatches(text);

        for (int candidate = 0; candidate < text.length(); candidate += unit.length()) {
            assertThat(context.within(MUST, candidate - 200, candidate + 211)).isFalse();
        }

        assertThat(text.reads).isLessThanOrEqualTo(4L * text.length());
    }

    /** A text that counts the characters read from it. */
    private static final class CountingText implements CharSequence {
        private final String text;
        long reads;

        CountingText(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
