package dev.vouch.registry.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Docker's own catalog entries, written as the server.json a publisher would send for each, come back
 * out of the export as the same entries: what runs (image or remote), its command, volumes, env,
 * secrets and tools. Fixtures: {@code src/test/resources/docker} (see its README).
 */
class DockerCatalogRoundTripTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PIN = "sha256:" + "ab".repeat(32);
    /** The fields of the gateway's catalog.Server (pkg/catalog/types.go), plus Vouch's own block. */
    private static final Set<String> GATEWAY_FIELDS = Set.of(
            "name",
            "type",
            "image",
            "description",
            "title",
            "icon",
            "readme",
            "longLived",
            "remote",
            "sseEndpoint",
            "oauth",
            "secrets",
            "env",
            "command",
            "volumes",
            "user",
            "disableNetwork",
            "allowHosts",
            "extraHosts",
            "tools",
            "config",
            "prefix",
            "metadata",
            "policy",
            "dateAdded",
            "source",
            "vouch");

    @Test
    void everyExampleEntryComesBackOutOfTheExport() throws IOException {
        List<String> checked = new ArrayList<>();
        for (String fixture : List.of(
                "catalog-example.yaml",
                "gateway-fixtures/custom-catalog.yaml",
                "gateway-fixtures/legacy-catalog.yaml",
                "gateway-fixtures/playwright-with-extrahosts.yaml",
                "gateway-fixtures/remote-mcp-catalog.yaml",
                "gateway-fixtures/docs-catalog-complete-server-example.yaml")) {
            JsonNode registry = read(fixture).path("registry");
            registry.fields().forEachRemaining(e -> {
                roundTrip(e.getKey(), e.getValue());
                checked.add(fixture + "#" + e.getKey());
            });
        }

        assertThat(checked).hasSizeGreaterThan(230);
    }

    @Test
    void theWholeExportIsACatalogV2ThatUsesOnlyTheGatewaysFields() throws IOException {
        List<DockerCatalog.Source> sources = new ArrayList<>();
        read("catalog-example.yaml")
                .path("registry")
                .fields()
                .forEachRemaining(e -> sources.add(source(e.getKey(), e.getValue())));

        JsonNode catalog = YAML.readTree(DockerCatalog.yaml("vouch", "Vouch catalog", sources));

        assertThat(catalog.path("version").asInt()).isEqualTo(2);
        assertThat(catalog.path("name").asText()).isEqualTo("vouch");
        assertThat(catalog.path("registry").size()).isEqualTo(sources.size());
        catalog.path("registry").fields().forEachRemaining(e -> {
            assertThat(e.getKey()).startsWith("io-docker-mcp-");
            e.getValue()
                    .fieldNames()
                    .forEachRemaining(field -> assertThat(GATEWAY_FIELDS).contains(field));
            assertThat(e.getValue().path("type").asText()).isIn("server", "remote");
            if (e.getValue().path("type").asText().equals("server")) {
                assertThat(e.getValue().path("image").asText()).contains("@sha256:");
            }
        });
    }

    @Test
    void anImageKnownOnlyByTagIsLeftOut() {
        ObjectNode manifest =
                JSON.createObjectNode().put("name", "io.example/tagged").put("description", "d");
        manifest.putArray("packages")
                .addObject()
                .put("registryType", "oci")
                .put("identifier", "mcp/x:1.0")
                .putObject("transport")
                .put("type", "stdio");

        assertThat(DockerCatalog.entry(new DockerCatalog.Source(
                        manifest,
                        Optional.empty(),
                        Map.of(),
                        "1.0.0",
                        "community",
                        "0".repeat(64),
                        Optional.empty(),
                        Instant.EPOCH)))
                .isEmpty();
    }

    private static void roundTrip(String key, JsonNode original) {
        String exportedKey = "io-docker-mcp-" + key.replace('.', '-');
        Optional<ObjectNode> exported = DockerCatalog.entry(source(key, original));
        boolean runnable =
                original.hasNonNull("image") || original.path("remote").hasNonNull("url");
        assertThat(exported).as(key).matches(e -> e.isPresent() == runnable);
        if (!runnable) {
            return;
        }
        JsonNode entry = exported.get();
        assertThat(entry.path("type").asText()).as(key).isEqualTo(original.hasNonNull("image") ? "server" : "remote");
        assertThat(entry.path("description").asText())
                .as(key)
                .isEqualTo(original.path("description").asText(""));
        assertThat(entry.path("title").asText(""))
                .as(key)
                .isEqualTo(original.path("title").asText(""));
        assertThat(names(entry.path("tools"), "name")).as(key).isEqualTo(names(original.path("tools"), "name"));
        assertThat(new HashSet<>(names(entry.path("secrets"), "env")))
                .as(key)
                .isEqualTo(new HashSet<>(names(original.path("secrets"), "env")));
        entry.path("secrets")
                .forEach(secret -> assertThat(secret.path("name").asText()).startsWith(exportedKey + "."));
        if (original.hasNonNull("image")) {
            String image = original.path("image").asText();
            assertThat(entry.path("image").asText())
                    .as(key)
                    .isEqualTo(image.contains("@sha256:") ? image : image + "@" + PIN);
            assertThat(entry.path("env")).as(key).isEqualTo(original.path("env"));
            assertThat(entry.path("command")).as(key).isEqualTo(original.path("command"));
            assertThat(entry.path("volumes")).as(key).isEqualTo(original.path("volumes"));
        } else {
            assertThat(entry.path("remote").path("url"))
                    .as(key)
                    .isEqualTo(original.path("remote").path("url"));
            assertThat(entry.path("remote").path("transport_type"))
                    .as(key)
                    .isEqualTo(original.path("remote").path("transport_type"));
        }
    }

    /** The server.json (and tools) a publisher would send for a Docker catalog entry. */
    private static DockerCatalog.Source source(String key, JsonNode entry) {
        ObjectNode manifest = JSON.createObjectNode()
                .put("name", "io.docker.mcp/" + key)
                .put("description", entry.path("description").asText(""));
        if (entry.hasNonNull("title")) {
            manifest.put("title", entry.path("title").asText());
        }
        if (entry.hasNonNull("image")) {
            String image = entry.path("image").asText();
            ObjectNode pkg = manifest.putArray("packages")
                    .addObject()
                    .put("registryType", "oci")
                    .put("identifier", image.contains("@sha256:") ? image : image + "@" + PIN);
            pkg.putObject("transport").put("type", "stdio");
            ArrayNode env = pkg.putArray("environmentVariables");
            entry.path("secrets")
                    .forEach(secret -> env.addObject()
                            .put("name", secret.path("env").asText())
                            .put("isSecret", true));
            entry.path("env")
                    .forEach(variable -> env.addObject()
                            .put("name", variable.path("name").asText())
                            .put("value", variable.path("value").asText()));
            ArrayNode arguments = pkg.putArray("packageArguments");
            entry.path("command")
                    .forEach(
                            c -> arguments.addObject().put("type", "positional").put("value", c.asText()));
            ArrayNode runtime = pkg.putArray("runtimeArguments");
            entry.path("volumes")
                    .forEach(v -> runtime.addObject()
                            .put("type", "named")
                            .put("name", "-v")
                            .put("value", v.asText()));
        } else if (entry.path("remote").hasNonNull("url")) {
            ObjectNode remote = manifest.putArray("remotes")
                    .addObject()
                    .put("type", entry.path("remote").path("transport_type").asText())
                    .put("url", entry.path("remote").path("url").asText());
            ArrayNode headers = remote.putArray("headers");
            entry.path("secrets")
                    .forEach(secret -> headers.addObject()
                            .put("name", secret.path("env").asText())
                            .put("isSecret", true));
        }
        ArrayNode tools = JSON.createArrayNode();
        entry.path("tools")
                .forEach(tool -> tools.addObject()
                        .put("name", tool.path("name").asText())
                        .put("description", tool.path("description").asText("")));
        return new DockerCatalog.Source(
                manifest,
                Optional.of(tools),
                Map.of(),
                "1.0.0",
                "community",
                "0".repeat(64),
                Optional.of(PIN),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(item -> names.add(item.path(field).asText()));
        return names;
    }

    private static JsonNode read(String fixture) throws IOException {
        try (InputStream in = DockerCatalogRoundTripTest.class.getResourceAsStream("/docker/" + fixture)) {
            return YAML.readTree(in);
        }
    }
}
