package dev.vouch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The behaviour every store backend must show; each backend runs it on a fresh database. */
abstract class StoreContract {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456Z");

    @TempDir
    Path dataDir;

    Store store;

    abstract Store openStore(Path dataDir);

    /** A second store on the database {@link #openStore} opened, as a second node would open it. */
    abstract Store openSameDatabase();

    @BeforeEach
    void open() {
        store = openStore(dataDir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static NewVersion version(String name, String version, Instant at, boolean latest) {
        return version(name, version, at, latest, Optional.empty());
    }

    /** A published version of {@code name} with the tool list {@code tools} (as JSON text). */
    static NewVersion withTools(String name, String version, boolean latest, String tools) {
        return version(name, version, T0, latest, Optional.of(tools.getBytes(StandardCharsets.UTF_8)));
    }

    private static NewVersion version(String name, String version, Instant at, boolean latest, Optional<byte[]> tools) {
        String json = "{\"name\":\"" + name + "\",\"version\":\"" + version + "\"}";
        return new NewVersion(
                name,
                version,
                json.getBytes(StandardCharsets.UTF_8),
                "0".repeat(64),
                "A server named " + name,
                Optional.empty(),
                tools,
                at,
                latest,
                "token-1",
                ReviewState.PUBLISHED,
                "community",
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    static VersionQuery all(int limit, Optional<PageKey> after) {
        return new VersionQuery(
                Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), after, limit);
    }

    @Test
    void storesManifestBytesExactlyAsGiven() {
        byte[] manifest =
                "{ \"name\" : \"io.github.a/x\",\n  \"emoji\": \"\u00e9\u2603\" }".getBytes(StandardCharsets.UTF_8);
        NewVersion v = new NewVersion(
                "io.github.a/x",
                "1.0.0",
                manifest,
                "a".repeat(64),
                "d",
                Optional.of("X"),
                Optional.of("[]".getBytes(StandardCharsets.UTF_8)),
                T0,
                true,
                "t",
                ReviewState.PUBLISHED,
                "community",
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        store.write(r -> r.versions().insert(v));

        StoredVersion stored =
                store.read(r -> r.versions().find("io.github.a/x", "1.0.0")).orElseThrow();
        assertThat(stored.manifest()).isEqualTo(manifest);
        assertThat(stored.publishedAt()).isEqualTo(T0);
        assertThat(stored.status()).isEqualTo(VersionStatus.ACTIVE);
        assertThat(stored.latest()).isTrue();
        assertThat(stored.tools())
                .hasValueSatisfying(
                        t -> assertThat(new String(t, StandardCharsets.UTF_8)).isEqualTo("[]"));
    }

    @Test
    void duplicateVersionIsRefusedAndOriginalKept() {
        store.write(r -> r.versions().insert(version("io.github.a/x", "1.0.0", T0, true)));
        NewVersion again = new NewVersion(
                "io.github.a/x",
                "1.0.0",
                "{}".getBytes(StandardCharsets.UTF_8),
                "b".repeat(64),
                "other",
                Optional.empty(),
                Optional.empty(),
                T0.plusSeconds(5),
                true,
                "t",
                ReviewState.PUBLISHED,
                "community",
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        assertThatThrownBy(() -> store.write(r -> r.versions().insert(again)))
                .isInstanceOf(DuplicateVersionException.class);
        assertThat(store.read(r -> r.versions().find("io.github.a/x", "1.0.0"))
                        .orElseThrow()
                        .manifestSha256())
                .isEqualTo("0".repeat(64));
    }

    @Test
    void failedTransactionLeavesNothingBehind() {
        assertThatThrownBy(() -> store.write(r -> {
                    r.versions().insert(version("io.github.a/x", "1.0.0", T0, true));
                    r.audit().append(new AuditEvent(T0, "t", "publish", "io.github.a/x@1.0.0", "{}"));
                    throw new IllegalStateException("policy said no");
                }))
                .isInstanceOf(IllegalStateException.class);

        int versions = store.read(r -> r.versions().countVersions("io.github.a/x"));
        List<AuditRecord> audit = store.read(r -> r.audit().read(0, 10));
        assertThat(versions).isZero();
        assertThat(audit).isEmpty();
    }

    @Test
    void pagesFollowNameThenPublicationOrderWithoutGapsOrRepeats() {
        store.write(r -> {
            r.versions().insert(version("io.github.b/y", "1.0.0", T0, true));
            r.versions().insert(version("io.github.a/x", "1.0.0", T0, false));
            r.versions().insert(version("io.github.a/x", "2.0.0", T0, true));
            return null;
        });

        Page<StoredVersion> first = store.read(r -> r.versions().list(all(2, Optional.empty())));
        assertThat(first.items()).extracting(StoredVersion::version).containsExactly("1.0.0", "2.0.0");
        assertThat(first.next()).isPresent();
        Page<StoredVersion> second = store.read(r -> r.versions().list(all(2, first.next())));
        assertThat(second.items()).extracting(StoredVersion::serverName).containsExactly("io.github.b/y");
        assertThat(second.next()).isEmpty();
    }

    @Test
    void stampsListTheSamePagesAndListedLoadsTheirVersionsInOneRead() {
        store.write(r -> {
            r.versions().insert(version("io.github.b/y", "1.0.0", T0, true));
            r.versions().insert(version("io.github.a/x", "1.0.0", T0, false));
            r.versions().insert(version("io.github.a/x", "2.0.0", T0.plusSeconds(1), true));
            return null;
        });

        Page<StoredVersion> first = store.read(r -> r.versions().list(all(2, Optional.empty())));
        Page<VersionStamp> stamps = store.read(r -> r.versions().listStamps(all(2, Optional.empty())));
        assertThat(stamps.items())
                .isEqualTo(first.items().stream().map(VersionStamp::of).toList());
        assertThat(stamps.next()).isEqualTo(first.next());
        assertThat(store.read(r -> r.versions().listStamps(all(2, stamps.next())))
                        .items())
                .extracting(VersionStamp::serverName)
                .containsExactly("io.github.b/y");
        List<VersionStamp> versionStamps = store.read(r -> r.versions().listVersionStamps("io.github.a/x", false));
        List<StoredVersion> versions = store.read(r -> r.versions().listVersions("io.github.a/x", false));
        assertThat(versionStamps)
                .isEqualTo(versions.stream().map(VersionStamp::of).toList());

        Map<Long, StoredVersion> listed = store.read(r -> r.versions()
                .listed(stamps.items().stream().map(VersionStamp::id).toList()));
        assertThat(listed).hasSize(2);
        for (StoredVersion version : first.items()) {
            StoredVersion loaded = listed.get(version.id());
            assertThat(loaded.manifest()).isEqualTo(version.manifest());
            assertThat(VersionStamp.of(loaded)).isEqualTo(VersionStamp.of(version));
            assertThat(loaded.trust())
                    .map(String::new)
                    .isEqualTo(version.trust().map(String::new));
        }
        Map<Long, StoredVersion> none = store.read(r -> r.versions().listed(List.of()));
        assertThat(none).isEmpty();
    }

    @Test
    void stampsCarryEveryStatusAsTheWholeVersionsDo() {
        store.write(r -> {
            r.versions().insert(version("io.github.a/x", "1.0.0", T0, false));
            r.versions().insert(version("io.github.a/x", "2.0.0", T0.plusSeconds(1), false));
            r.versions().insert(version("io.github.a/x", "3.0.0", T0.plusSeconds(2), true));
            r.versions()
                    .updateStatus(
                            "io.github.a/x",
                            Optional.of("1.0.0"),
                            VersionStatus.DELETED,
                            Optional.empty(),
                            T0.plusSeconds(3));
            r.versions()
                    .updateStatus(
                            "io.github.a/x",
                            Optional.of("2.0.0"),
                            VersionStatus.DEPRECATED,
                            Optional.of("use 3.0.0"),
                            T0.plusSeconds(3));
            return null;
        });

        List<VersionStamp> stamps = store.read(r -> r.versions().listVersionStamps("io.github.a/x", true));
        List<StoredVersion> versions = store.read(r -> r.versions().listVersions("io.github.a/x", true));

        assertThat(stamps).isEqualTo(versions.stream().map(VersionStamp::of).toList());
        assertThat(stamps)
                .extracting(VersionStamp::status)
                .containsExactlyInAnyOrder(VersionStatus.DELETED, VersionStatus.DEPRECATED, VersionStatus.ACTIVE);
    }

    @Test
    void searchMatchesNameOrDescriptionIgnoringCaseAndTreatsWildcardsLiterally() {
        store.write(r -> {
            r.versions().insert(version("io.github.a/weather", "1.0.0", T0, true));
            r.versions().insert(version("io.github.a/files", "1.0.0", T0, true));
            return null;
        });
        VersionQuery weather = new VersionQuery(
                Optional.of("WEATH"),
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty(),
                10);
        VersionQuery wildcard = new VersionQuery(
                Optional.of("%"), Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(), 10);

        assertThat(store.read(r -> r.versions().list(weather)).items())
                .extracting(StoredVersion::serverName)
                .containsExactly("io.github.a/weather");
        assertThat(store.read(r -> r.versions().list(wildcard)).items()).isEmpty();
    }

    static NewVersion described(String name, String title, String description, String tools) {
        String json = "{\"name\":\"" + name + "\",\"version\":\"1.0.0\"}";
        return new NewVersion(
                name,
                "1.0.0",
                json.getBytes(StandardCharsets.UTF_8),
                "0".repeat(64),
                description,
                Optional.ofNullable(title),
                Optional.of(tools.getBytes(StandardCharsets.UTF_8)),
                T0,
                true,
                "t",
                ReviewState.PUBLISHED,
                "community",
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** Which servers' latest versions have a tool named {@code key}, and how each spells it. */
    private Map<String, String> serversWithTool(String key) {
        return store.read(r -> r.versions().serversWithTool(key, "io.example/elsewhere"));
    }

    @Test
    void theCatalogsToolNamesAreThoseOfEachServersLatestVersionFoundInAnyCase() {
        store.write(r -> {
            r.versions()
                    .insert(withTools(
                            "io.example/finance",
                            "1.0.0",
                            true,
                            "[{\"name\":\"Approve_Payment\"},{\"type\":\"function\",\"function\":{\"name\":\"list_payments\"}},"
                                    + "{\"title\":\"unnamed\"},\"not a tool\",{\"name\":7},{\"name\":\""
                                    + "x".repeat(3000) + "\"}]"));
            r.versions().insert(withTools("io.example/notes", "1.0.0", true, "[{\"name\":\"save_note\"}]"));
            r.versions().insert(withTools("io.example/other-notes", "1.0.0", true, "[{\"name\":\"Save_Note\"}]"));
            r.versions().insert(withTools("io.example/broken", "1.0.0", true, "not JSON"));
            return null;
        });
        assertThat(serversWithTool("approve_payment")).containsOnly(Map.entry("io.example/finance", "Approve_Payment"));
        assertThat(serversWithTool("list_payments")).containsOnly(Map.entry("io.example/finance", "list_payments"));
        assertThat(serversWithTool("save_note"))
                .containsOnly(
                        Map.entry("io.example/notes", "save_note"), Map.entry("io.example/other-notes", "Save_Note"));
        assertThat(serversWithTool("x".repeat(3000))).isEmpty();
        Map<String, String> besideNotes =
                store.read(r -> r.versions().serversWithTool("save_note", "io.example/notes"));
        assertThat(besideNotes).containsOnly(Map.entry("io.example/other-notes", "Save_Note"));
        Map<String, String> outsideFinance = store.read(r -> r.versions().toolsOutside("io.example/finance"));
        assertThat(outsideFinance).containsOnly(Map.entry("save_note", "save_note"));

        store.write(r -> {
            // A new latest version replaces its server's names; a version that is not the latest adds none.
            r.versions().clearLatest("io.example/notes", T0.plusSeconds(1));
            r.versions().insert(withTools("io.example/notes", "2.0.0", true, "[{\"name\":\"share_note\"}]"));
            r.versions().insert(withTools("io.example/finance", "0.9.0", false, "[{\"name\":\"wire_funds\"}]"));
            // A server none of whose versions keeps the mark has no tools in the catalog.
            r.versions().clearLatest("io.example/finance", T0.plusSeconds(2));
            return null;
        });
        assertThat(serversWithTool("save_note")).containsOnly(Map.entry("io.example/other-notes", "Save_Note"));
        assertThat(serversWithTool("share_note")).containsOnly(Map.entry("io.example/notes", "share_note"));
        assertThat(serversWithTool("approve_payment")).isEmpty();
        assertThat(serversWithTool("wire_funds")).isEmpty();
    }

    @Test
    void toolsNamedListsOtherPublishersLatestToolsWithTheirTierByKeyThenServer() {
        store.write(r -> {
            r.versions().insert(withTools("com.mail/mail", "1.0.0", true, "[{\"name\":\"Send_Email\"}]"));
            r.versions().insert(withTools("com.crm/crm", "1.0.0", true, "[{\"name\":\"send_email\"}]"));
            r.versions().insert(withTools("com.old/old", "1.0.0", false, "[{\"name\":\"send_email\"}]"));
            r.versions().insert(withTools("io.example/sibling", "1.0.0", true, "[{\"name\":\"send_email\"}]"));
            r.versions().insert(withTools("io.example.eu/mail", "1.0.0", true, "[{\"name\":\"send_email\"}]"));
            return null;
        });
        List<String> keys = new ArrayList<>();
        keys.add("send_email");
        for (int i = 0; i < 1_200; i++) {
            keys.add("made_up_" + i);
        }

        assertThat(toolsNamed(keys, 10))
                .containsExactly(
                        new CatalogTool("send_email", "com.crm/crm", "send_email", "community"),
                        new CatalogTool("send_email", "com.mail/mail", "Send_Email", "community"),
                        new CatalogTool("send_email", "io.example.eu/mail", "send_email", "community"));
        assertThat(toolsNamed(keys, 1)).extracting(CatalogTool::serverName).containsExactly("com.crm/crm");
        assertThat(toolsNamed(List.of(), 10)).isEmpty();
    }

    private List<CatalogTool> toolsNamed(List<String> keys, int limit) {
        return store.read(r -> r.versions().toolsNamed(keys, "io.example", limit));
    }

    static VersionQuery search(String term, int limit, Optional<PageKey> after) {
        return new VersionQuery(
                Optional.of(term), Optional.empty(), Optional.empty(), false, Optional.empty(), after, limit);
    }

    private List<String> found(String term) {
        return store.read(r -> r.versions().list(search(term, 10, Optional.empty()))).items().stream()
                .map(StoredVersion::serverName)
                .toList();
    }

    @Test
    void searchRanksNameAndTitleAboveDescriptionAboveTools() {
        store.write(r -> {
            r.versions()
                    .insert(described(
                            "io.example/tools-only",
                            null,
                            "Manages things",
                            "[{\"name\":\"weather_now\",\"description\":\"weather\"}]"));
            r.versions().insert(described("io.example/described", null, "Weather for agents", "[]"));
            r.versions().insert(described("io.example/weather", "Weather", "Forecasts", "[]"));
            return null;
        });

        assertThat(found("weather"))
                .containsExactly("io.example/weather", "io.example/described", "io.example/tools-only");
    }

    @Test
    void searchFindsTitlesToolNamesWordPrefixesJoinedWordsAndTypos() {
        store.write(r -> {
            r.versions()
                    .insert(described(
                            "io.github.wonderwhy-er/desktop-commander", "Desktop Commander", "Terminal control", "[]"));
            r.versions()
                    .insert(described(
                            "com.stripe/mcp",
                            "Stripe",
                            "Payments",
                            "[{\"name\":\"create_customer\",\"description\":\"Create a customer\"}]"));
            r.versions()
                    .insert(described(
                            "io.github.modelcontextprotocol/server-filesystem",
                            "Filesystem",
                            "Secure file operations",
                            "[]"));
            return null;
        });

        assertThat(found("Desktop Commander")).containsExactly("io.github.wonderwhy-er/desktop-commander");
        assertThat(found("create_customer")).containsExactly("com.stripe/mcp");
        assertThat(found("desk")).containsExactly("io.github.wonderwhy-er/desktop-commander");
        assertThat(found("file system")).contains("io.github.modelcontextprotocol/server-filesystem");
        assertThat(found("filesytem")).containsExactly("io.github.modelcontextprotocol/server-filesystem");
        assertThat(found("zzzqqq")).isEmpty();
    }

    @Test
    void searchTermsInAnyScriptOrFullOfQuerySyntaxFindWhatTheyNameAndNeverFail() {
        store.write(r -> {
            r.versions().insert(described("io.example/cafe", "Café naïve", "Kaffee für Straße", "[]"));
            r.versions().insert(described("io.example/nihongo", "日本語", "Русский текст", "[]"));
            return null;
        });

        assertThat(found("cafe naive")).containsExactly("io.example/cafe");
        assertThat(found("текст")).containsExactly("io.example/nihongo");
        for (String hostile : List.of(
                "'&|!:*()",
                "a:b & !c | d:*",
                "\"unterminated",
                "<-> <2>",
                "\u0000x",
                "((((",
                "x'; DROP TABLE audit_log; --",
                "\ud83d\ude00 emoji",
                "日本語")) {
            assertThat(store.read(r -> r.versions().list(search(hostile, 10, Optional.empty())))
                            .items())
                    .as(hostile)
                    .isNotNull();
        }
        List<AuditRecord> audit = store.read(r -> r.audit().read(0, 10));
        assertThat(audit).isEmpty();
    }

    @Test
    void searchPagesFollowRelevanceWithoutGapsOrRepeats() {
        store.write(r -> {
            for (int i = 0; i < 7; i++) {
                r.versions().insert(described("io.example/data-" + i, null, "data ".repeat(i + 1) + "store", "[]"));
            }
            r.versions().insert(version("io.example/data-0", "2.0.0", T0, false));
            return null;
        });

        List<String> seen = new java.util.ArrayList<>();
        Optional<PageKey> after = Optional.empty();
        do {
            Optional<PageKey> key = after;
            Page<StoredVersion> page = store.read(r -> r.versions().list(search("data", 3, key)));
            page.items().forEach(v -> seen.add(v.serverName() + "@" + v.version()));
            after = page.next();
        } while (after.isPresent());

        assertThat(seen).hasSize(8).doesNotHaveDuplicates();
        assertThat(seen.indexOf("io.example/data-0@2.0.0")).isEqualTo(seen.indexOf("io.example/data-0@1.0.0") + 1);
    }

    /** PostgreSQL's driver switches a statement to binary results after a few runs; scores must not change. */
    @Test
    void searchCursorsWalkTheSameWayEveryTimeTheSameQueryRuns() {
        store.write(r -> {
            for (int i = 0; i < 6; i++) {
                r.versions().insert(described("io.example/data-" + i, null, "data ".repeat(i % 4 + 1) + "store", "[]"));
                r.versions().insert(version("io.example/data-" + i, "2.0.0", T0, false));
            }
            return null;
        });

        List<List<String>> walks = new java.util.ArrayList<>();
        for (int round = 0; round < 4; round++) {
            List<String> seen = new java.util.ArrayList<>();
            Optional<PageKey> after = Optional.empty();
            do {
                Optional<PageKey> key = after;
                // Three to a page: pages end between a server's two versions.
                Page<StoredVersion> page = store.read(r -> r.versions().list(search("data", 3, key)));
                page.items().forEach(v -> seen.add(v.serverName() + "@" + v.version()));
                after = page.next();
            } while (after.isPresent());
            walks.add(seen);
        }

        assertThat(walks.get(0)).hasSize(12).doesNotHaveDuplicates();
        assertThat(walks).allSatisfy(walk -> assertThat(walk).isEqualTo(walks.get(0)));
    }

    @Test
    void keysHoldingANulCharacterMatchNothingAndNeverFail() {
        store.write(r -> {
            r.versions().insert(version("io.github.a/x", "1.0.0", T0, true));
            r.versions().insert(version("io.github.b/y", "1.0.0", T0, true));
            return null;
        });
        VersionQuery exactNul = new VersionQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.of(new VersionQuery.VersionSelector.Exact("1.0.0\u0000")),
                false,
                Optional.empty(),
                Optional.empty(),
                10);
        VersionQuery tierNul = new VersionQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.of("community\u0000"),
                Optional.empty(),
                10);

        Optional<StoredVersion> nameNul = store.read(r -> r.versions().find("io.github.a/x\u0000", "1.0.0"));
        Optional<StoredVersion> versionNul = store.read(r -> r.versions().find("io.github.a/x", "\u00001.0.0"));
        Optional<StoredVersion> latestNul = store.read(r -> r.versions().findLatest("\u0000"));
        List<StoredVersion> versionsNul = store.read(r -> r.versions().listVersions("io.github.a/x\u0000", true));
        assertThat(nameNul).isEmpty();
        assertThat(versionNul).isEmpty();
        assertThat(latestNul).isEmpty();
        assertThat(versionsNul).isEmpty();
        assertThat(store.read(r -> r.versions().list(exactNul)).items()).isEmpty();
        assertThat(store.read(r -> r.versions().list(tierNul)).items()).isEmpty();
        assertThat(store.read(r ->
                                r.versions().list(all(10, Optional.of(new PageKey.ByName("io.github.a/x\u0000zz", 1)))))
                        .items())
                .extracting(StoredVersion::serverName)
                .containsExactly("io.github.b/y");
        assertThat(store.read(r -> r.versions().list(all(10, Optional.of(new PageKey.ByName("\u0000\u0000", 0)))))
                        .items())
                .hasSize(2);
    }

    @Test
    void everyWriteBumpsTheCatalogChangeSequence() {
        long before = store.changeSequence();
        store.write(r -> r.versions().insert(version("io.github.a/x", "1.0.0", T0, true)));
        long afterInsert = store.changeSequence();
        store.write(r -> r.versions()
                .updateStatus("io.github.a/x", Optional.of("1.0.0"), VersionStatus.DEPRECATED, Optional.empty(), T0));

        assertThat(afterInsert).isGreaterThan(before);
        assertThat(store.changeSequence()).isGreaterThan(afterInsert);
    }

    @Test
    void theGenerationMovesWithThisStoresWritesAtOnceAndWithAnothersOnItsNextPoll() {
        // An interval no test waits for: the polls below are the ones that count.
        CatalogGeneration generation = store.followChanges(java.time.Duration.ofHours(1));
        try (Store other = openSameDatabase()) {
            long start = generation.current();
            store.write(r -> r.versions().insert(version("io.github.a/x", "1.0.0", T0, true)));
            long afterOwnWrite = generation.current();
            generation.poll();

            assertThat(afterOwnWrite).isNotEqualTo(start);
            assertThat(generation.current())
                    .as("its own write is not news to a poll")
                    .isEqualTo(afterOwnWrite);

            other.write(r -> r.versions().insert(version("io.github.a/x", "1.1.0", T0, false)));
            assertThat(generation.current()).isEqualTo(afterOwnWrite);
            generation.poll();
            long afterOthersWrite = generation.current();

            assertThat(afterOthersWrite).isNotEqualTo(afterOwnWrite);
            other.writeBookkeeping(r -> {
                r.mirror()
                        .saveCheckpoint(new MirrorCheckpoint(
                                "https://upstream.example",
                                Optional.of(T0),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()));
                return null;
            });
            generation.poll();
            assertThat(generation.current()).isEqualTo(afterOthersWrite);
        }
    }

    @Test
    void feedListsChangesInTheOrderTheyHappened() {
        store.write(r -> {
            r.versions().insert(version("io.github.b/y", "1.0.0", T0, true));
            r.versions().insert(version("io.github.a/x", "1.0.0", T0.plusSeconds(1), true));
            return null;
        });
        store.write(r -> r.versions()
                .updateStatus(
                        "io.github.b/y",
                        Optional.of("1.0.0"),
                        VersionStatus.DEPRECATED,
                        Optional.empty(),
                        T0.plusSeconds(2)));
        VersionQuery feed = new VersionQuery(
                Optional.empty(),
                Optional.of(T0.minusSeconds(1)),
                Optional.empty(),
                true,
                Optional.empty(),
                Optional.empty(),
                1);

        Page<StoredVersion> first = store.read(r -> r.versions().list(feed));
        Page<StoredVersion> second = store.read(r -> r.versions()
                .list(new VersionQuery(
                        feed.search(), feed.updatedSince(), feed.version(), true, feed.tier(), first.next(), 1)));

        assertThat(first.items()).extracting(StoredVersion::serverName).containsExactly("io.github.a/x");
        assertThat(second.items()).extracting(StoredVersion::serverName).containsExactly("io.github.b/y");
        assertThat(second.next()).isEmpty();
    }

    @Test
    void listingsLeaveTheColdBlobsToDetailReads() {
        store.write(r -> r.versions().insert(described("io.example/x", null, "d", "[{\"name\":\"t\"}]")));

        StoredVersion listed = store.read(r -> r.versions().list(all(10, Optional.empty())))
                .items()
                .get(0);
        StoredVersion found =
                store.read(r -> r.versions().find("io.example/x", "1.0.0")).orElseThrow();

        assertThat(listed.tools()).isEmpty();
        assertThat(found.tools()).isPresent();
        assertThat(listed)
                .usingRecursiveComparison()
                .ignoringFields("tools", "report")
                .isEqualTo(found);
        List<StoredVersion> detailed = store.read(r -> r.versions().withDetails(List.of(listed)));
        assertThat(detailed).singleElement().usingRecursiveComparison().isEqualTo(found);
    }

    @Test
    void updatedSinceIsStrictAndDeletedEntriesAreHiddenUnlessAsked() {
        store.write(r -> {
            r.versions().insert(version("io.github.a/x", "1.0.0", T0, true));
            r.versions().insert(version("io.github.a/y", "1.0.0", T0, true));
            return null;
        });
        Instant later = T0.plusSeconds(60);
        store.write(r -> r.versions()
                .updateStatus(
                        "io.github.a/y", Optional.of("1.0.0"), VersionStatus.DELETED, Optional.of("malware"), later));

        VersionQuery since = new VersionQuery(
                Optional.empty(), Optional.of(T0), Optional.empty(), true, Optional.empty(), Optional.empty(), 10);
        VersionQuery sinceLater = new VersionQuery(
                Optional.empty(), Optional.of(later), Optional.empty(), true, Optional.empty(), Optional.empty(), 10);

        assertThat(store.read(r -> r.versions().list(since)).items())
                .extracting(StoredVersion::serverName)
                .containsExactly("io.github.a/y");
        assertThat(store.read(r -> r.versions().list(sinceLater)).items()).isEmpty();
        assertThat(store.read(r -> r.versions().list(all(10, Optional.empty()))).items())
                .extracting(StoredVersion::serverName)
                .containsExactly("io.github.a/x");
        StoredVersion deleted =
                store.read(r -> r.versions().find("io.github.a/y", "1.0.0")).orElseThrow();
        assertThat(deleted.statusMessage()).contains("malware");
        assertThat(deleted.statusChangedAt()).isEqualTo(later);
    }

    @Test
    void latestSelectorReturnsOnlyTheMarkedVersion() {
        store.write(r -> {
            r.versions().insert(version("io.github.a/x", "1.0.0", T0, true));
            r.versions().clearLatest("io.github.a/x", T0);
            r.versions().insert(version("io.github.a/x", "1.1.0", T0, true));
            return null;
        });
        VersionQuery latest = new VersionQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.of(new VersionQuery.VersionSelector.Latest()),
                false,
                Optional.empty(),
                Optional.empty(),
                10);

        assertThat(store.read(r -> r.versions().list(latest)).items())
                .extracting(StoredVersion::version)
                .containsExactly("1.1.0");
        assertThat(store.read(r -> r.versions().findLatest("io.github.a/x"))
                        .orElseThrow()
                        .version())
                .isEqualTo("1.1.0");
    }

    @Test
    void pendingVersionsStayOutOfPublicListsUntilApproved() {
        NewVersion pending = new NewVersion(
                "io.github.a/x",
                "1.0.0",
                "{}".getBytes(StandardCharsets.UTF_8),
                "c".repeat(64),
                "d",
                Optional.empty(),
                Optional.empty(),
                T0,
                false,
                "t",
                ReviewState.PENDING,
                "community",
                Optional.empty(),
                Optional.of("{\"checks\":[]}".getBytes(StandardCharsets.UTF_8)),
                Optional.of("sha256:" + "0".repeat(64)));
        store.write(r -> r.versions().insert(pending));

        assertThat(store.read(r -> r.versions().list(all(10, Optional.empty()))).items())
                .isEmpty();
        List<StoredVersion> queue = store.read(r -> r.versions().listByReviewState(ReviewState.PENDING, 10));
        assertThat(queue).singleElement().satisfies(v -> assertThat(v.report()).isPresent());

        store.write(r -> {
            r.versions()
                    .updateReview("io.github.a/x", "1.0.0", ReviewState.PUBLISHED, Optional.empty(), T0.plusSeconds(1));
            r.versions().markLatest("io.github.a/x", "1.0.0", T0.plusSeconds(1));
            return null;
        });
        assertThat(store.read(r -> r.versions().list(all(10, Optional.empty()))).items())
                .singleElement()
                .satisfies(v -> assertThat(v.latest()).isTrue());
    }

    @Test
    void tokensAreFoundByHashUntilRevoked() {
        StoredToken token = new StoredToken(
                "tok-1",
                "c".repeat(64),
                "publisher",
                List.of("io.github.acme/*", "com.example/one"),
                Optional.of("ci"),
                T0,
                Optional.empty());
        store.write(r -> {
            r.tokens().insert(token);
            return null;
        });

        Optional<StoredToken> found = store.read(r -> r.tokens().findActiveByHash("c".repeat(64)));
        assertThat(found)
                .hasValueSatisfying(t -> assertThat(t.grants()).containsExactly("io.github.acme/*", "com.example/one"));
        boolean revoked = store.write(r -> r.tokens().revoke("tok-1", T0));
        Optional<StoredToken> afterRevoke = store.read(r -> r.tokens().findActiveByHash("c".repeat(64)));
        assertThat(revoked).isTrue();
        assertThat(afterRevoke).isEmpty();
    }

    @Test
    void aShortLivedTokenKeepsItsExpiryAndIsInactiveFromThen() {
        StoredToken token = new StoredToken(
                "tok-2",
                "d".repeat(64),
                "publisher",
                List.of("com.example/*"),
                Optional.of("http com.example"),
                T0,
                Optional.empty(),
                Optional.of(T0.plusSeconds(300)));
        store.write(r -> {
            r.tokens().insert(token);
            return null;
        });

        StoredToken found =
                store.read(r -> r.tokens().findActiveByHash("d".repeat(64))).orElseThrow();

        assertThat(found.expiresAt()).contains(T0.plusSeconds(300));
        assertThat(found.activeAt(T0.plusSeconds(299))).isTrue();
        assertThat(found.activeAt(T0.plusSeconds(300))).isFalse();
    }

    @Test
    void auditRecordsChainEachToThePrevious() {
        AuditRecord first = store.write(r -> r.audit().append(new AuditEvent(T0, "a", "publish", "x@1", "{}")));
        AuditRecord second = store.write(r -> r.audit().append(new AuditEvent(T0, "b", "status", "x@1", "{}")));

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditRecord.GENESIS);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        List<AuditRecord> stored = store.read(r -> r.audit().read(0, 10));
        assertThat(stored).containsExactly(first, second);
        assertThat(stored).allMatch(AuditRecord::hashMatches);
    }

    @Test
    void theLastAuditRecordIsTheHeadOfTheChain() {
        Optional<AuditRecord> empty = store.read(r -> r.audit().last());
        assertThat(empty).isEmpty();
        store.write(r -> r.audit().append(new AuditEvent(T0, "a", "publish", "x@1", "{}")));
        AuditRecord second = store.write(r -> r.audit().append(new AuditEvent(T0, "b", "status", "x@1", "{}")));

        Optional<AuditRecord> head = store.read(r -> r.audit().last());
        assertThat(head).contains(second);
    }

    @Test
    void latestAuditRecordsComeNewestFirstUpToTheLimit() {
        for (int i = 1; i <= 3; i++) {
            String subject = "x@" + i;
            store.write(r -> r.audit().append(new AuditEvent(T0, "a", "publish", subject, "{}")));
        }

        List<AuditRecord> latest = store.read(r -> r.audit().latest(2));

        assertThat(latest).extracting(AuditRecord::subject).containsExactly("x@3", "x@2");
    }

    @Test
    void twoStoresOnOneDatabaseWritingAtOnceStoreEachVersionOnceWithOneLatestAndOneAuditChain() throws Exception {
        int versions = 12;
        int attemptsPerVersion = 2;
        try (Store other = openSameDatabase()) {
            List<Store> nodes = List.of(store, other);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
            java.util.concurrent.atomic.AtomicInteger conflicts = new java.util.concurrent.atomic.AtomicInteger();
            List<java.util.concurrent.Future<?>> results = new java.util.ArrayList<>();
            try {
                for (int attempt = 0; attempt < attemptsPerVersion; attempt++) {
                    for (int minor = 0; minor < versions; minor++) {
                        Store node = nodes.get((attempt + minor) % 2);
                        int m = minor;
                        results.add(pool.submit(() -> {
                            try {
                                publishLikeThePipeline(node, "io.example/race", m);
                            } catch (DuplicateVersionException e) {
                                conflicts.incrementAndGet();
                            }
                        }));
                    }
                }
                for (java.util.concurrent.Future<?> result : results) {
                    result.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            List<StoredVersion> stored = other.read(r -> r.versions().listVersions("io.example/race", true));
            assertThat(stored)
                    .extracting(StoredVersion::version)
                    .doesNotHaveDuplicates()
                    .hasSize(versions);
            assertThat(conflicts).hasValue(versions * (attemptsPerVersion - 1));
            assertThat(stored)
                    .filteredOn(StoredVersion::latest)
                    .extracting(StoredVersion::version)
                    .containsExactly("1." + (versions - 1) + ".0");
            AuditChain.Result chain = AuditChain.verify(store);
            assertThat(chain.firstBreak()).isEmpty();
            assertThat(chain.records()).isEqualTo(versions);
        }
    }

    /** The publish pipeline's store step: refuse a stored version, move the latest mark, insert, audit. */
    private static void publishLikeThePipeline(Store node, String name, int minor) {
        String version = "1." + minor + ".0";
        node.write(r -> {
            if (r.versions().find(name, version).isPresent()) {
                throw new DuplicateVersionException(name, version);
            }
            boolean latest = r.versions()
                    .findLatest(name)
                    .map(current -> Integer.parseInt(current.version().split("\\.")[1]) < minor)
                    .orElse(true);
            if (latest) {
                r.versions().clearLatest(name, T0);
            }
            r.versions().insert(version(name, version, T0, latest));
            return r.audit().append(new AuditEvent(T0, "node", "version.publish", name + "@" + version, "{}"));
        });
    }
}
