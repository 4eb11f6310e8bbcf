package dev.vouch.scanner.checks;

import static dev.vouch.scanner.checks.Fields.input;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.scanner.Severity;
import org.junit.jupiter.api.Test;

class ImpersonationCheckTest {

    private static final ImpersonationCheck CHECK = new ImpersonationCheck();

    private static String server(String name) {
        return "{'server':{'name':'" + name + "','description':'x','version':'1.0.0'}}";
    }

    @Test
    void aWellKnownNameInAnotherNamespaceIsForReview() {
        assertThat(CHECK.check(input(server("io.github.someone/github-mcp-server"))))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("VR-IMPERSONATION-NAME");
                    assertThat(f.severity()).isEqualTo(Severity.REVIEW);
                    assertThat(f.pointer()).endsWith("/name");
                    assertThat(f.evidence()).contains("copies").contains("io.github.github/github-mcp-server");
                });
    }

    @Test
    void theOwnerMayUseItsOwnName() {
        assertThat(CHECK.check(input(server("io.github.github/github-mcp-server"))))
                .isEmpty();
    }

    @Test
    void aNearCopyOfALongNameIsReportedAsClose() {
        assertThat(CHECK.check(input(server("io.github.someone/playwrihgt-mcp"))))
                .singleElement()
                .satisfies(f -> assertThat(f.evidence()).contains("is close to"));
    }

    @Test
    void aNearMissOfAShortNameIsNotReported() {
        // "fetch" is five letters: two edits away are too many ordinary words.
        assertThat(CHECK.check(input(server("io.github.someone/fetcher")))).isEmpty();
    }

    @Test
    void anUnrelatedNameAndAToolsOnlyInputPass() {
        assertThat(CHECK.check(input(server("io.github.acme/weather")))).isEmpty();
        assertThat(CHECK.check(input("[{'name':'t','description':'d'}]"))).isEmpty();
    }

    @Test
    void editDistanceStopsAtItsLimit() {
        assertThat(ImpersonationCheck.editDistance("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(ImpersonationCheck.editDistance("kitten", "sitting", 2)).isEqualTo(3);
        assertThat(ImpersonationCheck.editDistance("a", "abcdef", 2)).isEqualTo(3);
        assertThat(ImpersonationCheck.editDistance("same", "same", 2)).isZero();
    }
}
