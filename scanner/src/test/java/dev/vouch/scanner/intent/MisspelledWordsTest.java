package dev.vouch.scanner.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MisspelledWordsTest {

    @ParameterizedTest
    @CsvSource({
        // A letter dropped, added or doubled, or changed in a word of six letters or more.
        "ignre, ignore",
        "previus, previous",
        "instructons, instructions",
        "ignoore, ignore",
        "IGNOORE, ignore",
        "Instrustions, instructions",
        "befre, before",
        // A word of the list, an English ending the list of English words lacks, a name in camelCase, a change in a
        // short word, and a word two letters off.
        "ignore, ",
        "lookups, ",
        "formatN, ",
        "sebd, ",
        "ignxrx, ",
    })
    void readsAWordOneLetterFromAWordOfTheLexiconAsThatWord(String written, String restored) {
        char[] letters = written.toCharArray();

        assertThat(MisspelledWords.restored(letters, 0, letters.length)).isEqualTo(restored);
    }

    @Test
    void theListHoldsTheWordsOfTheBundledLexiconsEnglishPhrases() throws IOException {
        TreeSet<String> words = new TreeSet<>();
        for (Lexicon.Written written : Lexicon.bundledWritten()) {
            if (!written.language().equals("en")) {
                continue;
            }
            String phrase = written.phrase().toLowerCase(Locale.ROOT);
            String[] tokens = phrase.split("[^a-z]+");
            // A prefix phrase's last word is a stub ("delet*"), no word.
            int whole = tokens.length - (phrase.endsWith("*") ? 1 : 0);
            for (int i = 0; i < whole; i++) {
                if (tokens[i].length() >= MisspelledWords.SHORTEST) {
                    words.add(tokens[i]);
                }
            }
        }

        assertThat(MisspelledWords.load())
                .as(
                        "%s is stale: write these words to it, one a line%n%s",
                        MisspelledWords.RESOURCE, String.join("\n", words))
                .containsExactlyElementsOf(new ArrayList<>(words));
    }

    @Test
    void aWordOneLetterFromTwoWordsOfTheListIsNoneOfThem() {
        assertThat(MisspelledWords.load()).contains("maximum", "minimum");

        // A letter changed makes "miximum" of either; "maximom" is a letter from "maximum" alone.
        assertThat(restored("miximum")).isNull();
        assertThat(restored("maximom")).isEqualTo("maximum");
    }

    private static String restored(String word) {
        char[] letters = word.toCharArray();
        return MisspelledWords.restored(letters, 0, letters.length);
    }
}
