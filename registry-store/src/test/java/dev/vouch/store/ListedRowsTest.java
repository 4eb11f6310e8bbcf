package dev.vouch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ListedRowsTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aStoredNameMatchesTheTextItEncodes() {
        assertThat(ListedRows.sameText("io.github.acme/weather", utf8("io.github.acme/weather")))
                .isTrue();
        assertThat(ListedRows.sameText("io.github.acme/météo", utf8("io.github.acme/météo")))
                .isTrue();
        assertThat(ListedRows.sameText("", utf8(""))).isTrue();
    }

    @Test
    void aStoredNameDoesNotMatchOtherText() {
        assertThat(ListedRows.sameText("io.github.acme/weather", utf8("io.github.acme/weathes")))
                .isFalse();
        assertThat(ListedRows.sameText("io.github.acme/weather", utf8("io.github.acme/weather2")))
                .isFalse();
        // As long in bytes as the other is in chars, but not ASCII.
        assertThat(ListedRows.sameText("io.github.acme/metéo", utf8("io.github.acme/meteo")))
                .isFalse();
        assertThat(ListedRows.sameText("ab", utf8("é"))).isFalse();
        assertThat(ListedRows.sameText("io.github.acme/météo", utf8("io.github.acme/metéoo")))
                .isFalse();
    }
}
