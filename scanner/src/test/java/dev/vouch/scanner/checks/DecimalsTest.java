package dev.vouch.scanner.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void writesTwoPlacesAsTheFormatterDoes() {
        Random random = new Random(20261130);
        for (int i = 0; i < 200_000; i++) {
            double value = i % 2 == 0 ? random.nextDouble() : random.nextDouble() * Math.pow(10, random.nextInt(12));
            assertThat(Decimals.twoPlaces(value)).as("%s", value).isEqualTo(format(value));
        }
    }

    @Test
    void writesHalvesZeroesAndOddValuesAsTheFormatterDoes() {
        double[] values = {
            0,
            -0.0,
            0.005,
            0.015,
            0.125,
            0.135,
            0.995,
            0.9999,
            1.005,
            1,
            2.675,
            10.005,
            99.995,
            0.045,
            -0.5,
            -1.234,
            1e-300,
            1e9,
            1e20,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.MIN_VALUE,
            Double.MAX_VALUE
        };
        for (double value : values) {
            assertThat(Decimals.twoPlaces(value)).as("%s", value).isEqualTo(format(value));
        }
        for (int cents = 0; cents < 100_000; cents++) {
            double half = (cents + 0.5) / 100;
            assertThat(Decimals.twoPlaces(half)).as("%s", half).isEqualTo(format(half));
            assertThat(Decimals.twoPlaces(Math.nextUp(half))).isEqualTo(format(Math.nextUp(half)));
            assertThat(Decimals.twoPlaces(Math.nextDown(half))).isEqualTo(format(Math.nextDown(half)));
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
