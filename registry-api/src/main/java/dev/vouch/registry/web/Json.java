package dev.vouch.registry.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.vouch.registry.domain.JsonMappers;
import java.io.IOException;
import java.util.Optional;

/** Reading the JSON documents stored with a version, for display: a missing or unreadable one shows as absent. */
final class Json {

    static final ObjectMapper MAPPER = JsonMappers.JSON;

    private Json() {}

    /** The parsed document, or a missing node: the pages show what is there rather than fail on a damaged row. */
    static JsonNode read(Optional<byte[]> bytes) {
        if (bytes.isEmpty()) {
            return MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(bytes.get());
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    static JsonNode read(byte[] bytes) {
        return read(Optional.of(bytes));
    }

    /** A text member, or "" when absent or not text. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : "";
    }

    static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            return node.toString();
        }
    }
}
