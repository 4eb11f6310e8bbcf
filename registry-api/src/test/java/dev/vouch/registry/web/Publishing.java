package dev.vouch.registry.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.registry.Registry;
import dev.vouch.registry.auth.Principal;
import dev.vouch.registry.auth.Role;
import dev.vouch.registry.publish.PublishOutcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Publishing the servers the web tests look at, through the registry's real publish pipeline. */
final class Publishing {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SCHEMA = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";

    private final Registry registry;
    private final Principal publisher;

    Publishing(Registry registry, String... grants) {
        this.registry = registry;
        String secret = registry.tokens()
                .issue(Role.PUBLISHER, List.of(grants), Optional.of("web tests"), "test")
                .secret();
        this.publisher = registry.tokens().authenticate(Optional.of("Bearer " + secret));
    }

    static ObjectNode server(String name, String version, String description) {
        return JSON.createObjectNode()
                .put("$schema", SCHEMA)
                .put("name", name)
                .put("description", description)
                .put("version", version);
    }

    static ObjectNode npm(ObjectNode server, String identifier) {
        ObjectNode pkg = server.withArray("packages")
                .addObject()
                .put("registryType", "npm")
                .put("identifier", identifier)
                .put("version", server.path("version").asText());
        pkg.putObject("transport").put("type", "stdio");
        return server;
    }

    /** {@code tools} alternates names and descriptions. */
    static byte[] envelope(ObjectNode server, String... tools) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.set("server", server);
        ArrayNode array = envelope.putArray("tools");
        for (int i = 0; i < tools.length; i += 2) {
            ObjectNode tool = array.addObject().put("name", tools[i]).put("description", tools[i + 1]);
            tool.putObject("inputSchema")
                    .put("type", "object")
                    .putObject("properties")
                    .putObject("city")
                    .put("type", "string");
        }
        return envelope.toString().getBytes(StandardCharsets.UTF_8);
    }

    PublishOutcome publish(byte[] body) {
        return registry.publisher().publish(publisher, body);
    }

    /** A curator token's secret. */
    static String curator(Registry registry) {
        return registry.tokens()
                .issue(Role.CURATOR, List.of(), Optional.of("web tests"), "test")
                .secret();
    }
}
