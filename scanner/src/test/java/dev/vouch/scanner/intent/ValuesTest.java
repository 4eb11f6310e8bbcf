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
    void anIbanIsAValueWhereTheShortNameOfAStandardIsNot() {
        assertThat(Values.isFixedValue("lt121000011101001000")).isTrue();
        assertThat(Values.isFixedValue("de89370400440532013000")).isTrue();
        // Check digits that do not hold: a placeholder, the default of an example.
        assertThat(Values.isIban("ac00000000000000000000000000000000")).isFalse();
        assertThat(Values.isFixedValue("ac00000000000000000000000000000000")).isFalse();
        assertThat(Values.isIban("de89370400440532013001")).isFalse();
        assertThat(Values.isIban("gb33bukb20201555555555")).isTrue();
        assertThat(Values.isIban("iso8601")).isFalse();
        // Check digits 00, 01 and 99 are never given, though the sum may hold.
        assertThat(Values.isIban("de00000000000000000066")).isFalse();
    }

    @Test
    void aNumberMayBeAnAccountWithFourDigitsOrMoreAndFewSeparators() {
        assertThat(Values.isAccountNumber("77-1111")).isTrue();
        assertThat(Values.isAccountNumber("0532013000")).isTrue();
        assertThat(Values.isAccountNumber("4471-22")).isTrue();
        assertThat(Values.isAccountNumber("100")).isFalse();
        assertThat(Values.isAccountNumber("1-2-3-4567")).isFalse();
        assertThat(Values.isAccountNumber("77-1111x")).isFalse();
        assertThat(Values.isAccountNumber("#0532013000")).isTrue();
        assertThat(Values.isAccountNumber("5000")).as("a count").isFalse();
        assertThat(Values.isAccountNumber("2024-01-01")).as("a date").isFalse();
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
