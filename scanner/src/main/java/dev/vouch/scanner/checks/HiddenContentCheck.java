package dev.vouch.scanner.checks;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.vouch.scanner.Family;
import dev.vouch.scanner.Finding;
import dev.vouch.scanner.Severity;
import dev.vouch.scanner.input.FieldKind;
import dev.vouch.scanner.normalize.Anomaly;
import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Family 8, hidden or obfuscated content: what the normaliser removed, long encoded blobs in prose,
 * and words that mix scripts to look like other words.
 */
public final class HiddenContentCheck implements FieldCheck {

    private static final Pattern BASE64_BLOB = Pattern.compile("[A-Za-z0-9+/]{100,}={0,2}");
    private static final Pattern HEX_BLOB = Pattern.compile("\\b(?:[0-9a-fA-F]{2}){64,}\\b|(?:\\\\x[0-9a-fA-F]{2}){16,}");
    private static final Set<FieldKind> PROSE = EnumSet.of(FieldKind.DESCRIPTION, FieldKind.SCHEMA_TEXT,
            FieldKind.PROMPT);
    private static final Set<FieldKind> IDENTIFIERS = EnumSet.of(FieldKind.NAME, FieldKind.PROPERTY_NAME);
    private static final Set<UnicodeScript> CONFUSABLE_WITH_LATIN = EnumSet.of(UnicodeScript.CYRILLIC,
            UnicodeScript.GREEK, UnicodeScript.ARMENIAN, UnicodeScript.CHEROKEE);

    @Override
    public List<Finding> check(ScannedField scanned) {
        List<Finding> findings = new ArrayList<>();
        String pointer = scanned.field().pointer();
        for (Anomaly anomaly : scanned.normalized().anomalies()) {
            findings.add(anomalyFinding(anomaly, pointer));
        }
        String text = scanned.normalized().text();
        FieldKind kind = scanned.field().kind();
        if (PROSE.contains(kind)) {
            blob(BASE64_BLOB, "VR-HIDDEN-BASE64", text, pointer, findings);
            blob(HEX_BLOB, "VR-HIDDEN-HEX", text, pointer, findings);
        }
        String mixed = mixedScriptWord(text);
        if (mixed != null) {
            findings.add(new Finding("VR-HIDDEN-HOMOGLYPH", Family.HIDDEN_CONTENT,
                    IDENTIFIERS.contains(kind) ? Severity.BLOCK : Severity.REVIEW, pointer,
                    "mixes Latin with look-alike letters of another script: " + mixed));
        }
        return findings;
    }

    private static Finding anomalyFinding(Anomaly anomaly, String pointer) {
        return switch (anomaly.kind()) {
            case TAG_CHARACTERS -> new Finding("VR-HIDDEN-TAGS", Family.HIDDEN_CONTENT, Severity.BLOCK, pointer,
                    "invisible Unicode tag characters carry text: " + anomaly.shown());
            case BIDI_CONTROL -> new Finding("VR-HIDDEN-BIDI", Family.HIDDEN_CONTENT, Severity.BLOCK, pointer,
                    "bidirectional control character " + anomaly.shown() + " reorders the visible text");
            case TERMINAL_ESCAPE -> new Finding("VR-HIDDEN-ANSI", Family.HIDDEN_CONTENT, Severity.BLOCK, pointer,
                    "terminal escape sequence " + anomaly.shown() + " can rewrite what a terminal shows");
            case VARIATION_SELECTORS -> new Finding("VR-HIDDEN-SELECTORS", Family.HIDDEN_CONTENT, Severity.BLOCK,
                    pointer, anomaly.shown() + " can encode hidden bytes");
            case ZERO_WIDTH -> new Finding("VR-HIDDEN-ZERO-WIDTH", Family.HIDDEN_CONTENT, Severity.REVIEW, pointer,
                    "zero-width character " + anomaly.shown() + " inside visible text");
            case ESCAPED_SEQUENCE -> new Finding("VR-HIDDEN-ESCAPED", Family.HIDDEN_CONTENT, Severity.REVIEW, pointer,
                    "escape sequence written as text for a later decoder: " + anomaly.shown());
            case WHITESPACE_PADDING -> new Finding("VR-HIDDEN-PADDING", Family.HIDDEN_CONTENT, Severity.REVIEW,
                    pointer, "a long blank run pushes the text after it out of view");
        };
    }

    private static void blob(Pattern pattern, String ruleId, String text, String pointer, List<Finding> findings) {
        Matcher matcher = pattern.matcher(text);
        if (matcher.find()) {
            findings.add(new Finding(ruleId, Family.HIDDEN_CONTENT, Severity.REVIEW, pointer,
                    "long encoded blob: " + Excerpts.around(text, matcher.start(), Math.min(matcher.end(),
                            matcher.start() + 60))));
        }
    }

    /** The first mostly-Latin word with letters of a confusable script in it, or null. */
    static String mixedScriptWord(String text) {
        int wordStart = -1;
        int latin = 0;
        int confusable = 0;
        int letters = 0;
        for (int i = 0; i <= text.length(); ) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            if (Character.isLetter(cp)) {
                if (wordStart < 0) {
                    wordStart = i;
                    latin = 0;
                    confusable = 0;
                    letters = 0;
                }
                UnicodeScript script = UnicodeScript.of(cp);
                letters++;
                latin += script == UnicodeScript.LATIN && cp < 0x250 ? 1 : 0;
                confusable += CONFUSABLE_WITH_LATIN.contains(script) ? 1 : 0;
            } else {
                // A Latin word with a few look-alike letters slipped in; gibberish mixing many scripts is not a disguise.
                if (wordStart >= 0 && confusable > 0 && letters >= 3 && 2 * latin >= letters) {
                    return text.substring(wordStart, i);
                }
                wordStart = -1;
            }
            i += Character.charCount(cp);
        }
        return null;
    }
}
