package dev.vouch.scanner.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AsciiRunsTest {

    private static final boolean[] HEX = alphabet("0123456789abcdef");

    @Test
    void findsTheFirstPlaceWhereARunLongEnoughStarts() {
        String text = "see cafe 1234 deadbeef00 end";
        assertThat(AsciiRuns.nextStart(text, 0, 10, HEX)).isEqualTo(text.indexOf("deadbeef00"));
        assertThat(AsciiRuns.nextStart(text, 0, 4, HEX)).isEqualTo(text.indexOf("cafe"));
    }

    @Test
    void answersNoneWhenNoRunIsLongEnoughOrTheTextEndsFirst() {
        assertThat(AsciiRuns.nextStart("cafe babe", 0, 5, HEX)).isEqualTo(-1);
        assertThat(AsciiRuns.nextStart("deadbeef", 2, 7, HEX)).isEqualTo(-1);
        assertThat(AsciiRuns.nextStart("", 0, 1, HEX)).isEqualTo(-1);
    }

    @Test
    void readsCharactersBeyondItsAlphabetAsOutsideIt() {
        assertThat(AsciiRuns.nextStart("ab\u00e9cdef01", 0, 4, HEX)).isEqualTo(3);
    }

    @Test
    void aBase64RunIsReadInEitherAlphabetButNotPastItsPaddingOrProse() {
        String text = "token: aGVsbG8td29ybGQ_Zm9v+YmFy== then words";
        int start = text.indexOf("aGVs");

        assertThat(AsciiRuns.nextBase64Run(text, 0, 16)).isEqualTo(start);
        assertThat(AsciiRuns.base64RunEnd(text, start)).isEqualTo(text.indexOf("=="));
        assertThat(AsciiRuns.nextBase64Run("short words only, nothing long", 0, 16))
                .isEqualTo(-1);
    }

    @Test
    void aBase64RunsPaddingIsAtMostTwoEqualsSigns() {
        String text = "aGk=== rest";

        assertThat(AsciiRuns.base64PaddingEnd(text, 3)).isEqualTo(5);
        assertThat(AsciiRuns.base64PaddingEnd("aGk rest", 3)).isEqualTo(3);
        assertThat(AsciiRuns.base64PaddingEnd("aGk", 3)).isEqualTo(3);
    }

    private static boolean[] alphabet(String chars) {
        boolean[] alphabet = new boolean[0x80];
        chars.chars().forEach(c -> alphabet[c] = true);
        return alphabet;
    }
}
