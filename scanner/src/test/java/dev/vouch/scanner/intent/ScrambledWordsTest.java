package dev.vouch.scanner.intent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.scanner.intent.ScrambledWords.Reading;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScrambledWordsTest {

    @ParameterizedTest
    @CsvSource({
        "ignroe, SCRAMBLED, ignore",
        "isntructions, SCRAMBLED, instructions",
        "Prveious, SCRAMBLED, previous",
        "sned, SCRAMBLED, send",
        "ignore, LISTED, ",
        "Instructions, LISTED, ",
        // "form" and "from", "trial" and "trail" share their first and last letters and the letters between: neither is
        // restored.
        "form, LISTED, ",
        "tiral, LISTED, ",
        // Too short to shuffle, or longer than any word looked up.
        "the, LISTED, ",
        "abcdefghijklmnopqrstuvwxyz, LISTED, ",
        "kubectl, UNKNOWN, ",
    })
    void readsAWordAsListedShuffledOrUnknown(String word, Reading reading, String restored) {
        char[] letters = word.toCharArray();

        assertThat(ScrambledWords.reading(letters, 0, letters.length)).isEqualTo(reading);
        assertThat(ScrambledWords.restored(letters, 0, letters.length)).isEqualTo(restored);
    }

    @ParameterizedTest
    @CsvSource({"to, true", "The, true", "all, true", "a, true", "xq, false", "qzx, false", "ptr, false"})
    void tellsAShortWordOfTheListFromLettersThatAreNone(String word, boolean listed) {
        char[] letters = word.toCharArray();

        assertThat(ScrambledWords.isShortListed(letters, 0, letters.length))
                .isEqualTo(listed)
                .isEqualTo(letters.length < 2 || WordBreaks.isListed(letters, 0, letters.length, '\0'));
    }
}
