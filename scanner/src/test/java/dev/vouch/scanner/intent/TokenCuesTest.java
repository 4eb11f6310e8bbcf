package dev.vouch.scanner.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenCuesTest {

    @Test
    void marksFixedValuesButNotFormatsOrCounts() {
        assertThat(TokenCues.isFixedValue("u0adm1n77")).isTrue();
        assertThat(TokenCues.isFixedValue("@promo_partner")).isTrue();
        assertThat(TokenCues.isFixedValue("acct-9912x7")).isTrue();
        assertThat(TokenCues.isFixedValue("1000")).isFalse();
        assertThat(TokenCues.isFixedValue("2024-01-31")).isFalse();
        assertThat(TokenCues.isFixedValue("rfc3339")).isFalse();
        assertThat(TokenCues.isFixedValue("sha256")).isFalse();
    }

    @Test
    void marksPathsAnInstructionCanPointAReadOrWriteAt() {
        assertThat(TokenCues.isFixedValue("~/.ssh/id_rsa")).isTrue();
        assertThat(TokenCues.isFixedValue("../../.env")).isTrue();
        assertThat(TokenCues.isFixedValue("/etc/shadow")).isTrue();
        assertThat(TokenCues.isFixedValue("/tmp")).isFalse();
        assertThat(TokenCues.isFixedValue("and/or")).isFalse();
    }
}
