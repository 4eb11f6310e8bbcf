package dev.vouch.scanner.intent;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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
}
