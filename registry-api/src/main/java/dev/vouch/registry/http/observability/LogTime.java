package dev.vouch.registry.http.observability;

import java.time.Instant;

/**
 * {@link Instant#toString()}, the access log's time, without a formatter on every request: the text up to
 * the second is made once a second and kept, the fraction appended as ISO-8601 prints it (in groups of
 * three digits, as many as it needs, none for a whole second).
 */
final class LogTime {

    private record Second(long epochSecond, String text) {}

    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    private LogTime() {}

    static void appendIso(StringBuilder line, Instant at) {
        long epochSecond = at.getEpochSecond();
        Second second = last;
        if (second.epochSecond() != epochSecond) {
            String whole = Instant.ofEpochSecond(epochSecond).toString();
            second = new Second(epochSecond, whole.substring(0, whole.length() - 1));
            last = second;
        }
        line.append(second.text());
        int nanos = at.getNano();
        if (nanos != 0) {
            line.append('.');
            if (nanos % 1_000_000 == 0) {
                appendDigits(line, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                appendDigits(line, nanos / 1_000, 6);
            } else {
                appendDigits(line, nanos, 9);
            }
        }
        line.append('Z');
    }

    /** {@code value} in exactly {@code digits} decimal digits, zeros in front. */
    static StringBuilder appendDigits(StringBuilder line, long value, int digits) {
        for (long unit = pow10(digits - 1); unit > 0; unit /= 10) {
            line.append((char) ('0' + (value / unit) % 10));
        }
        return line;
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}
