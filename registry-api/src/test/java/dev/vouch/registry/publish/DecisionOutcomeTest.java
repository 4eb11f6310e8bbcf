package dev.vouch.registry.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.publish.Decision.Outcome;
import org.junit.jupiter.api.Test;

class DecisionOutcomeTest {

    @Test
    void severityRisesFromPublishedThroughPendingToRejected() {
        assertThat(Outcome.PUBLISHED.severity()).isLessThan(Outcome.PENDING.severity());
        assertThat(Outcome.PENDING.severity()).isLessThan(Outcome.REJECTED.severity());
        assertThat(Outcome.REJECTED.isMoreSevereThan(Outcome.PENDING)).isTrue();
        assertThat(Outcome.PENDING.isMoreSevereThan(Outcome.PUBLISHED)).isTrue();
        assertThat(Outcome.PENDING.isMoreSevereThan(Outcome.PENDING)).isFalse();
        assertThat(Outcome.PUBLISHED.isMoreSevereThan(Outcome.REJECTED)).isFalse();
    }

    @Test
    void theMostSevereOfTwoWinsWhicheverComesFirst() {
        for (Outcome a : Outcome.values()) {
            for (Outcome b : Outcome.values()) {
                Outcome expected = a.severity() >= b.severity() ? a : b;
                assertThat(Outcome.mostSevere(a, b)).as(a + " vs " + b).isEqualTo(expected);
                assertThat(Outcome.mostSevere(b, a)).as(b + " vs " + a).isEqualTo(expected);
            }
        }
        assertThat(Outcome.mostSevere(Outcome.PENDING, Outcome.REJECTED)).isEqualTo(Outcome.REJECTED);
        assertThat(Outcome.mostSevere(Outcome.PUBLISHED, Outcome.PENDING)).isEqualTo(Outcome.PENDING);
    }

    @Test
    void everyOutcomeHasItsOwnSeverity() {
        assertThat(java.util.Arrays.stream(Outcome.values())
                        .map(Outcome::severity)
                        .distinct())
                .hasSize(Outcome.values().length);
    }
}
