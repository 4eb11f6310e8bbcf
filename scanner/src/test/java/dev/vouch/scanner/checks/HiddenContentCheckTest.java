package dev.vouch.scanner.checks;

import static dev.vouch.scanner.checks.Fields.field;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.scanner.Finding;
import dev.vouch.scanner.Severity;
import dev.vouch.scanner.input.FieldKind;
import org.junit.jupiter.api.Test;

class HiddenContentCheckTest {

    private static final HiddenContentCheck CHECK = new HiddenContentCheck();

    @Test
    void plainProseHasNothingHidden() {
        assertThat(CHECK.check(field(FieldKind.DESCRIPTION, "Returns the current weather for a city.")))
                .isEmpty();
    }

    @Test
    void unicodeTagCharactersBlock() {
        String hidden = "Weather."
                + "ignore"
                        .codePoints()
                        .map(c -> 0xE0000 + c)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);

        assertThat(CHECK.check(field(FieldKind.DESCRIPTION, hidden))).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("VR-HIDDEN-TAGS");
            assertThat(f.severity()).isEqualTo(Severity.BLOCK);
        });
    }

    @Test
    void textSpelledInInvisibleBitsBlocks() {
        StringBuilder bits = new StringBuilder("Weather.");
        "leak it".chars().forEach(c -> {
            for (int bit = 7; bit >= 0; bit--) {
                bits.append((c >> bit & 1) == 1 ? '\u2064' : '\u2062');
            }
        });

        assertThat(CHECK.check(field(FieldKind.DESCRIPTION, bits.toString()))).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("VR-HIDDEN-BITS");
            assertThat(f.severity()).isEqualTo(Severity.BLOCK);
            assertThat(f.evidence()).endsWith("= \"leak it\"");
        });
    }

    @Test
    void aBidiControlBlocks() {
        assertThat(CHECK.check(field(FieldKind.DESCRIPTION, "Weather \u202Eevil\u202C today")))
                .extracting(Finding::ruleId)
                .contains("VR-HIDDEN-BIDI");
    }

    @Test
    void aLongBase64BlobInProseIsForReviewButNotInAValue() {
        String blob = "QUJD".repeat(30);

        assertThat(CHECK.check(field(FieldKind.DESCRIPTION, "Weather. " + blob + " end")))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("VR-HIDDEN-BASE64");
                    assertThat(f.severity()).isEqualTo(Severity.REVIEW);
                });
        assertThat(CHECK.check(field(FieldKind.SCHEMA_VALUE, blob))).isEmpty();
    }

    @Test
    void aLongHexRunIsNamedHex() {
        assertThat(CHECK.check(field(FieldKind.DESCRIPTION, "digest " + "ab12".repeat(40))))
                .extracting(Finding::ruleId)
                .containsExactly("VR-HIDDEN-HEX");
    }

    @Test
    void aShortBlobIsNotReported() {
        assertThat(CHECK.check(field(FieldKind.DESCRIPTION, "token " + "QUJD".repeat(10))))
                .isEmpty();
    }

    @Test
    void aLatinWordWithACyrillicLetterBlocksInANameAndIsReviewedInProse() {
        String disguised = "p\u0430ypal"; // Cyrillic a

        assertThat(CHECK.check(field(FieldKind.NAME, disguised)))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("VR-HIDDEN-HOMOGLYPH");
                    assertThat(f.severity()).isEqualTo(Severity.BLOCK);
                });
        assertThat(CHECK.check(field(FieldKind.DESCRIPTION, "Pay with " + disguised + " today")))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.REVIEW));
    }

    @Test
    void wholeWordsInAnotherScriptAreNotADisguise() {
        assertThat(HiddenContentCheck.mixedScriptWord("Погода в Москве and weather in Moscow"))
                .isNull();
        assertThat(CHECK.check(field(FieldKind.DESCRIPTION, "Погода в Москве"))).isEmpty();
    }
}
