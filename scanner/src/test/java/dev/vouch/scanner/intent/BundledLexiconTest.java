package dev.vouch.scanner.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the bundled lexicon must not hold, whatever a lexicon edit adds. */
class BundledLexiconTest {

    /**
     * Words of other languages that are also English words, kept on purpose: each is a word its language cannot do
     * without for its cue, and the English word is rare in tool descriptions, or rare where the cue counts.
     */
    private static final Map<String, String> SHARED_ON_PURPOSE = Map.ofEntries(
            Map.entry("de die", "the article that opens most German descriptions; English opens none with 'die'"),
            Map.entry("de den", "a German article; 'den' opens no English description"),
            Map.entry("de muss", "German 'must'; English 'muss' is all but unused"),
            Map.entry("de sag", "German 'say!'; English 'sag' is rare in tool text"),
            Map.entry("de lass", "German 'let'; English 'lass' is rare in tool text"),
            Map.entry("sv säg", "Swedish 'say!', folded as 'sag'"),
            Map.entry("sv före", "Swedish 'before', folded as 'fore'"),
            Map.entry("sv sedan", "Swedish 'then'; the English car is rare in tool text"),
            Map.entry("es valor", "Spanish and Portuguese 'value'"),
            Map.entry("pt valor", "Spanish and Portuguese 'value'"),
            Map.entry("es genera", "Spanish and Italian 'generates'; the English plural of genus is rare"),
            Map.entry("it genera", "Spanish and Italian 'generates'; the English plural of genus is rare"),
            Map.entry("fr champ", "French 'field'"),
            Map.entry("fr infraction", "the same meaning in English"),
            Map.entry("fr domicile", "the same meaning in English"));

    /**
     * A single word of another language's list that is a common English word (SCOWL's tiers 10 to 35) gives English
     * text that cue wherever it holds the word: German "lies" ("read!") made "the file lies in" an imperative, and
     * French "modifier" made every keyboard modifier a tampering. Labels ending in a colon are left out: English text
     * does not write "not:" where Turkish writes its "Not:". So is {@code tell}, which gives no cue of its own: it is
     * read only where a German, Dutch or Scandinavian negation closes the clause ("Visa det inte"). A phrase written
     * with slots is read as each phrase it stands for.
     */
    @Test
    void noOtherLanguageGivesACommonEnglishWordACueEnglishDoesNotGiveIt() throws IOException {
        Set<String> common = new HashSet<>(WordBreaks.wordsOf(Set.of("10", "20", "35")));
        List<Lexicon.Written> written = Lexicon.bundledWritten();
        Set<String> english = englishKeys(written);

        List<String> shared = new ArrayList<>();
        for (Lexicon.Written phrase : written) {
            String raw = phrase.phrase();
            String word = Lexicon.folded(raw);
            if (phrase.language().equals("en")
                    || phrase.cue().equals(Cue.TELL.lexiconKey())
                    || raw.contains(":")
                    || word.contains(" ")
                    || !common.contains(word)) {
                continue;
            }
            if (!english.contains(phrase.cuedKey()) && !SHARED_ON_PURPOSE.containsKey(phrase.language() + " " + raw)) {
                shared.add(phrase.language() + " " + phrase.cue() + " \"" + raw + "\"");
            }
        }
        System.out.println("lexicon: " + SHARED_ON_PURPOSE.size()
                + " English words kept on purpose in other languages, " + shared.size() + " others");
        assertThat(shared)
                .as("words of other languages that are common English words")
                .isEmpty();
    }

    /** The cued keys of the English phrases ({@link Lexicon.Written#cuedKey}): what English itself says. */
    static Set<String> englishKeys(List<Lexicon.Written> written) {
        Set<String> english = new HashSet<>();
        for (Lexicon.Written phrase : written) {
            if (phrase.language().equals("en")) {
                english.add(phrase.cuedKey());
            }
        }
        return english;
    }
}
