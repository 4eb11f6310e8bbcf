package dev.vouch.registry.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Byte-level mutations of a valid input: flipped, deleted, inserted and duplicated bytes and
 * truncations, drawn towards the bytes that matter to a JSON or YAML parser and a UTF-8 decoder.
 */
public final class Mutations {

    private static final byte[] INTERESTING = {'{', '}', '[', ']', '"', ':', ',', '\\', '.', '/', '-', 'v', '0', '9',
            ' ', '\n', '\t', '#', '&', '*', '!', '|', '>', 0x00, 0x01, 0x7F, (byte) 0xC0, (byte) 0xAF, (byte) 0xFF,
            (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0xE2, (byte) 0x82, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private record Edit(int kind, int position, byte value, int length) {
    }

    private Mutations() {
    }

    /** One to eight edits of {@code seed}. */
    public static Arbitrary<byte[]> of(byte[] seed) {
        Arbitrary<Byte> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(boxed(INTERESTING))),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes()));
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, Math.max(0, seed.length - 1)), value,
                Arbitraries.integers().between(1, 64)).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(8).map(edits -> apply(seed, edits));
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

    private static Byte[] boxed(byte[] bytes) {
        Byte[] boxed = new Byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            boxed[i] = bytes[i];
        }
        return boxed;
    }
}
