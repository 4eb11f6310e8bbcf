package dev.vouch.scanner.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.scanner.normalize.Normalizer;
import org.junit.jupiter.api.Test;

class ExcerptsTest {

    @Test
    void anExcerptOfAListIsOneLine() {
        String text = Normalizer.normalize("Config:\n  - blockedCommands\n  - defaultShell")
                .text();

        assertThat(Excerpts.of(text)).isEqualTo("Config: - blockedCommands - defaultShell");
    }
}
