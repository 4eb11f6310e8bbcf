package dev.vouch.scanner.match;

/**
 * A char array lent on each thread to one reader at a time, for a copy of a text read by index and then
 * dropped: the rule pack's automaton copied every text it read into a fresh array, the most bytes a scan
 * allocated at one place. A reader that borrows while the thread's array is lent (a nested read) gets a
 * fresh array, so no two readers ever share one.
 */
final class LentChars {

    /** Arrays longer than this are not kept: a megabyte-long field should not hold its copy for good. */
    static final int MAX_KEPT = 1 << 16;

    private static final int MIN_LENGTH = 256;
    private static final ThreadLocal<LentChars> ON_THREAD = ThreadLocal.withInitial(LentChars::new);

    /** The thread's array while it is not lent; null while it is. */
    private char[] kept = new char[MIN_LENGTH];

    private LentChars() {}

    /** The characters of {@code text} in an array of at least its length, to be handed back with {@link #release}. */
    static char[] copyOf(String text) {
        LentChars lender = ON_THREAD.get();
        char[] chars = lender.kept;
        lender.kept = null;
        if (chars == null || chars.length < text.length()) {
            chars = new char[Math.max(text.length(), MIN_LENGTH)];
        }
        text.getChars(0, text.length(), chars, 0);
        return chars;
    }

    /** Hands back an array {@link #copyOf} lent, once it is no longer read. */
    static void release(char[] chars) {
        if (chars.length <= MAX_KEPT) {
            ON_THREAD.get().kept = chars;
        }
    }
}
