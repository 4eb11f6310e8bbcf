package dev.vouch.scanner.intent;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The cues of one sentence, each with its span: a map as an {@link java.util.EnumMap} answers it (keys in
 * ordinal order, null spans allowed), held as the bits of its keys and their spans in that order. An EnumMap
 * kept a slot for each of the 46 cues for every sentence that got one, where a sentence holds a few: its
 * slots were a twentieth of the bytes a scan allocated. The bits are the sentence's {@link
 * InstructionAnalyzer.Sentence#mask}, read off rather than worked out from the keys.
 */
final class CueMap extends AbstractMap<Cue, int[]> {

    private static final Cue[] CUES = Cue.values();

    private long keys;
    /** The spans of the keys, in ordinal order: the span of a key is at its rank among them. */
    private int[][] spans = new int[4][];

    /** The keys as bits, one for each ordinal. */
    long keys() {
        return keys;
    }

    private int rank(int ordinal) {
        return Long.bitCount(keys & ((1L << ordinal) - 1));
    }

    @Override
    public int[] get(Object key) {
        return containsKey(key) ? spans[rank(((Cue) key).ordinal())] : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof Cue cue && (keys & (1L << cue.ordinal())) != 0;
    }

    @Override
    public int[] put(Cue cue, int[] span) {
        int ordinal = Objects.requireNonNull(cue).ordinal();
        int at = rank(ordinal);
        if ((keys & (1L << ordinal)) != 0) {
            int[] old = spans[at];
            spans[at] = span;
            return old;
        }
        int size = size();
        if (size == spans.length) {
            spans = Arrays.copyOf(spans, size * 2);
        }
        System.arraycopy(spans, at, spans, at + 1, size - at);
        spans[at] = span;
        keys |= 1L << ordinal;
        return null;
    }

    @Override
    public int[] remove(Object key) {
        if (!containsKey(key)) {
            return null;
        }
        int ordinal = ((Cue) key).ordinal();
        int at = rank(ordinal);
        int[] old = spans[at];
        int size = size();
        System.arraycopy(spans, at + 1, spans, at, size - at - 1);
        spans[size - 1] = null;
        keys &= ~(1L << ordinal);
        return old;
    }

    @Override
    public int size() {
        return Long.bitCount(keys);
    }

    @Override
    public void clear() {
        Arrays.fill(spans, null);
        keys = 0;
    }

    @Override
    public Set<Map.Entry<Cue, int[]>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<Cue, int[]>> iterator() {
                return new Entries();
            }

            @Override
            public int size() {
                return CueMap.this.size();
            }
        };
    }

    /** The entries in ordinal order; one removed through the iterator leaves the map. */
    private final class Entries implements Iterator<Map.Entry<Cue, int[]>> {
        private long rest = keys;
        private Cue last;

        @Override
        public boolean hasNext() {
            return rest != 0;
        }

        @Override
        public Map.Entry<Cue, int[]> next() {
            if (rest == 0) {
                throw new NoSuchElementException();
            }
            last = CUES[Long.numberOfTrailingZeros(rest)];
            rest &= rest - 1;
            return new SimpleImmutableEntry<>(last, get(last));
        }

        @Override
        public void remove() {
            if (last == null) {
                throw new IllegalStateException();
            }
            CueMap.this.remove(last);
            last = null;
        }
    }
}
