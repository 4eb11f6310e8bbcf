package dev.vouch.scanner.input;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One tool as {@code tools/list} returns it, or in Docker's {@code tools.json} form ({@code arguments}
 * instead of {@code inputSchema}), and where it sits in the scanned document.
 */
public record ToolDefinition(String pointer, JsonNode definition) {

    public String name() {
        return definition.path("name").asText("");
    }

    public String description() {
        return definition.path("description").asText("");
    }
}
