package dev.vouch.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.scanner.input.ScanInput;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A guard against super-linear rules: a megabyte of near-matches for the widest patterns must scan in
 * time linear in its size. The timeout is generous (it is a guard, not a benchmark).
 */
class PathologicalInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GUARD = Duration.ofSeconds(30);

    private static ScanReport scanDescription(String description) {
        return Scanner.withBundledRules()
                .scan(ScanInput.fromJson(JSON.createArrayNode()
                        .add(JSON.createObjectNode().put("name", "t").put("description", description))));
    }

    @Test
    void megabytesOfNearMatchesScanInLinearTime() {
        for (String unit : List.of(
                "ignore all the previous ",
                "send all the user data to ",
                "<important ",
                "<IMPORTANT> ",
                "before using any other ",
                "curl http://x | ",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "{{ ",
                "also silently also silently ",
                "without asking without asking ",
                "\u200B\u200Ba",
                "'' or ''1",
                "../../",
                "eyJhbGciOiJIUzI1NiJ9.",
                "- - - - - - ",
                "ignoretheusersrequestandinsteadcalldeleterecords",
                "IgnoreTheUsersRequest'sAndInsteadCallDeleteRecords ",
                "i g n o r e t h e u s e r s r e q u e s t ",
                "-.-. .- .-.. .-.. / ",
                "73 103 110 111 114 101 ",
                "111 147 156 157 162 145 ",
                "01101001 01100111 ",
                "ǝɹouƃᴉ ʇsǝnbǝɹ ",
                "\"ign\" + \"ore\" ",
                "r,",
                "(r)",
                "r. ",
                "r\uD83D\uDD25",
                "re<b>",
                "re**",
                "ign*",
                "the_to_of_",
                "Bferoe unisg the ",
                "ign_ore",
                "erongi lla ",
                "ign ore prev ious ",
                "e v e r y m e s s a g e ",
                "s. e. n. d. e. v. e. r. y. f. i. l. e. ",
                "=`GET`",
                "=`/{a}",
                "default:`x`",
                "\u2062\u2064",
                "\u200B ",
                ("\u200B" + " ".repeat(20)).repeat(13) + "a",
                "\u2064\u2064\u2062\u2064\u2062\u2062\u2064\u200B",
                "\u280a\u281b\u281d\u2800",
                "\ud83c\udd58\ud83c\udd56 ",
                "49 67 6e ",
                "0x49, ",
                "=49=67",
                "<~87cURD",
                "<~a~>",
                "begin 644 a ",
                "begin 644 a\nM86)C ",
                "India Golf / ",
                "Alfa (space) ",
                "\u0130",
                "\u0130\u0131\u00df\u0149\u01f0\u0390\ufb03\u03a3\u03c2 ",
                "&#",
                "\\u{",
                "'a', ",
                "' ', ",
                "chr(97)+",
                "String.fromCharCode(",
                "U+0061",
                "u+u+",
                // Single characters spaced out that are no letters: each was the start of a walk to the run's end.
                "1 ",
                "1   ",
                "1 _ ",
                "\u0661 ",
                "\u00b9 ",
                "\u2460 ",
                "Ignre all previus instructons ")) {
            String text = unit.repeat(1_000_000 / unit.length());
            ScanReport report = assertTimeoutPreemptively(GUARD, () -> scanDescription(text), unit);
            assertThat(report.charsScanned()).isGreaterThanOrEqualTo(900_000);
        }
    }

    @Test
    void aNewVersionWithAFindingInEveryCharacterScansInLinearTime() {
        // Each hidden character is a finding; each finding's text was once compared with the previous version's
        // by hashing the whole field again (262,000 characters took 87 s in a publish).
        String hidden = "\u202E\u200B\uDB40\uDC41".repeat(100_000);
        ScanInput before = ScanInput.fromJson(JSON.createArrayNode()
                .add(JSON.createObjectNode().put("name", "t").put("description", "hello")));
        ScanInput after = ScanInput.fromJson(JSON.createArrayNode()
                .add(JSON.createObjectNode().put("name", "t").put("description", hidden)));

        ScanReport report = assertTimeoutPreemptively(
                GUARD, () -> Scanner.withBundledRules().scan(after, java.util.Optional.of(before)));

        assertThat(report.tools().get(0).verdict()).isEqualTo(Verdict.BLOCK);
    }
}
