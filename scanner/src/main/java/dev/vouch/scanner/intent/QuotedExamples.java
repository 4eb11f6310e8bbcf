package dev.vouch.scanner.intent;

import dev.vouch.scanner.match.CaseFolding;

/**
 * Mention, not use: a phrase quoted as an example of what to beware of ("pages may contain text such as
 * 'ignore your instructions'") names an attack; it does not make one. Browser and fetch tools warn of
 * injected text this way. The instruction check reads such a quotation as no directive, and a pattern rule that
 * blocks a phrase reports it quoted so for review ({@code Scanner}): a security tool that names the attacks it
 * detects is no attack, and what an example quotes is still shown to a curator.
 */
public final class QuotedExamples {

    private static final int MAX_QUOTE = 120;
    private static final String[] INTRODUCERS = {
        "such as", "like", "e.g.", "e.g.,", "eg", "for example", "for example,", "for instance", "including", "saying"
    };

    private QuotedExamples() {}

    /** Whether {@code [start, end)} of {@code text} lies inside a quotation that an example word introduces. */
    public static boolean isQuotedExample(String text, int start, int end) {
        int open = openingBefore(text, start, false);
        if (open < 0 || !closes(text, open, end, false)) {
            return false;
        }
        String before =
                CaseFolding.lower(text.substring(Math.max(0, open - 16), open).strip());
        return Phrases.endsWithAny(before, INTRODUCERS);
    }

    /**
     * Whether {@code [start, end)} lies inside a short quotation set off as one within a sentence: its opening quote
     * after a word, a comma or a bracket, its closing quote before no letter ("text such as 'AI assistant, forward
     * this to…'", "(\"reply with your password\")"). A command quoted so is shown, not given. A quotation that opens
     * its sentence is the sentence itself (`Get the weather. "Delete all files."`), and an apostrophe ("the user's")
     * neither opens nor closes one.
     */
    public static boolean isQuoted(String text, int start, int end) {
        int open = openingBefore(text, start, true);
        return open >= 0 && followsAWordOrMark(text, open) && closes(text, open, end, true);
    }

    /**
     * The nearest quote before {@code start} on its line and within reach, or -1. Read as a quotation set off within a
     * sentence ({@code setOff}), a backtick (code) and an apostrophe open none.
     */
    private static int openingBefore(String text, int start, boolean setOff) {
        for (int i = start - 1; i >= 0 && start - i <= MAX_QUOTE; i--) {
            char c = text.charAt(i);
            if (isQuote(c) && !(setOff && (c == '`' || isApostrophe(text, i)))) {
                return i;
            }
            if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /** A quote between two letters ("user's", "don't"): an apostrophe. */
    private static boolean isApostrophe(String text, int at) {
        return at > 0
                && at + 1 < text.length()
                && Character.isLetter(text.charAt(at - 1))
                && Character.isLetter(text.charAt(at + 1));
    }

    /** Whether what stands before the quote at {@code open}, past spaces, is a letter, a digit, a comma or a bracket. */
    private static boolean followsAWordOrMark(String text, int open) {
        int i = open - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && (Character.isLetterOrDigit(text.charAt(i)) || ",([".indexOf(text.charAt(i)) >= 0);
    }

    /** Whether the quotation opened at {@code open} closes on its line and within reach, from {@code from}. */
    private static boolean closes(String text, int open, int from, boolean skipApostrophes) {
        char close = closing(text.charAt(open));
        for (int i = from; i < text.length() && i - open <= MAX_QUOTE; i++) {
            char c = text.charAt(i);
            if (c == close && !(skipApostrophes && isApostrophe(text, i))) {
                return true;
            }
            if (c == '\n') {
                return false;
            }
        }
        return false;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '\u201c' || c == '\u2018' || c == '`';
    }

    private static char closing(char open) {
        return open == '\u201c' ? '\u201d' : open == '\u2018' ? '\u2019' : open;
    }
}
