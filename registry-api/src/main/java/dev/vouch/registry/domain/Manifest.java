package dev.vouch.registry.domain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A server.json as published: the exact bytes, their SHA-256, and the parsed tree the rules read.
 */
public record Manifest(byte[] bytes, String sha256, JsonNode tree) {

    static final int MAX_NESTING_DEPTH = 64;
    static final int MAX_STRING_LENGTH = 256 * 1024;
    static final int MAX_NUMBER_LENGTH = 1000;

    // Duplicate keys would let two readers of the same bytes see two different manifests.
    private static final ObjectMapper STRICT = JsonMappers.strictJson(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .build());

    /**
     * Parses published bytes.
     *
     * @throws InvalidRequestException when the bytes are not one JSON object in well-formed UTF-8
     */
    public static Manifest parse(byte[] bytes) {
        Utf8.requireWellFormed(bytes);
        JsonNode tree;
        JsonParser parser = null;
        try {
            parser = STRICT.createParser(bytes);
            tree = STRICT.readTree(parser);
            if (tree != null && parser.nextToken() != null) {
                throw InvalidRequestException.of(
                        "",
                        "body is not valid JSON: more follows the JSON value" + " (line "
                                + parser.currentLocation().getLineNr() + ")");
            }
        } catch (JsonProcessingException e) {
            // Where the parser stood names the member at fault, such as /description for an oversized string.
            String pointer = parser == null
                    ? ""
                    : parser.getParsingContext().pathAsPointer().toString();
            throw InvalidRequestException.of(
                    pointer,
                    "body is not valid JSON" + (pointer.isEmpty() ? "" : " at " + pointer) + ": "
                            + JsonErrors.describe(e, MAX_NESTING_DEPTH, MAX_STRING_LENGTH, MAX_NUMBER_LENGTH));
        } catch (IOException e) {
            throw InvalidRequestException.of("", "body could not be read");
        } finally {
            closeQuietly(parser);
        }
        if (tree == null || !tree.isObject()) {
            throw InvalidRequestException.of("", "body must be a JSON object (a server.json)");
        }
        return new Manifest(bytes.clone(), Digests.sha256Hex(bytes), tree);
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // an in-memory parser holds nothing to release
            }
        }
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
        return Optional.ofNullable(tree.get("title"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText);
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
