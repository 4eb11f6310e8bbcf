package dev.vouch.scanner.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NameSieveTest {

    @Test
    void holdsEveryNameAdded() {
        NameSieve sieve = new NameSieve();
        Set<String> added = new HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            String name = randomName(random);
            sieve.add(name);
            added.add(name);
        }
        sieve.add("");
        added.add("");
        assertThat(added).allMatch(sieve::mayHold);
    }

    @Test
    void aWordAskedInPlaceIsAnsweredAsItsLowerCasedKeyIs() {
        NameSieve sieve = new NameSieve();
        sieve.add("permission");
        sieve.add("ünit");
        char[] text = "Set Permission, PERMISSION or Ünit.".toCharArray();

        assertThat(sieve.mayHoldLowerCased(text, 4, 14)).isTrue();
        assertThat(sieve.mayHoldLowerCased(text, 16, 26)).isTrue();
        assertThat(sieve.mayHoldLowerCased(text, 0, 3)).isEqualTo(sieve.mayHold("set"));
        // Beyond ASCII a word may lower-case to another length: it is never turned away.
        assertThat(sieve.mayHoldLowerCased(text, 30, 34)).isTrue();
    }

    @Test
    void anEmptySieveHoldsNothing() {
        NameSieve sieve = new NameSieve();
        assertThat(sieve.mayHold("id")).isFalse();
        assertThat(sieve.mayHold("")).isFalse();
    }

    @Test
    void turnsAwayMostNamesOfAToolSetsSize() {
        NameSieve sieve = new NameSieve();
        Random random = new Random(11);
        Set<String> added = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String name = randomName(random);
            sieve.add(name);
            added.add(name);
        }
        int passed = 0;
        int asked = 0;
        for (int i = 0; i < 10_000; i++) {
            String other = randomName(random);
            if (!added.contains(other)) {
                asked++;
                passed += sieve.mayHold(other) ? 1 : 0;
            }
        }
        assertThat(passed).isLessThan(asked / 10);
    }

    @Test
    void tellsNamesApartByLengthAndBothEnds() {
        NameSieve sieve = new NameSieve();
        sieve.add("project_id");
        assertThat(sieve.mayHold("project_id")).isTrue();
        // Any name with its length and both ends may pass: the set itself decides.
        assertThat(sieve.mayHold("pxxxxxxxxd")).isTrue();
        assertThat(sieve.mayHold("project_ids")).isFalse();
        assertThat(sieve.mayHold("id")).isFalse();
    }

    private static String randomName(Random random) {
        String letters = "abcdefghijklmnopqrstuvwxyz_-.0123456789";
        int length = 1 + random.nextInt(20);
        StringBuilder name = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            name.append(letters.charAt(random.nextInt(letters.length())));
        }
        return name.toString();
    }
}
