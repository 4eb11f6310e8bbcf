package dev.vouch.scanner.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CaseFoldingTest {

    @Test
    void lowerCasesAsTheJdkDoesDottedCapitalIAndAll() {
        for (String text : List.of(
                "",
                "Plain ASCII Text",
                "\u0130",
                "B\u0130LG\u0130 and \u0130stanbul",
                "\u0130\u0130\u0130",
                "Stra\u00dfe \u0391\u03a3 \u03a3\u0391\u0392\u0391\u03a3 \ud801\udc00 \u0130x",
                // A sigma's lower case reads the letters beside it: final before a space, not before "İ".
                "\u0391\u03a3\u0130 \u0130\u03a3 \u0391\u03a3\u0130\u03a3 \u03a3\u0130")) {
            assertThat(CaseFolding.lower(text)).as(text).isEqualTo(text.toLowerCase(Locale.ROOT));
        }
    }
}
