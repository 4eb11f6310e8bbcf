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
    void aNameEndingOnAReadingWordReadsWhatAWritingNounBeforeItNames() {
        assertThat(names.readsOnly("issue_search")).isTrue();
        assertThat(names.readsOnly("log_viewer")).isTrue();
        assertThat(names.readsOnly("order_status")).isTrue();
        assertThat(names.readsOnly("update_status")).isFalse();
        assertThat(names.readsOnly("mark_older_than_read")).isFalse();
        assertThat(names.readsOnly("message_or_search")).isFalse();
        assertThat(names.readsOnly("email_summary")).isFalse();
    }

    @Test
    void aNameOfWhatReadsOrComputesReadsAndIncrementingWrites() {
        assertThat(names.readsOnly("invoice_parser")).isTrue();
        assertThat(names.readsOnly("star_counter")).isTrue();
        assertThat(names.readsOnly("lead_score")).isTrue();
        assertThat(names.readsOnly("increment_counter")).isFalse();
    }

    @Test
    void aNameSaysItWritesByAWritingWordThatIsNotWhatItReads() {
        assertThat(names.saysItWrites("cancel_subscription")).isTrue();
        assertThat(names.saysItWrites("manage_functions")).isTrue();
        assertThat(names.saysItWrites("get_order")).isFalse();
        assertThat(names.saysItWrites("usage_report")).isFalse();
        assertThat(names.saysItWrites("invoice_parser")).isFalse();
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
        assertThat(names.wellKnown().spelling("send_email")).isNotNull();
        assertThat(names.wellKnown().spelling("write_file")).isNotNull();
        assertThat(names.wellKnown().spelling("create_pull_request")).isNotNull();
        assertThat(names.wellKnown().spelling("Send_Email")).isNull();
        assertThat(names.wellKnown().spelling("get_uv_index")).isNull();
    }

    @Test
    void aWellKnownToolInCamelCaseIsReadAsItsServerSpellsIt() {
        assertThat(names.wellKnown().spelling("getconsolelogs")).isNotNull();
        // Lower-cased, "getconsolelogs" is one word no reading word names; spelled, it opens on "get".
        assertThat(names.readsOnly(names.wellKnown().spelling("getconsolelogs")))
                .isTrue();
        assertThat(names.readsOnly(names.wellKnown().spelling("send_email"))).isFalse();
        assertThat(names.readsOnly(names.wellKnown().spelling("read_file"))).isTrue();
    }
}
