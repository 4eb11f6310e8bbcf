package dev.vouch.scanner.normalize;

/**
 * Text written as bits in invisible characters: one stands for 0, another for 1, seven or eight of them a
 * character, and where there is a third it parts the words ("sneaky bits" write U+2062 and U+2064 and part
 * words with U+200B; zero-width steganography writes U+200B and U+200C). A reader sees nothing, and an agent
 * told how, or a later decoder, reads the text. The two most frequent invisible characters of a span are its bits,
 * whichever is 1 and whatever the width; a span is decoded where nine groups in ten or more come out as printable
 * ASCII that reads as words. Blanks, other invisible characters and variation selectors between the groups part
 * words or are passed over, so that breaking a run into short ones does not hide it; the invisible characters a
 * text scatters between visible ones are read together too ({@link Normalizer}).
 */
final class InvisibleBits {

    /**
     * The fewest invisible characters a span must hold to be read as bits (two characters of seven bits); a decoding
     * is kept only with {@link #MIN_CHARS} characters or more.
     */
    static final int MIN_RUN = 14;

    /** The fewest characters a decoding keeps: fewer make no instruction. */
    private static final int MIN_CHARS = 4;

    /** The most characters of a decoding shown in a finding. */
    private static final int MAX_SHOWN = 120;

    private static final int[] WIDTHS = {8, 7};

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder kinds = new StringBuilder();
    private int decodedChars;
    private int undecodedChars;

    /** Whether {@code c} may stand between the groups of bits of a span: a blank of any width, or a variation selector. */
    static boolean mayPartGroups(char c) {
        return Normalizer.isBlank(c) || c >= 0xFE00 && c <= 0xFE0F;
    }

    /** Reads the span {@code [from, to)} of {@code s}, which opens and closes on an invisible character. */
    void read(String s, int from, int to) {
        char[] distinct = new char[16];
        int[] counts = new int[16];
        int kindsSeen = 0;
        int invisibleChars = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!Normalizer.isZeroWidth(c)) {
                continue;
            }
            invisibleChars++;
            int k = 0;
            while (k < kindsSeen && distinct[k] != c) {
                k++;
            }
            if (k == kindsSeen && kindsSeen < distinct.length) {
                distinct[kindsSeen++] = c;
                if (kinds.length() < 64) {
                    kinds.append(Normalizer.escape(c));
                }
            }
            if (k < kindsSeen) {
                counts[k]++;
            }
        }
        String decoded = null;
        if (kindsSeen >= 2) {
            int first = mostFrequent(counts, kindsSeen, -1);
            int second = mostFrequent(counts, kindsSeen, first);
            decoded = decode(s, from, to, distinct[first], distinct[second]);
        }
        if (decoded == null) {
            undecodedChars += invisibleChars;
            return;
        }
        decodedChars += invisibleChars;
        if (text.length() > 0) {
            text.append(' ');
        }
        text.append(decoded);
    }

    /** What the spans read spell, words parted by spaces, or "" where none spells anything. */
    String text() {
        return text.toString();
    }

    /** The anomalies of the spans read: one for those that spell text, one for those that spell nothing. */
    void report(java.util.List<Anomaly> anomalies) {
        if (decodedChars > 0) {
            String shown = text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "…" : text.toString();
            anomalies.add(new Anomaly(
                    Anomaly.Kind.INVISIBLE_BITS,
                    kinds + " x" + decodedChars + " = \"" + Normalizer.escapeAll(shown) + "\""));
        }
        if (undecodedChars > 0) {
            anomalies.add(new Anomaly(Anomaly.Kind.INVISIBLE_RUN, kinds + " x" + undecodedChars));
        }
    }

    private static int mostFrequent(int[] counts, int kinds, int except) {
        int best = -1;
        for (int k = 0; k < kinds; k++) {
            if (k != except && (best < 0 || counts[k] > counts[best])) {
                best = k;
            }
        }
        return best;
    }

    private static String decode(String s, int from, int to, char a, char b) {
        String best = null;
        int bestScore = 0;
        for (int width : WIDTHS) {
            for (boolean aIsOne : new boolean[] {false, true}) {
                Groups groups = read(s, from, to, width, aIsOne ? a : b, aIsOne ? b : a);
                if (groups.readsAsWords() && groups.good - groups.bad > bestScore) {
                    best = groups.text();
                    bestScore = groups.good - groups.bad;
                }
            }
        }
        return best;
    }

    /** The groups of the span read with {@code one} as the 1 bit and {@code zero} as the 0 bit. */
    private static Groups read(String s, int from, int to, int width, char one, char zero) {
        Groups groups = new Groups();
        int value = 0;
        int bits = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == one || c == zero) {
                value = value << 1 | (c == one ? 1 : 0);
                if (++bits == width) {
                    groups.add(value);
                    value = 0;
                    bits = 0;
                }
            } else if (Normalizer.isZeroWidth(c) || Normalizer.isBlank(c)) {
                // A third invisible character or a blank parts words; a group it cuts short is no character.
                groups.bad += bits > 0 ? 1 : 0;
                value = 0;
                bits = 0;
                groups.wordBreak();
            }
        }
        groups.bad += bits > 0 ? 1 : 0;
        return groups;
    }

    /** The characters decoded from a span's groups, and how many groups were characters and how many not. */
    private static final class Groups {
        private final StringBuilder out = new StringBuilder();
        private int good;
        private int bad;
        private int letters;

        void add(int value) {
            if (value >= 0x20 && value <= 0x7E) {
                good++;
                letters += Character.isLetter(value) ? 1 : 0;
                out.append((char) value);
            } else {
                bad++;
            }
        }

        void wordBreak() {
            if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }

        boolean readsAsWords() {
            return good >= MIN_CHARS && bad * 9 <= good && letters * 2 >= good;
        }

        String text() {
            return out.toString().trim();
        }
    }
}
