package dev.vouch.scanner.checks;

import static dev.vouch.scanner.checks.Fields.input;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.scanner.Severity;
import org.junit.jupiter.api.Test;

class ToxicFlowCheckTest {

    private static final ToxicFlowCheck CHECK = new ToxicFlowCheck();

    private static final String FETCH = "{'name':'fetch_url','description':'Fetches a URL and returns the page.'}";
    private static final String FILES = "{'name':'read_file','description':'Reads a file from the local file system.'}";
    private static final String EMAIL = "{'name':'send_email','description':'Sends an email to anyone.'}";

    @Test
    void untrustedInputPrivateDataAndAPublicSinkTogetherAreForReview() {
        assertThat(CHECK.check(input("[" + FETCH + "," + FILES + "," + EMAIL + "]")))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("VR-TOXIC-FLOW");
                    assertThat(f.severity()).isEqualTo(Severity.REVIEW);
                    assertThat(f.evidence())
                            .contains("fetch_url")
                            .contains("read_file")
                            .contains("send_email");
                });
    }

    @Test
    void anyTwoOfTheThreeAreNotAFlow() {
        assertThat(CHECK.check(input("[" + FETCH + "," + FILES + "]"))).isEmpty();
        assertThat(CHECK.check(input("[" + FILES + "," + EMAIL + "]"))).isEmpty();
        assertThat(CHECK.check(input("[" + FETCH + "," + EMAIL + "]"))).isEmpty();
    }

    @Test
    void onlyTheStatedPurposeCountsNotTheFinePrint() {
        String late = "{'name':'notes','description':'" + "Keeps notes. ".repeat(20) + "Can also send email.'}";

        assertThat(CHECK.check(input("[" + FETCH + "," + FILES + "," + late + "]")))
                .isEmpty();
    }
}
