package dev.vouch.scanner.intent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.scanner.match.KeywordAutomaton;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hints and marker words read at word starts find what a caseless keyword automaton over the whole text
 * found.
 */
class EncodedSpansHintsTest {

    private static final int ROT13 = 1;
    private static final int REVERSED = 2;
    private static final int ROT13_MARKER = 4;
    private static final int REVERSED_MARKER = 8;
    private static final int CAESAR = 16;
    private static final int ATBASH = 32;

    private static final KeywordAutomaton<Integer> REFERENCE = new KeywordAutomaton<>(
            Map.ofEntries(
                    Map.entry("rot13", ROT13),
                    Map.entry("rot-13", ROT13),
                    Map.entry("rot 13", ROT13),
                    Map.entry("caesar", ROT13 | CAESAR),
                    Map.entry("atbash", ATBASH),
                    Map.entry("backward", REVERSED),
                    Map.entry("reversed", REVERSED),
                    Map.entry("right to left", REVERSED),
                    Map.entry("right-to-left", REVERSED),
                    Map.entry("last letter first", REVERSED),
                    Map.entry("gur", ROT13_MARKER),
                    Map.entry("naq", ROT13_MARKER),
                    Map.entry("lbh", ROT13_MARKER),
                    Map.entry("eht", REVERSED_MARKER),
                    Map.entry("dna", REVERSED_MARKER),
                    Map.entry("uoy", REVERSED_MARKER)),
            true);

    /** Pieces of hints, their look-alikes and what may stand around them, in any case. */
    private static final String[] PIECES = {
        "rot",
        "13",
        "rot13",
        "ROT-13",
        "Rot 13",
        "caesar",
        "CAESAREAN",
        "Atbash",
        "backward",
        "Backwards",
        "reversed",
        "right",
        " to ",
        "left",
        "-",
        "last",
        "letter",
        "first",
        "compatible",
        " compat",
        "s",
        " ",
        "_",
        ".",
        "x",
        "é",
        "\u0130",
        "\u212A",
        "bac\u212Award",
        "r\u0130ght",
        "  ",
        "\n",
        "9",
        "lAst LeTTer fIrSt",
        "gur",
        "Naq",
        "lbhe",
        "eht",
        "dnas",
        "uoy",
        "figure"
    };

    @Test
    void findsTheHintsTheAutomatonFindsAtWordStarts() {
        Random random = new Random(20261130);
        for (int round = 0; round < 200_000; round++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(12);
            for (int p = 0; p < pieces; p++) {
                String piece = PIECES[random.nextInt(PIECES.length)];
                text.append(random.nextBoolean() ? piece : piece.toUpperCase(java.util.Locale.ROOT));
            }
            String t = text.toString();
            assertThat(EncodedSpans.hints(t)).as(t).isEqualTo(referenceHints(t));
        }
    }

    /** The reading before this change: every occurrence, then kept where it is a whole word. */
    private static int referenceHints(String text) {
        int[] kinds = {0};
        REFERENCE.parse(text, (begin, end, kind) -> {
            int wordEnd = end < text.length() && (text.charAt(end) | 0x20) == 's' ? end + 1 : end;
            boolean whole = (begin == 0 || !KeywordAutomaton.isWordChar(text.charAt(begin - 1)))
                    && (wordEnd == text.length() || !KeywordAutomaton.isWordChar(text.charAt(wordEnd)));
            boolean compatible = wordEnd < text.length()
                    && (text.charAt(wordEnd) == ' ' || text.charAt(wordEnd) == '-')
                    && text.regionMatches(true, wordEnd + 1, "compatib", 0, "compatib".length());
            if (whole && !(kind == REVERSED && compatible)) {
                kinds[0] |= kind;
            }
        });
        return kinds[0];
    }
}
