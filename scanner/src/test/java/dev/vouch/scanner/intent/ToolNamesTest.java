package dev.vouch.scanner.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToolNamesTest {

    private final ToolNames names = Lexicon.bundled().toolNames();

    @Test
    void aNameWithAReadingWordAndNoWritingWordOnlyReads() {
        assertThat(names.readsOnly("list_projects")).isTrue();
        assertThat(names.readsOnly("getRates")).isTrue();
        assertThat(names.readsOnly("search-docs")).isTrue();
    }

    @Test
    void aNameOpeningOnAReadingVerbReadsWhateverNounsFollow() {
        assertThat(names.readsOnly("get_order")).isTrue();
        assertThat(names.readsOnly("read_email")).isTrue();
        assertThat(names.readsOnly("getRunLogs")).isTrue();
        assertThat(names.readsOnly("identify_constant")).isTrue();
        assertThat(names.readsOnly("introspect")).isTrue();
    }

    @Test
    void aWritingWordPastAConjunctionIsASecondVerb() {
        assertThat(names.readsOnly("find_and_replace")).isFalse();
        assertThat(names.readsOnly("fetch-then-send")).isFalse();
    }

    @Test
    void aWritingWordOrNoKnownWordMayChangeSomething() {
        assertThat(names.readsOnly("send_reminder")).isFalse();
        assertThat(names.readsOnly("get_or_create_user")).isFalse();
        assertThat(names.readsOnly("dome_control")).isFalse();
        assertThat(names.readsOnly("irrops_mode")).isFalse();
    }

    @Test
    void namesInTheLanguagesOfTheLexiconAreReadToo() {
        assertThat(names.readsOnly("listar_contas")).isTrue();
        assertThat(names.readsOnly("consultar_saldo")).isTrue();
        assertThat(names.readsOnly("cerca_studente")).isTrue();
        assertThat(names.readsOnly("plausibilitaet_pruefen")).isTrue();
        assertThat(names.readsOnly("chercher_et_supprimer")).isFalse();
        assertThat(names.readsOnly("enviar_pix")).isFalse();
        assertThat(names.readsOnly("steuerjahr_anlegen")).isFalse();
        assertThat(names.readsOnly("registra_voto")).isFalse();
    }

    @Test
    void namesSplitAtPunctuationAndCaseChanges() {
        assertThat(ToolNames.words("listDevices_v2")).containsExactly("list", "devices", "v2");
    }

    @Test
    void toolsOfWellKnownServersAreKnownByTheirLowerCasedNames() {
        assertThat(names.isWellKnown("send_email")).isTrue();
        assertThat(names.isWellKnown("write_file")).isTrue();
        assertThat(names.isWellKnown("create_pull_request")).isTrue();
        assertThat(names.isWellKnown("Send_Email")).isFalse();
        assertThat(names.isWellKnown("get_uv_index")).isFalse();
    }

    @Test
    void aWellKnownToolInCamelCaseIsReadAsItsServerSpellsIt() {
        assertThat(names.isWellKnown("getconsolelogs")).isTrue();
        // Lower-cased, "getconsolelogs" is one word no reading word names; spelled, it opens on "get".
        assertThat(names.isWellKnownWriter("getconsolelogs")).isFalse();
        assertThat(names.isWellKnownWriter("send_email")).isTrue();
        assertThat(names.isWellKnownWriter("read_file")).isFalse();
    }
}
