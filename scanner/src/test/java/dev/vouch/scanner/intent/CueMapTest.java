package dev.vouch.scanner.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CueMapTest {

    private static final Cue[] CUES = Cue.values();

    @Test
    void answersAsAnEnumMapDoesThroughAnyPutsAndRemoves() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            CueMap map = new CueMap();
            Map<Cue, int[]> expected = new EnumMap<>(Cue.class);
            for (int step = 0; step < 40; step++) {
                Cue cue = CUES[random.nextInt(CUES.length)];
                int[] span = random.nextInt(8) == 0 ? null : new int[] {step, step + 1};
                switch (random.nextInt(3)) {
                    case 0 -> assertThat(map.put(cue, span)).isSameAs(expected.put(cue, span));
                    case 1 -> assertThat(map.putIfAbsent(cue, span)).isSameAs(expected.putIfAbsent(cue, span));
                    default -> assertThat(map.remove(cue)).isSameAs(expected.remove(cue));
                }
                assertThat(map).isEqualTo(expected);
                assertThat(new ArrayList<>(map.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
                long keys = 0;
                for (Cue key : expected.keySet()) {
                    keys |= 1L << key.ordinal();
                }
                assertThat(map.keys()).isEqualTo(keys);
                for (Cue any : CUES) {
                    assertThat(map.get(any)).isSameAs(expected.get(any));
                    assertThat(map.containsKey(any)).isEqualTo(expected.containsKey(any));
                }
            }
        }
    }

    @Test
    void anEntryRemovedThroughTheIteratorLeavesTheMap() {
        CueMap map = new CueMap();
        map.put(Cue.AGENT, new int[] {0, 1});
        map.put(Cue.MODAL, new int[] {2, 3});
        map.put(Cue.TRIGGER, new int[] {4, 5});
        List<Cue> seen = new ArrayList<>();
        for (Iterator<Map.Entry<Cue, int[]>> it = map.entrySet().iterator(); it.hasNext(); ) {
            Cue cue = it.next().getKey();
            seen.add(cue);
            if (cue == Cue.MODAL) {
                it.remove();
            }
        }
        assertThat(seen).isSortedAccordingTo((a, b) -> Integer.compare(a.ordinal(), b.ordinal()));
        assertThat(map).containsOnlyKeys(Cue.AGENT, Cue.TRIGGER);
        assertThat(map.keys()).isEqualTo(1L << Cue.AGENT.ordinal() | 1L << Cue.TRIGGER.ordinal());
    }
}
