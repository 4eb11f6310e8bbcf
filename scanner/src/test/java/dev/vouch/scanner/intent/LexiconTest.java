package dev.vouch.scanner.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.scanner.JsonMappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconTest {

    @Test
    void aLanguageWrittenTwiceUnderOneCueIsRefused() {
        String yaml = """
                cues:
                  agent:
                    en: ["you"]
                    en: ["the assistant"]
                """;
        assertThatThrownBy(() -> Lexicon.parse(yaml.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("Duplicate field 'en'");
    }

    @Test
    void aPhraseWithASlotMatchesEveryPronounBetweenTheNegationAndTheVerb() throws IOException {
        Lexicon lexicon = Lexicon.parse("""
                slots:
                  es:
                    clitic: ["", "lo", "se lo", "les"]
                cues:
                  conceal:
                    es: ["no {clitic} digas"]
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(concealed(lexicon, "No digas nada.")).containsExactly("no digas");
        assertThat(concealed(lexicon, "No se lo digas al usuario.")).containsExactly("no se lo digas");
        assertThat(concealed(lexicon, "y no les digas que")).containsExactly("no les digas");
        assertThat(concealed(lexicon, "No la digas")).isEmpty();
    }

    @Test
    void anElidedPronounJoinsTheWordAfterIt() {
        LexiconSlots slots = LexiconSlots.of(yamlNode("""
                fr:
                  clitic: ["", "l'", "le lui"]
                """));

        assertThat(slots.expand("fr", "ne {clitic} affiche pas"))
                .containsExactly("ne affiche pas", "ne l'affiche pas", "ne le lui affiche pas");
    }

    @Test
    void aPhraseMayHoldTwoSlots() {
        LexiconSlots slots = LexiconSlots.of(yamlNode("""
                es:
                  negation: ["no", "nunca"]
                  clitic: ["", "lo"]
                """));

        assertThat(slots.expand("es", "{negation} {clitic} menciones"))
                .containsExactly("no menciones", "no lo menciones", "nunca menciones", "nunca lo menciones");
    }

    @Test
    void aSlotItsLanguageDoesNotDeclareIsRefused() {
        String yaml = """
                slots:
                  es:
                    clitic: ["lo"]
                cues:
                  conceal:
                    pt: ["não {clitic} digas"]
                """;
        assertThatThrownBy(() -> Lexicon.parse(yaml.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("names slot {clitic}, which pt does not declare");
    }

    @Test
    void aPhraseStandingForMoreThanTheLimitIsRefused() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            many.add("w" + i);
        }
        LexiconSlots slots = LexiconSlots.of(yamlNode("es:\n  a: " + many + "\n  b: " + many + "\n"));

        assertThatThrownBy(() -> slots.expand("es", "{a} {b}")).hasMessageContaining("stands for more than 4096");
    }

    @Test
    void anUnclosedSlotIsRefused() {
        LexiconSlots slots = LexiconSlots.of(yamlNode("es:\n  clitic: [\"lo\"]\n"));

        assertThatThrownBy(() -> slots.expand("es", "no {clitic digas")).hasMessageContaining("unclosed slot");
    }

    private static List<String> concealed(Lexicon lexicon, String text) {
        char[] folded = FoldedText.of(text).chars();
        List<String> phrases = new ArrayList<>();
        lexicon.match(folded, (cues, start, end) -> {
            if ((cues & Cue.mask(Cue.CONCEAL)) != 0) {
                phrases.add(new String(folded, start, end - start));
            }
        });
        return phrases;
    }

    private static JsonNode yamlNode(String yaml) {
        try {
            return JsonMappers.YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
