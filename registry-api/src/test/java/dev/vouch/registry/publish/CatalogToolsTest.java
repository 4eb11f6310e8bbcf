package dev.vouch.registry.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.TestStores;
import dev.vouch.registry.domain.ServerName;
import dev.vouch.scanner.intent.OtherTools;
import dev.vouch.store.NewVersion;
import dev.vouch.store.ReviewState;
import dev.vouch.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogToolsTest {

    @TempDir
    Path dataDir;

    private static NewVersion server(String name, String... tools) {
        StringBuilder list = new StringBuilder("[");
        for (String tool : tools) {
            list.append(list.length() > 1 ? "," : "")
                    .append("{\"name\":\"")
                    .append(tool)
                    .append("\"}");
        }
        String manifest = "{\"name\":\"" + name + "\",\"version\":\"1.0.0\"}";
        return new NewVersion(
                name,
                "1.0.0",
                manifest.getBytes(StandardCharsets.UTF_8),
                "0".repeat(64),
                "A server",
                Optional.empty(),
                Optional.of(list.append("]").toString().getBytes(StandardCharsets.UTF_8)),
                Instant.parse("2026-12-01T00:00:00Z"),
                true,
                "t",
                ReviewState.PUBLISHED,
                "community",
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void eachServerSitsBesideEveryOtherServersToolsButNotItsOwn() {
        try (Store store = TestStores.open(dataDir)) {
            store.write(repos -> {
                // A name three servers share, a name of one word, and names one server alone has.
                repos.versions().insert(server("io.example/a", "search_docs", "approve_payment", "ledger"));
                repos.versions().insert(server("io.example/b", "search_docs", "Search_Docs"));
                repos.versions().insert(server("io.example/c", "search_docs", "sendEmail"));
                return null;
            });

            OtherTools besideA = CatalogTools.besides(store, "io.example/a");
            OtherTools besideC = CatalogTools.besides(store, "io.example/c");

            assertThat(besideA.spelling("search_docs")).isIn("search_docs", "Search_Docs");
            assertThat(besideA.spelling("approve_payment")).isNull();
            assertThat(besideA.spelling("sendemail")).isEqualTo("sendEmail");
            assertThat(besideC.spelling("approve_payment")).isEqualTo("approve_payment");
            assertThat(besideC.spelling("sendemail")).isNull();
            assertThat(besideC.spelling("ledger")).isNull();
        }
    }

    @Test
    void pastItsShareOfLookupsAScanIsAnsweredFromOneReadOfTheCatalog() {
        try (Store store = TestStores.open(dataDir)) {
            store.write(repos -> {
                repos.versions().insert(server("io.example/a", "approve_payment"));
                return null;
            });
            OtherTools beside = CatalogTools.besides(store, "io.example/b");

            for (int i = 0; i < CatalogTools.MAX_LOOKUPS; i++) {
                assertThat(beside.spelling("made_up_" + i)).isNull();
            }
            // Padding a text with made-up names does not hide the one that matters.
            assertThat(beside.spelling("approve_payment")).isEqualTo("approve_payment");
            assertThat(beside.spelling("x".repeat(300))).isNull();
        }
    }

    @Test
    void toolsNamedLikeOtherPublishersAreListedOnceEachInAnyCaseButNotTheSamePublishers() {
        try (Store store = TestStores.open(dataDir)) {
            store.write(repos -> {
                repos.versions().insert(server("com.mail/mail", "send_email", "search"));
                repos.versions().insert(server("com.crm/crm", "Send_Email", "list_tasks"));
                repos.versions().insert(server("io.example/notes", "send_email"));
                return null;
            });

            List<SharedToolName> shared = CatalogTools.sharingNames(
                    store,
                    new ServerName("io.example", "weather"),
                    List.of("SEND_EMAIL", "send_email", "search", "get_forecast", ""));

            // "search" is one word: shared by many servers, it says nothing.
            assertThat(shared)
                    .containsExactly(
                            new SharedToolName("SEND_EMAIL", "com.crm/crm", "community"),
                            new SharedToolName("SEND_EMAIL", "com.mail/mail", "community"));
            assertThat(CatalogTools.sharingNames(store, new ServerName("io.example", "weather"), List.of()))
                    .isEmpty();
        }
    }

    @Test
    void aNameHundredsOfServersShareIsListedForTheFirstHundred() {
        try (Store store = TestStores.open(dataDir)) {
            store.write(repos -> {
                for (int i = 0; i < CatalogTools.MAX_SHARED + 20; i++) {
                    repos.versions().insert(server("com.vendor" + i + "/tasks", "list_tasks"));
                }
                return null;
            });

            assertThat(CatalogTools.sharingNames(store, new ServerName("io.example", "todo"), List.of("list_tasks")))
                    .hasSize(CatalogTools.MAX_SHARED);
        }
    }
}
