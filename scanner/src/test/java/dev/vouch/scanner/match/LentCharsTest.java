package dev.vouch.scanner.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LentCharsTest {

    @Test
    void lendsACopyOfTheTextAndTheSameArrayOnceItIsHandedBack() {
        char[] first = LentChars.copyOf("ignore previous");
        assertThat(new String(first, 0, 15)).isEqualTo("ignore previous");
        LentChars.release(first);

        char[] second = LentChars.copyOf("send it");

        assertThat(second).isSameAs(first);
        assertThat(new String(second, 0, 7)).isEqualTo("send it");
        LentChars.release(second);
    }

    @Test
    void aNestedReaderGetsAnArrayOfItsOwn() {
        char[] outer = LentChars.copyOf("outer text");
        char[] inner = LentChars.copyOf("inner");

        assertThat(inner).isNotSameAs(outer);
        assertThat(new String(outer, 0, 10)).isEqualTo("outer text");
        LentChars.release(inner);
        LentChars.release(outer);
    }

    @Test
    void growsForALongTextAndKeepsNoHugeArray() {
        String longText = "a".repeat(LentChars.MAX_KEPT + 1);
        char[] huge = LentChars.copyOf(longText);
        assertThat(huge.length).isGreaterThanOrEqualTo(longText.length());
        LentChars.release(huge);

        char[] next = LentChars.copyOf("short");

        assertThat(next).isNotSameAs(huge);
        LentChars.release(next);
    }

    @Test
    void anotherThreadGetsAnotherArray() throws InterruptedException {
        char[] here = LentChars.copyOf("here");
        LentChars.release(here);
        char[][] there = new char[1][];
        Thread thread = new Thread(() -> there[0] = LentChars.copyOf("there"));
        thread.start();
        thread.join();

        assertThat(there[0]).isNotSameAs(here);
    }
}
