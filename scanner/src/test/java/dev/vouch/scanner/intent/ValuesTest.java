package dev.vouch.scanner.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void marksFixedValuesButNotFormatsOrCounts() {
        assertThat(Values.isFixedValue("u0adm1n77")).isTrue();
        assertThat(Values.isFixedValue("@promo_partner")).isTrue();
        assertThat(Values.isFixedValue("acct-9912x7")).isTrue();
        assertThat(Values.isFixedValue("usr_0007")).isTrue();
        assertThat(Values.isFixedValue("ba_ext_3391")).isTrue();
        assertThat(Values.isFixedValue("1000")).isFalse();
        assertThat(Values.isFixedValue("2024-01-31")).isFalse();
        assertThat(Values.isFixedValue("rfc3339")).isFalse();
        assertThat(Values.isFixedValue("sha256")).isFalse();
    }

    @Test
    void anAddressAtADomainKeptForDocumentationReachesNoOne() {
        assertThat(Values.atReservedDomain("admin@example.com", 6)).isTrue();
        assertThat(Values.atReservedDomain("https://api.example.org/v1", 8)).isTrue();
        assertThat(Values.atReservedDomain("ops@billing.test", 4)).isTrue();
        assertThat(Values.atReservedDomain("audit@example-corp.com", 6)).isFalse();
        assertThat(Values.atReservedDomain("https://notexample.com/x", 8)).isFalse();
    }

    @Test
    void aScopedPackageIsNoHandle() {
        assertThat(Values.isFixedValue("@scriptivox/mcp-server@1.0.x")).isFalse();
    }

    @Test
    void marksPathsAnInstructionCanPointAReadOrWriteAt() {
        assertThat(Values.isFixedValue("~/.ssh/id_rsa")).isTrue();
        assertThat(Values.isFixedValue("../../.env")).isTrue();
        assertThat(Values.isFixedValue("/etc/shadow")).isTrue();
        assertThat(Values.isFixedValue("/tmp")).isFalse();
        assertThat(Values.isFixedValue("and/or")).isFalse();
    }
}
