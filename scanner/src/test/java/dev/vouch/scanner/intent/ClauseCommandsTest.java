package dev.vouch.scanner.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClauseCommandsTest {

    private static boolean inflected(String word) {
        return ClauseCommands.isInflected(word.toCharArray(), 0, word.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"deletes", "removing", "changed", "sends", "pushes", "wiped", "cancels"})
    void anEnglishVerbWithItsEndingIsInflected(String word) {
        assertThat(inflected(word)).as(word).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"delete", "ping", "access", "bypass", "détruis", "wis", "embed", "rm -rf"})
    void aBareVerbOrAnotherLanguagesIsNot(String word) {
        assertThat(inflected(word)).as(word).isFalse();
    }
}
