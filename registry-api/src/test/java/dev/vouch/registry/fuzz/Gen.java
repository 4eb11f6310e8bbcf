package dev.vouch.registry.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Generators for {@link Fuzz#forAll}: functions from a seeded {@link Random} to an input. Lengths and
 * numbers lean towards their edges (empty, the maximum, zero, the extremes) where parsers tend to break.
 */
public final class Gen {

    // Characters a parser, a normaliser or a UTF-8 encoder treats specially: controls, quotes, separators,
    // invisible and bidirectional marks, the byte order mark, the replacement character, noncharacters.
    private static final String AWKWARD = "\u0000\u0001\u001f\u007f\"\\/'`<>&%{}[]:,.#*?\n\r\t \u00a0\u00ad"
            + "\u0130\u0131\u0410\u0430\u0391\u200b\u200d\u202e\u2028\u2029\u3000\ufeff\ufffd\ufffe\uffff";

    private Gen() {}

    /** Always {@code value}. */
    public static <T> Function<Random, T> just(T value) {
        return random -> value;
    }

    /** One of {@code values}, each as likely. */
    @SafeVarargs
    public static <T> Function<Random, T> of(T... values) {
        // Arrays.asList, not List.of: null is a value worth drawing (a missing query parameter).
        List<T> choices = Arrays.asList(values.clone());
        return random -> choices.get(random.nextInt(choices.size()));
    }

    /** A value from one of {@code generators}, each as likely. */
    @SafeVarargs
    public static <T> Function<Random, T> oneOf(Function<Random, ? extends T>... generators) {
        List<Function<Random, ? extends T>> choices = List.of(generators);
        return random -> choices.get(random.nextInt(choices.size())).apply(random);
    }

    /** A whole number in {@code [min, max]}, the bounds and zero drawn more often than the rest. */
    public static Function<Random, Integer> ints(int min, int max) {
        return random -> (int) edgy(random, min, max);
    }

    /** A long in {@code [min, max]}, the bounds and zero drawn more often than the rest. */
    public static Function<Random, Long> longs(long min, long max) {
        return random -> edgy(random, min, max);
    }

    /** Any long, the extremes, zero and one and minus one drawn more often than the rest. */
    public static Function<Random, Long> longs() {
        return random -> random.nextInt(8) == 0
                ? new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, 1, -1}[random.nextInt(5)]
                : random.nextLong();
    }

    /** Any bytes, {@code 0..maxLength} of them. */
    public static Function<Random, byte[]> bytes(int maxLength) {
        return random -> {
            byte[] bytes = new byte[length(random, 0, maxLength)];
            random.nextBytes(bytes);
            return bytes;
        };
    }

    /**
     * Any UTF-16 text of {@code minLength..maxLength} chars: printable ASCII, other Unicode, awkward
     * characters, supplementary pairs and lone surrogates, which a decoder must refuse or replace.
     */
    public static Function<Random, String> strings(int minLength, int maxLength) {
        return random -> {
            int length = length(random, minLength, maxLength);
            StringBuilder out = new StringBuilder(length);
            while (out.length() < length) {
                int kind = random.nextInt(16);
                if (kind < 8) {
                    out.append((char) (0x20 + random.nextInt(0x5F)));
                } else if (kind < 11) {
                    out.append(AWKWARD.charAt(random.nextInt(AWKWARD.length())));
                } else if (kind < 14) {
                    out.append((char) (0x80 + random.nextInt(0xD800 - 0x80)));
                } else if (kind == 14 && out.length() + 2 <= length) {
                    out.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000 + 1));
                } else {
                    out.append((char) (0xD800 + random.nextInt(0x800)));
                }
            }
            return out.toString();
        };
    }

    /** Text of {@code 0..maxLength} chars drawn only from {@code chars}. */
    public static Function<Random, String> strings(String chars, int maxLength) {
        return strings(chars, 0, maxLength);
    }

    /** Text of {@code minLength..maxLength} chars drawn only from {@code chars}. */
    public static Function<Random, String> strings(String chars, int minLength, int maxLength) {
        return random -> {
            int length = length(random, minLength, maxLength);
            StringBuilder out = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                out.append(chars.charAt(random.nextInt(chars.length())));
            }
            return out.toString();
        };
    }

    /** ASCII letters, {@code minLength..maxLength} of them. */
    public static Function<Random, String> alpha(int minLength, int maxLength) {
        return strings("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", minLength, maxLength);
    }

    /** {@code minSize..maxSize} values from {@code element}. */
    public static <T> Function<Random, List<T>> lists(Function<Random, T> element, int minSize, int maxSize) {
        return random -> {
            int size = length(random, minSize, maxSize);
            List<T> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(element.apply(random));
            }
            return list;
        };
    }

    // Short inputs find most bugs and long ones the rest; the shortest and the longest are edge cases.
    private static int length(Random random, int min, int max) {
        return switch (random.nextInt(10)) {
            case 0 -> min;
            case 1 -> max;
            case 2, 3, 4 -> min + random.nextInt(Math.min(max - min, 16) + 1);
            default -> min + random.nextInt(max - min + 1);
        };
    }

    private static long edgy(Random random, long min, long max) {
        return switch (random.nextInt(10)) {
            case 0 -> min;
            case 1 -> max;
            case 2 -> Math.max(min, Math.min(max, 0));
            default -> min + Math.floorMod(random.nextLong(), max - min + 1);
        };
    }
}
