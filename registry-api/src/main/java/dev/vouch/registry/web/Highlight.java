package dev.vouch.registry.web;

import java.util.List;

/**
 * A text with the span a finding points at marked. The scanner's evidence is an excerpt of the field
 * with "…" where it was cut; the excerpt is found in the field's text and marked there, with some of
 * the text around it. Where it cannot be found (the scanner made invisible characters visible), the
 * excerpt itself is marked.
 */
public record Highlight(String before, String marked, String after) {

    private static final int CONTEXT = 160;
    private static final String CUT = "…";

    static Highlight of(String fieldText, String evidence) {
        String excerpt = evidence;
        if (excerpt.startsWith(CUT)) {
            excerpt = excerpt.substring(CUT.length());
        }
        if (excerpt.endsWith(CUT)) {
            excerpt = excerpt.substring(0, excerpt.length() - CUT.length());
        }
        int at = excerpt.isEmpty() ? -1 : fieldText.indexOf(excerpt);
        if (at < 0) {
            return new Highlight("", evidence, "");
        }
        int end = at + excerpt.length();
        int from = Math.max(0, at - CONTEXT);
        int to = Math.min(fieldText.length(), end + CONTEXT);
        return new Highlight(
                (from > 0 ? CUT : "") + fieldText.substring(from, at),
                excerpt,
                fieldText.substring(end, to) + (to < fieldText.length() ? CUT : ""));
    }

    static List<Highlight> none() {
        return List.of();
    }
}
