package dev.vouch.scanner.checks;

import java.util.Locale;

/** Numbers written into evidence, as {@link String#format} writes them, without parsing a format each time. */
final class Decimals {

    /** Below this, a hundredth is far larger than the error of a double times 100. */
    private static final double EXACT_BELOW = 1e9;
    /** How near a half-hundredth the product may come before the decimal digits must decide. */
    private static final double NEAR_HALF = 1e-6;

    private Decimals() {}

    /**
     * {@code String.format(Locale.ROOT, "%.2f", value)}: the instruction check writes each flagged tool's
     * score so, and parsing the format took as long as the rest of the finding. The formatter rounds the
     * decimal digits of the double half up; away from a half-hundredth the double rounds the same way,
     * and near one (or for a negative, huge or non-finite value) the formatter itself decides.
     */
    static String twoPlaces(double value) {
        double hundredths = value * 100;
        double fraction = hundredths - Math.floor(hundredths);
        if (!(value > 0 && value < EXACT_BELOW) || Math.abs(fraction - 0.5) < NEAR_HALF) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        long rounded = (long) Math.floor(hundredths + 0.5);
        long cents = rounded % 100;
        return (rounded / 100) + (cents < 10 ? ".0" : ".") + cents;
    }
}
