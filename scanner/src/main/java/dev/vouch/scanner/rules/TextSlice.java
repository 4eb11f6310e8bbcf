package dev.vouch.scanner.rules;

/**
 * Part of a text, read in place: RE2/J runs anchored at many places of one window without a copy for
 * each. Every character read is counted in {@link Reads}, which the window's search holds to a budget.
 */
final class TextSlice implements CharSequence {

    /** The characters RE2/J has read through the slices of one window. */
    static final class Reads {
        long count;
    }

    private final String text;
    private final int start;
    private final int end;
    private final Reads reads;

    TextSlice(String text, int start, int end, Reads reads) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.reads = reads;
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= end - start) {
            throw new IndexOutOfBoundsException(index);
        }
        reads.count++;
        return text.charAt(start + index);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        if (from < 0 || to > end - start || from > to) {
            throw new IndexOutOfBoundsException("[" + from + ", " + to + ")");
        }
        return new TextSlice(text, start + from, start + to, reads);
    }

    @Override
    public String toString() {
        return text.substring(start, end);
    }
}
