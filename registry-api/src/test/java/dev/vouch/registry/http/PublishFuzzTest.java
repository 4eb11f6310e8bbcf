package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.Registry;
import dev.vouch.registry.auth.NamespaceGrant;
import dev.vouch.registry.auth.Principal;
import dev.vouch.registry.auth.Role;
import dev.vouch.registry.domain.RegistryException;
import dev.vouch.registry.fuzz.Mutations;
import dev.vouch.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the publish body parser, the envelope and the manifest rules through the real publish pipeline
 * over a real SQLite store, on a bounded budget. The properties: whatever comes in, the pipeline either
 * stores exactly one version or refuses with a domain failure that maps to a 4xx problem, and a refusal
 * stores nothing.
 */
class PublishFuzzTest {

    static final String MANIFEST = "{\"$schema\": \"https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json\", "
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
    static final Principal PUBLISHER = new Principal("fuzz", Role.PUBLISHER,
            List.of(new NamespaceGrant("io.github.acme/*")));

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("vouch-publish-fuzz");
        registry = Registry.openSqlite(dir);
        rows = Store.openSqlite(dir);
    }

    @AfterContainer
    static void close() throws IOException {
        rows.close();
        registry.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Property(tries = 400)
    void arbitraryBytesAreRefusedCleanly(@ForAll @Size(max = 4096) byte[] body) {
        publishRefusesCleanlyOrStoresOne(body);
    }

    @Property(tries = 400)
    void mutatedManifestsAreRefusedCleanlyOrStoredOnce(@ForAll("mutatedManifests") byte[] body) {
        publishRefusesCleanlyOrStoresOne(body);
    }

    @Property(tries = 300)
    void mutatedEnvelopesAreRefusedCleanlyOrStoredOnce(@ForAll("mutatedEnvelopes") byte[] body) {
        publishRefusesCleanlyOrStoresOne(body);
    }

    @Property(tries = 300)
    void arbitraryNamesVersionsAndTextAreRefusedCleanlyOrStoredOnce(@ForAll("names") String name,
                                                                    @ForAll("versions") String version,
                                                                    @ForAll @StringLength(max = 200) String description) {
        String body = MANIFEST.replace("io.github.acme/weather", escape(name))
                .replace("\"version\": \"1.0.0\", \"_meta\"", "\"version\": \"" + escape(version) + "\", \"_meta\"")
                .replace("\"Weather\"", "\"" + escape(description) + "\"");
        publishRefusesCleanlyOrStoresOne(body.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<byte[]> mutatedManifests() {
        return Mutations.of(MANIFEST.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<byte[]> mutatedEnvelopes() {
        return Mutations.of(ENVELOPE.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("io.github.acme/-_.aА\u200b%\\").ofMaxLength(40),
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(s -> "io.github.acme/" + s));
    }

    @Provide
    Arbitrary<String> versions() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789.-+v/x*^~<>= |").ofMaxLength(20),
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.integers().between(0, 30).list().ofMinSize(1).ofMaxSize(4)
                        .map(parts -> String.join(".", parts.stream().map(String::valueOf).toList())));
    }

    private static void publishRefusesCleanlyOrStoresOne(byte[] body) {
        int before = storedRows();
        try {
            registry.publisher().publish(PUBLISHER, body);
            assertThat(storedRows()).isEqualTo(before + 1);
        } catch (RegistryException refused) {
            assertThat(ProblemMapping.of(refused).status()).as(refused.getMessage()).isBetween(400, 499);
            assertThat(storedRows()).as("a refusal stores nothing").isEqualTo(before);
        }
    }

    private static int storedRows() {
        // Every version row has a publisher, and none is the empty string.
        return rows.read(repos -> repos.versions().countPublishedByOthers(""));
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
