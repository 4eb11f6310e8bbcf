package dev.vouch.scanner.intent.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RefitSwayTest {

    private static final List<String> GROUPS = IntStream.range(0, 2000)
            .mapToObj(i -> String.format("family-%04d", i))
            .toList();

    @Test
    void eachRefitLeavesOutItsOwnTwentiethOfTheGroupsTheSameWayEveryRun() {
        Set<String> first = RefitSway.leftOut(GROUPS, new Random(0));
        Set<String> again = RefitSway.leftOut(GROUPS, new Random(0));
        Set<String> second = RefitSway.leftOut(GROUPS, new Random(1));

        assertThat(again).isEqualTo(first);
        assertThat(second).isNotEqualTo(first);
        assertThat(first.size()).isBetween(60, 140);
        assertThat(GROUPS).containsAll(first);
    }
}
