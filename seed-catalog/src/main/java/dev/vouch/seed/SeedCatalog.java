package dev.vouch.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The curated seed catalog: real MCP servers as official server.json documents, each with its tool
 * definitions where they are known. {@code index.json} lists the entries in load order; see
 * {@code SOURCES.md} beside it for where each fact came from.
 */
public final class SeedCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SeedCatalog() {}

    /** One seed server version: the server.json bytes and, when known, its tools as a JSON array. */
    public record Entry(String file, byte[] serverJson, Optional<byte[]> tools) {}

    public static List<Entry> entries() {
        JsonNode index = readJson("index.json");
        List<Entry> entries = new ArrayList<>();
        for (JsonNode item : index.path("entries")) {
            String server = item.path("server").asText();
            Optional<byte[]> tools = item.hasNonNull("tools")
                    ? Optional.of(read(item.get("tools").asText()))
                    : Optional.empty();
            entries.add(new Entry(server, read(server), tools));
        }
        return List.copyOf(entries);
    }

    private static JsonNode readJson(String name) {
        try {
            return JSON.readTree(new String(read(name), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("seed resource " + name + " is not JSON", e);
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = SeedCatalog.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("seed resource " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
