package dev.vouch.registry.fuzz;

import java.util.Collection;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * A small deterministic property runner for the fuzz tests: draws a bounded number of inputs from a
 * generator with a fixed seed per property, so every build runs the same cases and a failure reproduces.
 * The seed can be replaced with {@code -Dvouch.fuzz.seed=N} to explore other inputs or replay one.
 */
public final class Fuzz {

    /** The system property that replaces every property's fixed seed. */
    public static final String SEED_PROPERTY = "vouch.fuzz.seed";

    // Enough of an input to recognise it in a report without flooding it; the seed replays the rest.
    private static final int SHOWN_CHARS = 800;

    /** What must hold for every drawn input. */
    @FunctionalInterface
    public interface Property<T> {
        void check(T input) throws Exception;
    }

    private Fuzz() {}

    /**
     * Checks {@code property} against {@code tries} inputs drawn from {@code generator}. The first failing
     * input ends the run with an {@link AssertionError} that names the property, the seed, the try and the
     * input (escaped and truncated), with the original failure as its cause.
     */
    public static <T> void forAll(String name, int tries, Function<Random, T> generator, Property<T> property) {
        long seed = seedFor(name);
        Random random = new Random(seed);
        for (int attempt = 1; attempt <= tries; attempt++) {
            T input = generator.apply(random);
            try {
                property.check(input);
            } catch (Exception | AssertionError failure) {
                throw new AssertionError(
                        String.format(
                                "property '%s' failed on try %d of %d "
                                        + "(seed %d; replay with -D%s=%d)%n  input: %s%n  failure: %s",
                                name, attempt, tries, seed, SEED_PROPERTY, seed, show(input), summary(failure)),
                        failure);
            }
        }
    }

    static long seedFor(String name) {
        String override = System.getProperty(SEED_PROPERTY);
        if (override == null || override.isBlank()) {
            // String.hashCode is specified by the JLS, so the seed is the same on every JVM.
            return name.hashCode();
        }
        try {
            return Long.parseLong(override.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SEED_PROPERTY + " must be a whole number, got '" + override + "'", e);
        }
    }

    /** A printable, bounded rendering of a drawn input: strings quoted and escaped, bytes as escaped text. */
    public static String show(Object input) {
        return truncate(render(input));
    }

    private static String render(Object input) {
        if (input == null) {
            return "null";
        }
        if (input instanceof byte[] bytes) {
            StringBuilder out = new StringBuilder(bytes.length + " bytes: b\"");
            for (byte b : bytes) {
                int c = b & 0xFF;
                if (c == '"' || c == '\\') {
                    out.append('\\').append((char) c);
                } else if (c >= 0x20 && c < 0x7F) {
                    out.append((char) c);
                } else if (c == '\n') {
                    out.append("\\n");
                } else {
                    out.append(String.format("\\x%02x", c));
                }
                if (out.length() > SHOWN_CHARS) {
                    break;
                }
            }
            return out.append('"').toString();
        }
        if (input instanceof CharSequence text) {
            return text.length() + " chars: \"" + escape(text.toString()) + "\"";
        }
        if (input instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((key, value) -> out.append(out.length() > 1 ? ", " : "")
                    .append(render(key))
                    .append('=')
                    .append(render(value)));
            return out.append('}').toString();
        }
        if (input instanceof Collection<?> items) {
            StringBuilder out = new StringBuilder("[");
            items.forEach(item -> out.append(out.length() > 1 ? ", " : "").append(render(item)));
            return out.append(']').toString();
        }
        return escape(input.toString());
    }

    private static String summary(Throwable failure) {
        // AssertJ spreads a message over several lines; one line reads better inside this report.
        String message = String.valueOf(failure.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ");
        return failure.getClass().getSimpleName() + ": " + truncate(escape(message));
    }

    /** Java-style escapes for everything outside printable ASCII, so a report survives any terminal. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() <= SHOWN_CHARS; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7F) {
                        out.append(c);
                    } else {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return out.toString();
    }

    private static String truncate(String shown) {
        return shown.length() <= SHOWN_CHARS ? shown : shown.substring(0, SHOWN_CHARS) + "… (truncated)";
    }
}
