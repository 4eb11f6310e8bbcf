package dev.vouch.registry.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Byte-level mutations of a valid input: flipped, deleted, inserted and duplicated bytes and
 * truncations, drawn towards the bytes that matter to a JSON or YAML parser and a UTF-8 decoder.
 */
public final class Mutations {

    private static final byte[] INTERESTING = {
        '{',
        '}',
        '[',
        ']',
        '"',
        ':',
        ',',
        '\\',
        '.',
        '/',
        '-',
        'v',
        '0',
        '9',
        ' ',
        '\n',
        '\t',
        '#',
        '&',
        '*',
        '!',
        '|',
        '>',
        0x00,
        0x01,
        0x7F,
        (byte) 0xC0,
        (byte) 0xAF,
        (byte) 0xFF,
        (byte) 0xFE,
        (byte) 0xED,
        (byte) 0xA0,
        (byte) 0xE2,
        (byte) 0x82,
        (byte) 0xEF,
        (byte) 0xBB,
        (byte) 0xBF
    };

    private record Edit(int kind, int position, byte value, int length) {}

    private Mutations() {}

    /** One to eight edits of {@code seed}; a replaced or inserted byte is interesting three times in four. */
    public static Function<Random, byte[]> of(byte[] seed) {
        byte[] original = seed.clone();
        return random -> {
            List<Edit> edits = new ArrayList<>();
            for (int count = 1 + random.nextInt(8); count > 0; count--) {
                byte value = random.nextInt(4) < 3
                        ? INTERESTING[random.nextInt(INTERESTING.length)]
                        : (byte) random.nextInt(256);
                edits.add(new Edit(
                        random.nextInt(5),
                        random.nextInt(Math.max(1, original.length)),
                        value,
                        1 + random.nextInt(64)));
            }
            return apply(original, edits);
        };
    }

    private static byte[] apply(byte[] seed, List<Edit> edits) {
        byte[] current = seed.clone();
        for (Edit edit : edits) {
            int at = current.length == 0 ? 0 : Math.min(edit.position(), current.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (edit.kind()) {
                case 0 -> {
                    current = current.clone();
                    if (current.length > 0) {
                        current[at] = edit.value();
                    }
                    continue;
                }
                case 1 -> {
                    out.write(current, 0, at);
                    int skip = Math.min(edit.length(), current.length - at);
                    out.write(current, at + skip, current.length - at - skip);
                }
                case 2 -> {
                    out.write(current, 0, at);
                    out.write(edit.value());
                    out.write(current, at, current.length - at);
                }
                case 3 -> {
                    int length = Math.min(edit.length(), current.length - at);
                    out.write(current, 0, at + length);
                    out.write(current, at, current.length - at);
                }
                default -> out.write(current, 0, at);
            }
            current = out.toByteArray();
        }
        return current;
    }
}
