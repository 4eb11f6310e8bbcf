package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.Registry;
import dev.vouch.registry.auth.NamespaceGrant;
import dev.vouch.registry.auth.Principal;
import dev.vouch.registry.auth.Role;
import dev.vouch.registry.domain.RegistryException;
import dev.vouch.registry.fuzz.Fuzz;
import dev.vouch.registry.fuzz.Gen;
import dev.vouch.registry.fuzz.Mutations;
import dev.vouch.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the publish body parser, the envelope and the manifest rules through the real publish pipeline
 * over a real SQLite store, on a bounded budget. The properties: whatever comes in, the pipeline either
 * stores exactly one version or refuses with a domain failure that maps to a 4xx problem, and a refusal
 * stores no version (a policy rejection appends only its audit record).
 */
class PublishFuzzTest {

    static final String MANIFEST =
            "{\"$schema\": \"https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json\", "
                    + "\"name\": \"io.github.acme/weather\", \"description\": \"Weather\", \"version\": \"1.0.0\", "
                    + "\"_meta\": {\"io.modelcontextprotocol.registry/publisher-provided\": {\"tool\": \"ci\"}}, "
                    + "\"packages\": [{\"registryType\": \"npm\", \"identifier\": \"@acme/weather\", \"version\": \"1.0.0\", "
                    + "\"transport\": {\"type\": \"stdio\"}}], "
                    + "\"remotes\": [{\"type\": \"streamable-http\", \"url\": \"https://mcp.example.com/mcp\"}]}";
    static final String ENVELOPE = "{\"server\": " + MANIFEST + ", \"tools\": [{\"name\": \"get_forecast\", "
            + "\"description\": \"Forecast for a city.\", \"inputSchema\": {\"type\": \"object\", \"properties\": "
            + "{\"city\": {\"type\": \"string\"}}}}], \"prompts\": [], \"resources\": [], \"instructions\": \"Be brief.\", "
            + "\"attestations\": [{\"package\": \"@acme/weather\", \"bundle\": {\"mediaType\": \"x\"}}], "
            + "\"signatures\": [{\"package\": \"@acme/weather\", \"signature\": \"AAAA\", \"key\": \"k\"}]}";

    static Path dir;
    static Registry registry;
    static Store rows;
    static final Principal PUBLISHER =
            new Principal("fuzz", Role.PUBLISHER, List.of(new NamespaceGrant("io.github.acme/*")));

    @BeforeAll
    static void open() throws IOException {
        dir = Files.createTempDirectory("vouch-publish-fuzz");
        registry = Registry.openSqlite(dir);
        rows = Store.openSqlite(dir);
    }

