package dev.vouch.scanner.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AsciiTableTest {

    @Test
    void answersTheQuestionForEachAsciiCharacter() {
        boolean[] digits = AsciiTable.of(Character::isDigit);

        assertThat(digits).hasSize(0x80);
        for (char c = 0; c < 0x80; c++) {
            assertThat(digits[c]).as("char %d", (int) c).isEqualTo(c >= '0' && c <= '9');
        }
    }
}
