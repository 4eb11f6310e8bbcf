package dev.vouch.scanner.rules;

/** Part of a text, read in place: RE2/J runs anchored at many places of one window without a copy for each. */
final class TextSlice implements CharSequence {

    private final String text;
    private final int start;
    private final int end;

    TextSlice(String text, int start, int end) {
        this.text = text;
        this.start = start;
        this.end = end;
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
        return text.charAt(start + index);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        if (from < 0 || to > end - start || from > to) {
            throw new IndexOutOfBoundsException("[" + from + ", " + to + ")");
        }
        return new TextSlice(text, start + from, start + to);
    }

    @Override
    public String toString() {
        return text.substring(start, end);
    }
}