    @AfterAll
    static void close() throws IOException {
        rows.close();
        registry.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void arbitraryBytesAreRefusedCleanly() {
        Fuzz.forAll(
                "PublishFuzzTest.arbitraryBytesAreRefusedCleanly",
                400,
                Gen.bytes(4096),
                PublishFuzzTest::publishRefusesCleanlyOrStoresOne);
    }

    @Test
    void mutatedManifestsAreRefusedCleanlyOrStoredOnce() {
        Fuzz.forAll(
                "PublishFuzzTest.mutatedManifestsAreRefusedCleanlyOrStoredOnce",
                400,
                Mutations.of(MANIFEST.getBytes(StandardCharsets.UTF_8)),
                PublishFuzzTest::publishRefusesCleanlyOrStoresOne);
    }

    @Test
    void mutatedEnvelopesAreRefusedCleanlyOrStoredOnce() {
        Fuzz.forAll(
                "PublishFuzzTest.mutatedEnvelopesAreRefusedCleanlyOrStoredOnce",
                300,
                Mutations.of(ENVELOPE.getBytes(StandardCharsets.UTF_8)),
                PublishFuzzTest::publishRefusesCleanlyOrStoresOne);
    }

    @Test
    void arbitraryNamesVersionsAndTextAreRefusedCleanlyOrStoredOnce() {
        Function<Random, ManifestFields> fields = random -> new ManifestFields(
                names().apply(random),
                versions().apply(random),
                Gen.strings(0, 200).apply(random));
        Fuzz.forAll(
                "PublishFuzzTest.arbitraryNamesVersionsAndTextAreRefusedCleanlyOrStoredOnce", 300, fields, drawn -> {
                    String body = MANIFEST.replace("io.github.acme/weather", escape(drawn.name()))
                            .replace(
                                    "\"version\": \"1.0.0\", \"_meta\"",
                                    "\"version\": \"" + escape(drawn.version()) + "\", \"_meta\"")
                            .replace("\"Weather\"", "\"" + escape(drawn.description()) + "\"");
                    publishRefusesCleanlyOrStoresOne(body.getBytes(StandardCharsets.UTF_8));
                });
    }

    @Test
    void toolTextsMadeOfWhatBreaksTextCodeArePublishedHeldOrRefusedCleanly() {
        // Runs of the characters and fragments that have broken a scan or made it slow: marks with no letter, a
        // capital whose lower case is longer, invisible and joining characters, escapes and encodings cut short.
        Function<Random, String> text = random -> {
            StringBuilder built = new StringBuilder();
            for (int run = 1 + random.nextInt(4); run > 0; run--) {
                built.append(HOSTILE_PIECES
                        .get(random.nextInt(HOSTILE_PIECES.size()))
                        .repeat(1 + random.nextInt(60)));
            }
            return built.toString();
        };
        Function<Random, List<String>> drawn = random ->
                List.of("1.0." + random.nextInt(1_000_000), text.apply(random), text.apply(random), text.apply(random));
        Fuzz.forAll(
                "PublishFuzzTest.toolTextsMadeOfWhatBreaksTextCodeArePublishedHeldOrRefusedCleanly", 300, drawn, d -> {
                    String tool = "{\"name\": \"" + escape(d.get(1)) + "\", \"description\": \"" + escape(d.get(2))
                            + "\", \"inputSchema\": {\"type\": \"object\", \"properties\": {\"city\": "
                            + "{\"type\": \"string\", \"description\": \"" + escape(d.get(3)) + "\"}}}}";
                    String body = ENVELOPE.replace(
                                    "\"version\": \"1.0.0\", \"_meta\"", "\"version\": \"" + d.get(0) + "\", \"_meta\"")
                            .replace(ENVELOPE_TOOL, tool);
                    publishRefusesCleanlyOrStoresOne(body.getBytes(StandardCharsets.UTF_8));
                });
    }

    private static final String ENVELOPE_TOOL =
            "{\"name\": \"get_forecast\", \"description\": \"Forecast for a city.\", "
                    + "\"inputSchema\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}}}";

    private static final List<String> HOSTILE_PIECES = List.of(
            "\u0301",
            "\u035c",
            "\u0130",
            "\u0130\u0131\u00df\u0149\u01f0\u0390\ufb03\u03a3\u03c2",
            "\u200b",
            "\u2062\u2064",
            "\ufe0f",
            "\u00ad",
            "\ud83d\ude00",
            "\udb40\udc41",
            "&#",
            "&#x",
            "\\u{",
            "\\u00",
            "<~",
            "~>",
            "=4",
            "=\n",
            "begin 644 a\n",
            "Alfa ",
            "X-ray / ",
            "49 ",
            "0x",
            "%E2",
            "`",
            "<IMPORTANT>",
            "mcp__",
            " ",
            ".",
            "a");

    private record ManifestFields(String name, String version, String description) {}

    private static Function<Random, String> names() {
        return Gen.oneOf(
                Gen.strings("io.github.acme/-_.aА\u200b%\\", 40),
                Gen.strings(0, 60),
                Gen.alpha(1, 20).andThen(s -> "io.github.acme/" + s));
    }

    private static Function<Random, String> versions() {
        return Gen.oneOf(
                Gen.strings("0123456789.-+v/x*^~<>= |", 20),
                Gen.strings(0, 30),
                Gen.lists(Gen.ints(0, 30), 1, 4)
                        .andThen(parts -> String.join(
                                ".", parts.stream().map(String::valueOf).toList())));
    }

    private static void publishRefusesCleanlyOrStoresOne(byte[] body) {
        int before = storedRows();
        try {
            registry.publisher().publish(PUBLISHER, body);
            assertThat(storedRows()).isEqualTo(before + 1);
        } catch (RegistryException refused) {
            assertThat(ProblemMapping.of(refused).status())
                    .as(refused.getMessage())
                    .isBetween(400, 499);
            assertThat(storedRows()).as("a refusal stores no version").isEqualTo(before);
        }
    }

    private static int storedRows() {
        return rows.read(repos -> repos.versions().countAll());
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
