package dev.vouch.registry.advisories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonVersionOrderTest {

    @Test
    void pep440OrdersDevPreFinalAndPostReleases() {
        List<String> expected =
                List.of("1.0.dev1", "1.0a1", "1.0a2", "1.0b1", "1.0rc1", "1.0", "1.0.post1", "1.0.1", "1.1", "2!0.1");
        List<String> shuffled = new ArrayList<>(expected);
        java.util.Collections.reverse(shuffled);
        shuffled.sort(Ecosystem.PYPI.versionOrder());

        assertThat(shuffled).isEqualTo(expected);
    }

    @Test
    void trailingZerosAreEqual() {
        assertThat(Pep440.compare("1.0", "1.0.0")).isZero();
    }
}
