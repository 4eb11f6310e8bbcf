package dev.vouch.scanner.match;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An Aho-Corasick automaton over a fixed set of keywords that reports every occurrence of every
 * keyword, by end position and, for one end, by descending keyword index (the order the keywords'
 * map iterates in): the order of the double-array automaton it replaces, so callers that keep the
 * first hit keep the same one.
 *
 * <p>Tool text is nearly all ASCII, so the transitions on ASCII characters are one look-up per character,
 * failure links resolved when the automaton is built: in a full row of a table for the states of the trie's
 * first levels, in a long for a deeper state (see {@link #sparseRows}); a character no keyword holds sends
 * the automaton back to its root at once. Other characters of the keywords follow the failure links.
 * A {@code caseless} automaton reads text lower-cased character by character without copying it (and traditional
 * Chinese as simplified, as the rule pack does).
 */
public final class KeywordAutomaton<V> {

    /** Receives one occurrence: {@code [begin, end)} in the text, and the keyword's value. */
    @FunctionalInterface
    public interface Hits<V> {
        void hit(int begin, int end, V value);
    }

    private static final int ASCII = 128;
    /**
     * How many characters of a keyword (after the boundary before it, in a word-start automaton) lead to states
     * that keep a full row of the table, numbered breadth first; deeper states follow their parent and keep only
     * where their row differs from a shallower state's. With 4 (the lexicon's 4,438 states, the rule pack's
     * 1,039) the scanner's benchmark ran about 1.04 times as fast as with full rows for every state, by paired
     * rounds; 3, 5 and 6 were within the rounds' noise of it, and with 2 the automata alone took half as long again.
     */
    private static final int DENSE_CHARACTERS = 4;
    /** The cell of a transition whose target does not fit a char: found in {@link #farCells} instead. */
    private static final char FAR = 0xFFFF;

    private final boolean caseless;
    /**
     * The column of the word boundary, or 0 for an automaton that reports every occurrence. An automaton
     * that reports occurrences at word starts only ({@link #atWordStarts}) reads its text as if a
     * boundary symbol stood before every character that follows no letter or digit (and before the
     * first), and its keywords as if one stood at their start and wherever the same holds inside them:
     * an occurrence of such a keyword is then one that begins a word. Inside a word, once no keyword's
     * prefix is open the automaton waits at its root instead of following the word's suffixes, and no
     * hit is reported only to be dropped.
     */
    private final int boundaryColumn;
    /**
     * For each ASCII character, its column in the tables; 0 for characters no keyword holds (in a word-start
     * automaton, those of words: the others share a column that leads to the boundary's state).
     */
    private final byte[] asciiColumn = new byte[ASCII];

    private final int columns;
    /**
     * Each dense row spans a power of two of cells, {@code 1 << rowShift}, the columns and some spare: the
     * cell is found by a shift, not a multiplication, on the chain of reads a text's characters make.
     */
    private final int rowShift;
    /**
     * The states with a full row in {@link #narrow}: those of the trie's first levels, numbered first, so that
     * telling them from the others is one comparison. A text spends most of its characters in them; a deeper
     * state's row mostly differs from a shallower state's in a cell or two, and full rows for every state (the
     * lexicon's took 6 MB) missed the caches for cells that {@link #sparseRows} holds in a long.
     */
    private final int denseStates;
    /**
     * The transition of dense state s on column c, at {@code (s << rowShift) + c}, in chars: half the bytes of an
     * int table, fewer misses. A target beyond the char range is stored as {@link #FAR}.
     */
    private final char[] narrow;
    /** The cells that hold {@link #FAR}, ascending, and their targets. */
    private final int[] farCells;

    private final int[] farTargets;
    /** For each state, whether keywords end there: what the char table cannot flag in its cells. */
    private final boolean[] ends;
    /** Transitions on characters beyond ASCII: the trie's own, sorted by character, and failure links. */
    private final char[][] wideChars;

    private final int[][] wideTargets;
    /**
     * One bit per character beyond ASCII that some keyword holds: on any other ("—", "→") every state
     * goes back to the root, which the failure links would find only after a search in each state.
     */
    private final long[] wideInKeywords = new long[0x10000 / 64];

    private final int[] fail;
    /**
     * For each state, the first state on its failure chain, itself included, with a child beyond ASCII (the root
     * at the end of any chain): a character beyond ASCII searches those alone, where each state of a deep
     * keyword's chain cost a read that missed the cache.
     */
    private final int[] wideFail;
    /**
     * For each state from {@link #denseStates} on, its row as a dense state's with a few cells replaced: that
     * state's number (bits 32-62), the first replaced cell's column (bits 24-31, 0 for none: column 0 leads
     * every state to the root) and target (bits 0-23). Where more cells differ, bit 63 is set and bits 32-62
     * give the offset of the rest in {@link #furtherCells} instead. A state's own child comes first: a text
     * that follows a keyword takes it, and the scan then reads one long, predicted branch and all.
     */
    private final long[] sparseRows;
    /** Per sparse state with more than one replaced cell: the dense state, the count, then column << 24 | target. */
    private final int[] furtherCells;
    /** The keywords that end in each state, by descending index; null where none does. */
    private final int[][] output;

    private final int[] lengths;
    private final V[] values;

    public KeywordAutomaton(Map<String, V> keywords, boolean caseless) {
        this(keywords, caseless, null, DENSE_CHARACTERS);
    }

    /**
     * An automaton that reports an occurrence only where it begins a word (at the text's start or after
     * a character that is no letter, digit or mark), except for the keywords {@code anywhere} accepts,
     * which are reported wherever they occur: most occurrences of a word list's short keywords are
     * inside longer words. Hits come in the order {@link #parse} would report them, those dropped aside.
     */
    public static <V> KeywordAutomaton<V> atWordStarts(Map<String, V> keywords, Predicate<? super V> anywhere) {
        return new KeywordAutomaton<>(keywords, false, anywhere, DENSE_CHARACTERS + 1);
    }

    /**
     * An automaton with full rows for the states of the trie's first {@code denseLevels} levels below the root:
     * the same hits as any other number of levels. {@code anywhere} as for {@link #atWordStarts}, or null for
     * one that reports every occurrence.
     */
    static <V> KeywordAutomaton<V> withDenseLevels(
            Map<String, V> keywords, boolean caseless, Predicate<? super V> anywhere, int denseLevels) {
        return new KeywordAutomaton<>(keywords, caseless, anywhere, denseLevels);
    }

    /** The symbol that stands for a word boundary in the trie; no keyword of a word-start automaton holds it. */
    private static final char BOUNDARY = '\0';

    @SuppressWarnings("unchecked")
    private KeywordAutomaton(
            Map<String, V> keywords, boolean caseless, Predicate<? super V> anywhere, int denseLevels) {
        this.caseless = caseless;
        boolean boundaries = anywhere != null;
        Trie trie = new Trie();
        values = (V[]) new Object[keywords.size()];
        lengths = new int[keywords.size()];
        int index = 0;
        for (Map.Entry<String, V> keyword : keywords.entrySet()) {
            String text = keyword.getKey();
            if (text.isEmpty()) {
                throw new IllegalArgumentException("an empty keyword matches everywhere");
            }
            int state = 0;
            if (boundaries && !anywhere.test(keyword.getValue())) {
                state = trie.child(state, BOUNDARY);
            }
            for (int i = 0; i < text.length(); i++) {
                char c = fold(text.charAt(i));
                if (boundaries && c == BOUNDARY) {
                    throw new IllegalArgumentException("a keyword holds the boundary symbol U+0000");
                }
                if (boundaries && i > 0 && !isWordChar(text.charAt(i - 1))) {
                    state = trie.child(state, BOUNDARY);
                }
                if (c < ASCII && asciiColumn[c] == 0) {
                    asciiColumn[c] = (byte) ++trie.asciiColumns;
                } else if (c >= ASCII) {
                    wideInKeywords[c >>> 6] |= 1L << c;
                }
                state = trie.child(state, c);
            }
            trie.addEnd(state, index);
            if (boundaries && !isWordChar(text.charAt(text.length() - 1))) {
                // The scan takes the boundary after a character that is no word's with the character itself:
                // the keyword ends past it too, so that the state the two lead to reports it.
                trie.addEnd(trie.child(state, BOUNDARY), index);
            }
            values[index] = keyword.getValue();
            lengths[index] = text.length();
            index++;
        }
        if (boundaries) {
            // Characters that are no word's and no keyword's lead to the boundary's state, not to the root.
            int boundaryOnly = ++trie.asciiColumns;
            for (char c = 0; c < ASCII; c++) {
                if (asciiColumn[c] == 0 && !ASCII_WORD[c]) {
                    asciiColumn[c] = (byte) boundaryOnly;
                }
            }
        }
        if (trie.asciiColumns >= Byte.MAX_VALUE) {
            throw new IllegalArgumentException("too many distinct ASCII characters in keywords");
        }
        // The shallow states a text visits most share the table of full rows; below them each state is
        // numbered depth first, so a word's path through its phrases' prefixes reads neighbouring longs.
        trie = trie.renumbered(denseLevels);
        denseStates = trie.breadthFirstStates;
        int states = trie.size();
        if (states >= 1 << 24) {
            throw new IllegalArgumentException("too many states for the 24-bit targets of sparse rows");
        }
        boundaryColumn = boundaries ? trie.asciiColumns + 1 : 0;
        columns = trie.asciiColumns + (boundaries ? 2 : 1);
        int[] table = new int[states * columns];
        fail = new int[states];
        output = new int[states][];
        wideChars = new char[states][];
        wideTargets = new int[states][];
        wideFail = new int[states];
        build(trie, table);
        if (boundaries) {
            takeBoundariesAfterNonWordCharacters(table);
        }
        rowShift = 32 - Integer.numberOfLeadingZeros(columns - 1);
        narrow = new char[denseStates << rowShift];
        int far = 0;
        for (int i = 0; i < denseStates * columns; i++) {
            far += table[i] < FAR ? 0 : 1;
        }
        farCells = new int[far];
        farTargets = new int[far];
        for (int state = 0, f = 0; state < denseStates; state++) {
            for (int column = 0; column < columns; column++) {
                int target = table[state * columns + column];
                int cell = (state << rowShift) + column;
                narrow[cell] = target < FAR ? (char) target : FAR;
                if (target >= FAR) {
                    farCells[f] = cell;
                    farTargets[f++] = target;
                }
            }
        }
        sparseRows = new long[states - denseStates];
        furtherCells = sparseCells(trie, table);
        ends = new boolean[states];
        for (int state = 0; state < states; state++) {
            ends[state] = output[state] != null;
        }
        if (caseless) {
            // Keywords are folded, so an upper-case ASCII letter moves the automaton as its lower case does.
            for (char c = 'A'; c <= 'Z'; c++) {
                asciiColumn[c] = asciiColumn[c + ('a' - 'A')];
            }
        }
    }

    /** Breadth first: each state's failure link and transitions from those of shallower states. */
    private void build(Trie trie, int[] table) {
        int[] queue = new int[trie.size()];
        int head = 0;
        int tail = 0;
        queue[tail++] = 0;
        while (head < tail) {
            int state = queue[head++];
            char[] chars = trie.labels(state);
            int[] children = trie.targets(state);
            for (int column = 1; column < columns; column++) {
                table[state * columns + column] = state == 0 ? 0 : table[fail[state] * columns + column];
            }
            int firstWide = chars.length;
            for (int k = 0; k < chars.length; k++) {
                char c = chars[k];
                int target = children[k];
                fail[target] = state == 0 ? 0 : transition(table, fail[state], c);
                if (c == BOUNDARY && boundaryColumn != 0) {
                    table[state * columns + boundaryColumn] = target;
                } else if (c < ASCII) {
                    table[state * columns + asciiColumn[c]] = target;
                } else if (firstWide == chars.length) {
                    firstWide = k;
                }
                queue[tail++] = target;
            }
            // The labels are sorted: those beyond ASCII come last, ascending, as the binary search wants them.
            wideChars[state] =
                    firstWide == chars.length ? NO_CHARS : Arrays.copyOfRange(chars, firstWide, chars.length);
            wideTargets[state] =
                    firstWide == chars.length ? NO_TARGETS : Arrays.copyOfRange(children, firstWide, chars.length);
            // Breadth first, the failure chain's states were all taken before this one.
            wideFail[state] = state == 0 || wideChars[state].length > 0 ? state : wideFail[fail[state]];
            int[] own = trie.ends(state);
            int[] inherited = state == 0 || output[fail[state]] == null ? NO_TARGETS : output[fail[state]];
            if (own.length + inherited.length > 0) {
                int[] all = Arrays.copyOf(own, own.length + inherited.length);
                System.arraycopy(inherited, 0, all, own.length, inherited.length);
                Arrays.sort(all);
                // Descending, as output holds them.
                for (int i = 0, j = all.length - 1; i < j; i++, j--) {
                    int swap = all[i];
                    all[i] = all[j];
                    all[j] = swap;
                }
                output[state] = all;
            }
        }
    }

    /** What a state with no such children or keywords holds: one shared empty array, not one each. */
    private static final char[] NO_CHARS = new char[0];

    private static final int[] NO_TARGETS = new int[0];

    /**
     * Folds the boundary into the transitions on ASCII characters that are no word's: each leads where the
     * character and the boundary after it lead, so that the scan reads one cell a character, not two at
     * each word's start. The state the two lead to reports what the character's own state would (every
     * keyword ending in such a character ends past the boundary too), and the boundary stays a column of
     * its own for the characters beyond ASCII and the text's start.
     */
    private void takeBoundariesAfterNonWordCharacters(int[] table) {
        boolean[] nonWordColumn = new boolean[columns];
        for (char c = 0; c < ASCII; c++) {
            nonWordColumn[asciiColumn[c]] |= !ASCII_WORD[c];
        }
        for (int row = 0; row < table.length; row += columns) {
            for (int column = 0; column < columns; column++) {
                if (nonWordColumn[column]) {
                    table[row + column] = table[table[row + column] * columns + boundaryColumn];
                }
            }
        }
    }

    /**
     * Fills {@link #sparseRows} from the full table and returns the cells that do not fit them. Each sparse
     * state's row is taken as the row of the dense state on its failure path that differs from it in the
     * fewest cells (the failure links hold the same transitions a level up), with those cells replaced.
     */
    private int[] sparseCells(Trie trie, int[] table) {
        int[] further = new int[64];
        int size = 0;
        for (int state = denseStates; state < fail.length; state++) {
            int base = -1;
            int[] differing = null;
            for (int candidate = fail[state]; ; candidate = fail[candidate]) {
                if (candidate < denseStates) {
                    int[] cells = differingColumns(table, state, candidate);
                    if (differing == null || cells.length < differing.length) {
                        base = candidate;
                        differing = cells;
                    }
                }
                if (candidate == 0) {
                    break;
                }
            }
            orderByChildren(trie, state, differing);
            long row = (long) base << 32;
            if (differing.length > 0) {
                row |= (long) differing[0] << 24 | table[state * columns + differing[0]];
            }
            if (differing.length > 1) {
                row = Long.MIN_VALUE | (long) size << 32 | row & 0xFFFF_FFFFL;
                if (size + differing.length + 1 > further.length) {
                    further = Arrays.copyOf(further, Math.max(further.length * 2, size + differing.length + 1));
                }
                further[size++] = base;
                further[size++] = differing.length - 1;
                for (int i = 1; i < differing.length; i++) {
                    further[size++] = differing[i] << 24 | table[state * columns + differing[i]];
                }
            }
            sparseRows[state - denseStates] = row;
        }
        return Arrays.copyOf(further, size);
    }

    /** The columns (from 1: column 0 leads every state to the root) where two states' rows differ. */
    private int[] differingColumns(int[] table, int state, int other) {
        int[] columnsFound = new int[columns];
        int count = 0;
        for (int column = 1; column < columns; column++) {
            if (table[state * columns + column] != table[other * columns + column]) {
                columnsFound[count++] = column;
            }
        }
        if (table[state * columns] != 0) {
            throw new IllegalStateException("column 0 leads away from the root");
        }
        return Arrays.copyOf(columnsFound, count);
    }

    /**
     * Puts first the columns of the state's own children, the one with the most states below it first of all:
     * the transition a text that follows the keywords takes, held in the sparse row's long itself.
     */
    private void orderByChildren(Trie trie, int state, int[] differing) {
        long[] keyed = new long[differing.length];
        for (int i = 0; i < differing.length; i++) {
            int below = 0;
            char[] chars = trie.labels(state);
            for (int k = 0; k < chars.length; k++) {
                char c = chars[k];
                int column = c == BOUNDARY && boundaryColumn != 0 ? boundaryColumn : c < ASCII ? asciiColumn[c] : -1;
                if (column == differing[i]) {
                    below = trie.subtreeSizes[trie.targets(state)[k]];
                }
            }
            keyed[i] = (long) (Integer.MAX_VALUE - below) << 8 | i;
        }
        Arrays.sort(keyed);
        int[] ordered = new int[differing.length];
        for (int i = 0; i < differing.length; i++) {
            ordered[i] = differing[(int) (keyed[i] & 0xFF)];
        }
        System.arraycopy(ordered, 0, differing, 0, differing.length);
    }

    /** Every occurrence of every keyword in {@code text} (at word starts only, for {@link #atWordStarts}). */
    public void parse(String text, Hits<V> hits) {
        // A copy read by index is cheaper in this loop than the string's checked, coder-switched charAt. It is
        // written into the thread's array, which the last text left in the cache: a fresh copy of every text,
        // written to memory the cache did not hold, was a per cent of a scan.
        TextCopy copy = TEXT_COPY.get();
        char[] chars = copy.take(text.length());
        try {
            text.getChars(0, text.length(), chars, 0);
            parse(chars, text.length(), hits);
        } finally {
            copy.giveBack(chars);
        }
    }

    /** Every occurrence in {@code chars}, as {@link #parse(String, Hits)} would report them in its text; the array is read, not kept. */
    public void parse(char[] chars, Hits<V> hits) {
        parse(chars, chars.length, hits);
    }

    private void parse(char[] chars, int length, Hits<V> hits) {
        if (boundaryColumn != 0) {
            scanWordStarts(chars, length, hits);
        } else {
            scan(chars, length, hits);
        }
    }

    private static final ThreadLocal<TextCopy> TEXT_COPY = ThreadLocal.withInitial(TextCopy::new);

    /**
     * A thread's array for the texts {@link #parse(String, Hits)} reads. Taken while a text is read, so that a
     * parse from inside a hit gets an array of its own; one grown for an unusually long text is not kept.
     */
    private static final class TextCopy {
        private static final int MAX_KEPT = 1 << 16;

        private char[] chars = new char[1024];

        char[] take(int length) {
            char[] taken = chars;
            chars = null;
            return taken != null && taken.length >= length ? taken : new char[length];
        }

        void giveBack(char[] taken) {
            if (taken.length <= MAX_KEPT) {
                chars = taken;
            }
        }
    }

    /** Whether some transitions lead beyond the char range: the automaton has 2<sup>16</sup> states or more. */
    boolean readsFarTargets() {
        return farCells.length > 0;
    }

    /** How many states the automaton has. */
    int states() {
        return fail.length;
    }

    /** How many states keep a full row: those of the trie's first levels. */
    int denseStates() {
        return denseStates;
    }

    private void scan(char[] chars, int length, Hits<V> hits) {
        int state = 0;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c < ASCII) {
                // Column 0, characters no keyword holds, leads every state to the root: no branch on the
                // character or the state, whose outcome a predictor cannot guess, only a read of a row.
                state = next(state, asciiColumn[c]);
                if (!ends[state]) {
                    continue;
                }
            } else {
                state = beyondAscii(state, c);
                if (output[state] == null) {
                    continue;
                }
            }
            report(i, state, hits);
        }
    }

    /**
     * The scan of a word-start automaton. The boundary is taken after each character that is no word's
     * (and before the first): with the character itself for ASCII, where the table holds both steps in one
     * cell, after reporting what the character ends for the rest. It ends no keyword, so only the
     * character's own transition can report. Every ASCII character costs one read, inside a word at the
     * root one of the root's row, which stays in the first cache: passing such a word's rest over without
     * reads was slower, for the branches mispredicted at each word's end.
     */
    private void scanWordStarts(char[] chars, int length, Hits<V> hits) {
        int state = next(0, boundaryColumn);
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c < ASCII) {
                state = next(state, asciiColumn[c]);
            } else {
                state = beyondAscii(state, c);
                if (!isWordChar(c)) {
                    if (ends[state]) {
                        reportAtWordStarts(i, state, hits);
                    }
                    state = next(state, boundaryColumn);
                    continue;
                }
            }
            if (ends[state]) {
                reportAtWordStarts(i, state, hits);
            }
        }
    }

    /**
     * {@link #report} for {@link #scanWordStarts} alone: this call site sees the lexicon's receiver alone
     * and can be inlined, where report's sees every other automaton's too.
     */
    private void reportAtWordStarts(int i, int state, Hits<V> hits) {
        for (int keyword : output[state]) {
            hits.hit(i + 1 - lengths[keyword], i + 1, values[keyword]);
        }
    }

    /** The transition of {@code state} on a column. */
    private int next(int state, int column) {
        return state < denseStates ? dense(state, column) : sparse(state, column);
    }

    private int dense(int state, int column) {
        int cell = (state << rowShift) + column;
        char next = narrow[cell];
        return next != FAR ? next : farTargets[Arrays.binarySearch(farCells, cell)];
    }

    /** A branch, not a select: a text that follows a keyword takes the first cell, and the read waits for nothing else. */
    private int sparse(int state, int column) {
        long row = sparseRows[state - denseStates];
        if ((int) (row >>> 24 & 0xFF) == column) {
            return (int) row & 0xFF_FFFF;
        }
        int reference = (int) (row >>> 32) & Integer.MAX_VALUE;
        return row >= 0 ? dense(reference, column) : further(reference, column);
    }

    /** The transition of a sparse state whose row replaces more than one cell, from its cells at {@code offset}. */
    private int further(int offset, int column) {
        int end = offset + 2 + furtherCells[offset + 1];
        for (int i = offset + 2; i < end; i++) {
            int cell = furtherCells[i];
            if (cell >>> 24 == column) {
                return cell & 0xFF_FFFF;
            }
        }
        return dense(furtherCells[offset], column);
    }

    /** The keywords that end at {@code i} in {@code state}. */
    private void report(int i, int state, Hits<V> hits) {
        for (int keyword : output[state]) {
            hits.hit(i + 1 - lengths[keyword], i + 1, values[keyword]);
        }
    }

    private static final boolean[] ASCII_WORD = asciiWordChars();

    private static boolean[] asciiWordChars() {
        boolean[] table = new boolean[ASCII];
        for (char c = 0; c < ASCII; c++) {
            table[c] = isWordChar(c);
        }
        return table;
    }

    /**
     * A letter, digit or vowel sign: what the word boundaries of {@link #atWordStarts} and its
     * callers are made of. Devanagari writes its vowels as marks inside words (दिखाता), so a mark is
     * part of the word it stands in, not a boundary.
     */
    public static boolean isWordChar(char c) {
        if (c < ASCII) {
            return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
        }
        return CharTables.has(WIDE_WORD, c);
    }

    /**
     * The word characters beyond ASCII, one bit a char: the lexicon, its hits and the word bag ask of every
     * character beyond ASCII, and each answer took a look-up of its type or two.
     */
    private static final long[] WIDE_WORD = CharTables.wide(c -> Character.isLetterOrDigit(c)
            || Character.getType(c) == Character.NON_SPACING_MARK
            || Character.getType(c) == Character.COMBINING_SPACING_MARK);

    /** A caseless automaton reads some characters beyond ASCII as ASCII letters: U+0130 as i, U+212A as k. */
    private int beyondAscii(int state, char c) {
        char folded = fold(c);
        if (folded >= ASCII) {
            return (wideInKeywords[folded >>> 6] & (1L << folded)) == 0 ? 0 : wide(state, folded);
        }
        int column = asciiColumn[folded];
        if (column == 0) {
            return 0;
        }
        return next(state, column);
    }

    /** The transition on any character while {@code table} is built, before it is narrowed to chars. */
    private int transition(int[] table, int state, char c) {
        if (c == BOUNDARY && boundaryColumn != 0) {
            return table[state * columns + boundaryColumn];
        }
        if (c < ASCII) {
            int column = asciiColumn[c];
            return column == 0 ? 0 : table[state * columns + column];
        }
        return wide(state, c);
    }

    private int wide(int state, char c) {
        int s = wideFail[state];
        while (true) {
            int found = Arrays.binarySearch(wideChars[s], c);
            if (found >= 0) {
                return wideTargets[s][found];
            }
            if (s == 0) {
                return 0;
            }
            s = wideFail[fail[s]];
        }
    }

    /**
     * Lower case char by char, as the rule pack folds its texts, for a caseless automaton; a traditional Chinese
     * character as its simplified form, as the rule pack reads its patterns ({@link HanVariants}).
     */
    private char fold(char c) {
        if (!caseless) {
            return c;
        }
        if (c < ASCII) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        if (c >= HanVariants.FIRST && c <= HanVariants.LAST) {
            return HanVariants.simplified(c);
        }
        return Character.toLowerCase(c);
    }

    /**
     * The keyword trie while it is built: each node's children as a sorted array of characters and one of
     * targets, and the keywords ending in it. A map of boxed characters and a list for each node took some
     * 200 bytes a node, and the lexicon's 400,000 nodes, twice over while they were renumbered, did not fit
     * the registry's 256 MB heap beside the table built from them; these arrays take about 60.
     */
    private static final class Trie {
        private char[][] labels = new char[1024][];
        private int[][] targets = new int[1024][];
        private int[][] ends = new int[1024][];
        private int size;
        int asciiColumns;
        /** Once {@link #renumbered}: the states of the first levels, numbered breadth first before the others. */
        int breadthFirstStates;
        /** Once {@link #renumbered}: for each state, how many states its subtree holds, itself included. */
        int[] subtreeSizes;

        Trie() {
            add();
        }

        int size() {
            return size;
        }

        /** The characters of the children of {@code state}, ascending: ASCII ones, then those beyond. */
        char[] labels(int state) {
            return labels[state];
        }

        /** The children of {@code state}, in the order of {@link #labels}. */
        int[] targets(int state) {
            return targets[state];
        }

        /** The keywords that end in {@code state}, in the order they were added; empty where none does. */
        int[] ends(int state) {
            return ends[state];
        }

        void addEnd(int state, int keyword) {
            int[] old = ends[state];
            int[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = keyword;
            ends[state] = grown;
        }

        int child(int state, char c) {
            char[] chars = labels[state];
            int found = Arrays.binarySearch(chars, c);
            if (found >= 0) {
                return targets[state][found];
            }
            int at = -found - 1;
            int created = add();
            labels[state] = insert(chars, at, c);
            targets[state] = insert(targets[state], at, created);
            return created;
        }

        private static char[] insert(char[] array, int at, char value) {
            char[] grown = new char[array.length + 1];
            System.arraycopy(array, 0, grown, 0, at);
            grown[at] = value;
            System.arraycopy(array, at, grown, at + 1, array.length - at);
            return grown;
        }

        private static int[] insert(int[] array, int at, int value) {
            int[] grown = new int[array.length + 1];
            System.arraycopy(array, 0, grown, 0, at);
            grown[at] = value;
            System.arraycopy(array, at, grown, at + 1, array.length - at);
            return grown;
        }

        /**
         * The same trie renumbered in two parts. First the states whose path holds no character beyond
         * ASCII (the boundary is one): their first {@code levels} levels below the root breadth first, then
         * the level below those, then the subtrees below that level depth first, each after the one before;
         * then the rest, each subtree below a character beyond ASCII depth first. A text of ASCII alone, most
         * tool text, only ever visits the first part. A full row leads at most one level below the rows (two
         * where a character that is no word's takes the boundary after it), so numbering that level with the
         * rows keeps nearly all their targets in the char table's range. The lexicon's first part has outgrown
         * that range (some 150,000 states): numbered depth first from the rows' last level, a far cell, searched
         * for in {@link KeywordAutomaton#farCells}, was read for one character in 32 of Docker's texts; so, for
         * one in 270.
         */
        Trie renumbered(int levels) {
            Numbering numbering = new Numbering(size);
            numbering.number(0);
            int levelEnd = 1;
            int depth = 0;
            int next = 0;
            for (; next < numbering.count && depth < levels; next++) {
                numberAsciiChildren(numbering, numbering.order[next]);
                if (next + 1 == levelEnd) {
                    depth++;
                    levelEnd = numbering.count;
                }
            }
            int frontier = numbering.count;
            for (int i = next; i < frontier; i++) {
                numberAsciiChildren(numbering, numbering.order[i]);
            }
            int below = numbering.count;
            for (int i = frontier; i < below; i++) {
                numberDepthFirst(numbering, numbering.order[i], true);
            }
            int asciiStates = numbering.count;
            for (int i = 0; i < asciiStates; i++) {
                int state = numbering.order[i];
                char[] chars = labels[state];
                for (int k = 0; k < chars.length; k++) {
                    if (chars[k] >= ASCII) {
                        numbering.number(targets[state][k]);
                        numberDepthFirst(numbering, targets[state][k], false);
                    }
                }
            }
            Trie result = new Trie();
            result.asciiColumns = asciiColumns;
            result.breadthFirstStates = frontier;
            result.labels = new char[size][];
            result.targets = new int[size][];
            result.ends = new int[size][];
            result.size = size;
            for (int state = 0; state < size; state++) {
                int old = numbering.order[state];
                int[] moved = targets[old].clone();
                for (int k = 0; k < moved.length; k++) {
                    moved[k] = numbering.renumbered[moved[k]];
                }
                result.labels[state] = labels[old];
                result.targets[state] = moved;
                result.ends[state] = ends[old];
            }
            result.subtreeSizes = new int[size];
            for (int state = size - 1; state >= 0; state--) {
                result.subtreeSizes[state]++;
                for (int child : result.targets[state]) {
                    result.subtreeSizes[state] += result.subtreeSizes[child];
                }
            }
            return result;
        }

        private void numberAsciiChildren(Numbering numbering, int state) {
            char[] chars = labels[state];
            for (int k = 0; k < chars.length && chars[k] < ASCII; k++) {
                numbering.number(targets[state][k]);
            }
        }

        /** Numbers the descendants of {@code root} depth first; with {@code asciiOnly}, those reached by ASCII alone. */
        private void numberDepthFirst(Numbering numbering, int root, boolean asciiOnly) {
            ArrayDeque<Integer> stack = new ArrayDeque<>();
            pushChildren(stack, root, asciiOnly);
            while (!stack.isEmpty()) {
                int node = stack.pop();
                numbering.number(node);
                pushChildren(stack, node, asciiOnly);
            }
        }

        private void pushChildren(ArrayDeque<Integer> stack, int node, boolean asciiOnly) {
            char[] chars = labels[node];
            for (int k = chars.length - 1; k >= 0; k--) {
                if (!asciiOnly || chars[k] < ASCII) {
                    stack.push(targets[node][k]);
                }
            }
        }

        private int add() {
            if (size == labels.length) {
                labels = Arrays.copyOf(labels, size * 2);
                targets = Arrays.copyOf(targets, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            labels[size] = NO_CHARS;
            targets[size] = NO_TARGETS;
            ends[size] = NO_TARGETS;
            return size++;
        }
    }

    /** The new number of each trie state, given in the order the states are visited. */
    private static final class Numbering {
        final int[] renumbered;
        /** The old states by their new number, the first {@link #count} of them given. */
        final int[] order;

        int count;

        Numbering(int states) {
            renumbered = new int[states];
            order = new int[states];
        }

        void number(int state) {
            renumbered[state] = count;
            order[count++] = state;
        }
    }
}
