package dev.vouch.scanner.checks;

import dev.vouch.scanner.Family;
import dev.vouch.scanner.Finding;
import dev.vouch.scanner.Severity;
import dev.vouch.scanner.input.FieldKind;
import dev.vouch.scanner.match.AsciiRuns;
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

    private static final int MIN_BASE64_RUN = 100;
    private static final int MIN_HEX_RUN = 128;
    private static final Set<FieldKind> PROSE =
            EnumSet.of(FieldKind.DESCRIPTION, FieldKind.SCHEMA_TEXT, FieldKind.PROMPT);
    private static final Set<FieldKind> IDENTIFIERS = EnumSet.of(FieldKind.NAME, FieldKind.PROPERTY_NAME);
    private static final Set<UnicodeScript> CONFUSABLE_WITH_LATIN =
            EnumSet.of(UnicodeScript.CYRILLIC, UnicodeScript.GREEK, UnicodeScript.ARMENIAN, UnicodeScript.CHEROKEE);

    @Override
    public List<Finding> check(ScannedField scanned) {
        String pointer = scanned.field().pointer();
        List<Anomaly> anomalies = scanned.normalized().anomalies();
        String text = scanned.normalized().text();
        FieldKind kind = scanned.field().kind();
        Finding blob = PROSE.contains(kind) ? blob(text, pointer) : null;
        String mixed = scanned.normalized().ascii() ? null : mixedScriptWord(text);
        if (anomalies.isEmpty() && blob == null && mixed == null) {
            // Nearly every field: no list made for nothing found.
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        // Indexed: most texts have none, and the empty list's iterator was made for each all the same.
        for (int a = 0; a < anomalies.size(); a++) {
            findings.add(anomalyFinding(anomalies.get(a), pointer));
        }
        if (blob != null) {
            findings.add(blob);
        }
        if (mixed != null) {
            findings.add(new Finding(
                    "VR-HIDDEN-HOMOGLYPH",
                    Family.HIDDEN_CONTENT,
                    IDENTIFIERS.contains(kind) ? Severity.BLOCK : Severity.REVIEW,
                    pointer,
                    "mixes Latin with look-alike letters of another script: " + mixed));
        }
        return findings;
    }

    private static Finding anomalyFinding(Anomaly anomaly, String pointer) {
        return switch (anomaly.kind()) {
            case TAG_CHARACTERS ->
                new Finding(
                        "VR-HIDDEN-TAGS",
                        Family.HIDDEN_CONTENT,
                        Severity.BLOCK,
                        pointer,
                        "invisible Unicode tag characters carry text: " + anomaly.shown());
            case INVISIBLE_BITS ->
                new Finding(
                        "VR-HIDDEN-BITS",
                        Family.HIDDEN_CONTENT,
                        Severity.BLOCK,
                        pointer,
                        "invisible characters carry text as bits: " + anomaly.shown());
            case INVISIBLE_RUN ->
                new Finding(
                        "VR-HIDDEN-ZERO-WIDTH",
                        Family.HIDDEN_CONTENT,
                        Severity.REVIEW,
                        pointer,
                        "a long run of zero-width characters (" + anomaly.shown() + ") hides what a reader cannot see");
            case BIDI_CONTROL ->
                new Finding(
                        "VR-HIDDEN-BIDI",
                        Family.HIDDEN_CONTENT,
                        Severity.BLOCK,
                        pointer,
                        "bidirectional control character " + anomaly.shown() + " reorders the visible text");
            case TERMINAL_ESCAPE ->
                new Finding(
                        "VR-HIDDEN-ANSI",
                        Family.HIDDEN_CONTENT,
                        Severity.BLOCK,
                        pointer,
                        "terminal escape sequence " + anomaly.shown() + " can rewrite what a terminal shows");
            case VARIATION_SELECTORS ->
                new Finding(
                        "VR-HIDDEN-SELECTORS",
                        Family.HIDDEN_CONTENT,
                        Severity.BLOCK,
                        pointer,
                        anomaly.shown() + " can encode hidden bytes");
            case ZERO_WIDTH ->
                new Finding(
                        "VR-HIDDEN-ZERO-WIDTH",
                        Family.HIDDEN_CONTENT,
                        Severity.REVIEW,
                        pointer,
                        "zero-width character " + anomaly.shown() + " inside visible text");
            case ESCAPED_SEQUENCE ->
                new Finding(
                        "VR-HIDDEN-ESCAPED",
                        Family.HIDDEN_CONTENT,
                        Severity.REVIEW,
                        pointer,
                        "escape sequence written as text for a later decoder: " + anomaly.shown());
            case WHITESPACE_PADDING ->
                new Finding(
                        "VR-HIDDEN-PADDING",
                        Family.HIDDEN_CONTENT,
                        Severity.REVIEW,
                        pointer,
                        "a long blank run pushes the text after it out of view");
        };
    }

    /**
     * The finding on the first long run of base64 or hex characters, or null. A counted-repetition regex would do the
     * same with a hundred-state automaton per character; a run counter is one comparison.
     */
    private static Finding blob(String text, String pointer) {
        int runStart = 0;
        int base64 = 0;
        int hex = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (base64 == 0) {
                // Between runs: a blob long enough to report (a hex one is longer still) starts where
                // MIN_BASE64_RUN of its characters follow.
                i = AsciiRuns.nextStart(text, i, MIN_BASE64_RUN, BLOB_ALPHABET);
                if (i < 0) {
                    return null;
                }
            }
            char c = i < text.length() ? text.charAt(i) : ' ';
            byte kind = c < 0x80 ? BLOB_CHAR[c] : 0;
            boolean isHex = kind == HEX_CHAR;
            if (kind != 0) {
                if (base64 == 0) {
                    runStart = i;
                }
                base64++;
                hex = isHex ? hex + 1 : 0;
                continue;
            }
            if (hex >= MIN_HEX_RUN || base64 >= MIN_BASE64_RUN) {
                String rule = hex >= MIN_HEX_RUN ? "VR-HIDDEN-HEX" : "VR-HIDDEN-BASE64";
                return new Finding(
                        rule,
                        Family.HIDDEN_CONTENT,
                        Severity.REVIEW,
                        pointer,
                        "long encoded blob: " + Excerpts.around(text, runStart, runStart + 60));
            }
            base64 = 0;
            hex = 0;
        }
        return null;
    }

    private static final byte BASE64_CHAR = 1;
    private static final byte HEX_CHAR = 2;
    /** For each ASCII character, whether it is a hex digit, another base64 character, or neither (0). */
    private static final byte[] BLOB_CHAR = blobChars();
    /** The characters of either kind of blob. */
    private static final boolean[] BLOB_ALPHABET = blobAlphabet();

    private static boolean[] blobAlphabet() {
        boolean[] alphabet = new boolean[BLOB_CHAR.length];
        for (int c = 0; c < alphabet.length; c++) {
            alphabet[c] = BLOB_CHAR[c] != 0;
        }
        return alphabet;
    }

    private static byte[] blobChars() {
        byte[] kinds = new byte[0x80];
        for (char c = 0; c < 0x80; c++) {
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            boolean base64 = (c >= 'g' && c <= 'z') || (c >= 'G' && c <= 'Z') || c == '+' || c == '/';
            kinds[c] = hex ? HEX_CHAR : base64 ? BASE64_CHAR : 0;
        }
        return kinds;
    }

    /** Whether any letter of {@code text} belongs to a script confusable with Latin. */
    private static boolean hasConfusableLetter(String text) {
        for (int i = 0; i < text.length(); ) {
            // Below U+0370 lie only Latin, IPA, modifiers and combining marks, and no surrogate.
            if (text.charAt(i) < 0x370) {
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp) && CONFUSABLE_WITH_LATIN.contains(UnicodeScript.of(cp))) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** The first mostly-Latin word with letters of a confusable script in it, or null. */
    static String mixedScriptWord(String text) {
        if (!hasConfusableLetter(text)) {
            return null;
        }
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
                // A Latin word with a few look-alike letters slipped in; gibberish mixing many scripts is not a
                // disguise.
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
