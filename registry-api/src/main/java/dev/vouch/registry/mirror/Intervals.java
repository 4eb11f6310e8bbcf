package dev.vouch.registry.mirror;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mirror schedules as operators write them: {@code 90s}, {@code 5m}, {@code 1h}, or ISO-8601 {@code PT5M}. */
public final class Intervals {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(s|m|h)");
    /** Shorter than this, a schedule would hammer the upstream rather than follow it. */
    public static final Duration MINIMUM = Duration.ofSeconds(10);

    private Intervals() {}

    /**
     * @throws IllegalArgumentException naming what is wrong with {@code text}
     */
    public static Duration parse(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Duration interval;
        Matcher matcher = SHORT.matcher(trimmed);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            interval = switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } else {
            try {
                interval = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("interval '" + text + "' is not like 90s, 5m, 1h or PT5M");
            }
        }
        if (interval.compareTo(MINIMUM) < 0) {
            throw new IllegalArgumentException(
                    "interval '" + text + "' is shorter than the minimum of " + MINIMUM.toSeconds() + " s");
        }
        return interval;
    }
}
