package dev.vouch.scanner.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CharTablesTest {

    @Test
    void answersTheQuestionForEachAsciiCharacter() {
        boolean[] digits = CharTables.ascii(Character::isDigit);

        assertThat(digits).hasSize(0x80);
        for (char c = 0; c < 0x80; c++) {
            assertThat(digits[c]).as("char %d", (int) c).isEqualTo(c >= '0' && c <= '9');
        }
    }

    @Test
    void answersTheQuestionForEachCharacterBeyondAscii() {
        long[] greek = CharTables.wide(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.GREEK);

        for (int c = 0x80; c < 0x10000; c++) {
            assertThat(CharTables.has(greek, (char) c))
                    .as("char %d", c)
                    .isEqualTo(Character.UnicodeScript.of(c) == Character.UnicodeScript.GREEK);
        }
    }

    @Test
    void answersWhetherACharacterIsALetterOrDigitAsCharacterDoes() {
        for (int c = 0; c < 0x10000; c++) {
            char ch = (char) c;
            assertThat(CharTables.isLetter(ch)).as("char %d", c).isEqualTo(Character.isLetter(ch));
            assertThat(CharTables.isLetterOrDigit(ch)).as("char %d", c).isEqualTo(Character.isLetterOrDigit(ch));
        }
    }
}
