package dev.vouch.registry.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A server.json as published: the exact bytes, their SHA-256, and the parsed tree the rules read.
 */
public record Manifest(byte[] bytes, String sha256, JsonNode tree) {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            // Duplicate keys would let two readers of the same bytes see two different manifests.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        STRICT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxStringLength(256 * 1024)
                .build());
    }

    /**
     * Parses published bytes.
     *
     * @throws InvalidRequestException when the bytes are not one JSON object in well-formed UTF-8
     */
    public static Manifest parse(byte[] bytes) {
        Utf8.requireWellFormed(bytes);
        JsonNode tree;
        try {
            tree = STRICT.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw InvalidRequestException.of("", "body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw InvalidRequestException.of("", "body could not be read: " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw InvalidRequestException.of("", "body must be a JSON object (a server.json)");
        }
        return new Manifest(bytes.clone(), Digests.sha256Hex(bytes), tree);
    }

    public String name() {
        return tree.path("name").asText();
    }

    public String version() {
        return tree.path("version").asText();
    }

    public String description() {
        return tree.path("description").asText();
    }

    public Optional<String> title() {
        return Optional.ofNullable(tree.get("title")).filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
