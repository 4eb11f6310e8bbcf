package dev.vouch.scanner.checks;

import dev.vouch.scanner.normalize.Normalizer;

/** Evidence excerpts: the matched text with some context, invisible characters made visible. */
public final class Excerpts {

    private static final int CONTEXT = 40;
    private static final int MAX_LENGTH = 240;

    private Excerpts() {}

    public static String around(String text, int start, int end) {
        int from = Math.max(0, start - CONTEXT);
        int to = Math.min(text.length(), Math.max(end, start) + CONTEXT);
        String excerpt = text.substring(from, to);
        if (excerpt.length() > MAX_LENGTH) {
            excerpt = excerpt.substring(0, MAX_LENGTH);
        }
        // One line of evidence: the line break normalising keeps between list items reads as the space it was.
        String line = excerpt.replace('\n', ' ');
        return (from > 0 ? "…" : "") + Normalizer.escapeAll(line) + (to < text.length() ? "…" : "");
    }

    public static String of(String text) {
        return around(text, 0, Math.min(text.length(), MAX_LENGTH - 2 * CONTEXT));
    }
}
