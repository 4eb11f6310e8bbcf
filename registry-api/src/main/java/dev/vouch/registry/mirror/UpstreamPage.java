package dev.vouch.registry.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.registry.domain.JsonMappers;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One page of the official list response ({@code {"servers": [{"server": …, "_meta": {…}}], "metadata":
 * {"nextCursor": …, "count": …}}}), read leniently: an entry that cannot be read is reported by its index
 * and skipped, the rest of the page still counts. {@code total} is what an upstream says the whole
 * result holds, when it says so ({@code metadata.total}); the official API gives only the page's count.
 */
record UpstreamPage(
        List<UpstreamEntry> entries, List<String> malformed, Optional<String> nextCursor, Optional<Long> total) {

    static final String OFFICIAL_META = "io.modelcontextprotocol.registry/official";
    private static final ObjectMapper JSON = JsonMappers.JSON;
    private static final List<String> STATUSES = List.of("active", "deprecated", "deleted");

    /** The page, or empty when the body is not a list page at all (not JSON, or no servers array). */
    static Optional<UpstreamPage> parse(byte[] body) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (tree == null || !tree.path("servers").isArray()) {
            return Optional.empty();
        }
        JsonNode metadata = tree.path("metadata");
        if (!metadata.isMissingNode() && !metadata.isObject()) {
            return Optional.empty();
        }
        JsonNode cursor = metadata.path("nextCursor");
        if (!cursor.isMissingNode() && !cursor.isNull() && !cursor.isTextual()) {
            return Optional.empty();
        }
        List<UpstreamEntry> entries = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        JsonNode servers = tree.get("servers");
        for (int i = 0; i < servers.size(); i++) {
            entry(servers.get(i), i, malformed).ifPresent(entries::add);
        }
        Optional<Long> total = metadata.path("total").canConvertToLong()
                        && metadata.path("total").isIntegralNumber()
                ? Optional.of(metadata.path("total").asLong())
                : Optional.empty();
        return Optional.of(new UpstreamPage(
                entries,
                malformed,
                Optional.of(cursor.asText("")).filter(c -> !c.isEmpty() && !cursor.isNull()),
                total));
    }

    private static Optional<UpstreamEntry> entry(JsonNode item, int index, List<String> malformed) {
        String at = "entry " + index;
        JsonNode server = item.path("server");
        if (!server.isObject()) {
            malformed.add(at + ": no server object");
            return Optional.empty();
        }
        if (!server.path("name").isTextual() || !server.path("version").isTextual()) {
            malformed.add(at + ": the server has no name or version");
            return Optional.empty();
        }
        String coordinates =
                server.get("name").asText() + "@" + server.get("version").asText();
        JsonNode meta = item.path("_meta");
        JsonNode official = meta.path(OFFICIAL_META);
        if (!meta.isMissingNode() && !meta.isObject() || !official.isMissingNode() && !official.isObject()) {
            malformed.add(at + " (" + coordinates + "): _meta is not an object");
            return Optional.empty();
        }
        String status = official.path("status").asText("active");
        if (!STATUSES.contains(status)) {
            malformed.add(at + " (" + coordinates + "): unknown status " + status);
            return Optional.empty();
        }
        try {
            return Optional.of(new UpstreamEntry(
                    server,
                    server.get("name").asText(),
                    server.get("version").asText(),
                    status,
                    Optional.ofNullable(official.get("statusMessage"))
                            .filter(JsonNode::isTextual)
                            .map(JsonNode::asText),
                    instant(official, "publishedAt"),
                    instant(official, "updatedAt")));
        } catch (DateTimeParseException e) {
            malformed.add(at + " (" + coordinates + "): a timestamp is not RFC 3339: " + e.getParsedString());
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(JsonNode official, String field) {
        JsonNode value = official.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new DateTimeParseException(field + " is not a string", value.toString(), 0);
        }
        return Optional.of(java.time.OffsetDateTime.parse(value.asText()).toInstant());
    }
}
