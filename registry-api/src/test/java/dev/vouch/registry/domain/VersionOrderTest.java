package dev.vouch.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionOrderTest {

    @Test
    void firstVersionIsLatest() {
        assertThat(VersionOrder.supersedes("0.1.0", Optional.empty())).isTrue();
    }

    @Test
    void higherSemverSupersedesAndLowerDoesNot() {
        assertThat(VersionOrder.supersedes("1.10.0", Optional.of("1.9.0"))).isTrue();
        assertThat(VersionOrder.supersedes("1.2.0", Optional.of("1.10.0"))).isFalse();
        assertThat(VersionOrder.supersedes("2.0.0-rc.1", Optional.of("2.0.0"))).isFalse();
    }

    @Test
    void nonSemverVersionsAlwaysBecomeLatest() {
        assertThat(VersionOrder.supersedes("nightly", Optional.of("9.9.9"))).isTrue();
        assertThat(VersionOrder.supersedes("1.0.0", Optional.of("nightly"))).isTrue();
    }
}
