package dev.vouch.registry.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.registry.domain.JsonMappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands a client runtime would run for a server's packages and remotes, and its entry in a
 * Docker MCP gateway catalog. The values come from the manifest and are shown as text, never run.
 */
public final class InstallSnippets {

    private static final ObjectMapper YAML = JsonMappers.SNIPPET_YAML;

    private InstallSnippets() {}

    /** One way to run the server: what it is, and the line to copy. */
    public record Snippet(String kind, String label, String command) {}

    static List<Snippet> packages(JsonNode manifest) {
        List<Snippet> snippets = new ArrayList<>();
        for (JsonNode pkg : manifest.path("packages")) {
            String type = Json.text(pkg, "registryType");
            String id = Json.text(pkg, "identifier");
            String version = Json.text(pkg, "version");
            String env = environment(pkg);
            String command = switch (type) {
                case "npm" -> env + "npx -y " + id + (version.isEmpty() ? "" : "@" + version);
                case "pypi" -> env + "uvx " + id + (version.isEmpty() ? "" : "==" + version);
                case "nuget" -> env + "dnx " + id + (version.isEmpty() ? "" : "@" + version) + " --yes";
                case "oci" -> "docker run -i --rm" + dockerEnv(pkg) + " " + id;
                case "mcpb" ->
                    "curl -fLO " + id
                            + (pkg.path("fileSha256").isTextual()
                                    ? "\n# sha256 " + pkg.path("fileSha256").asText()
                                    : "");
                default -> id + (version.isEmpty() ? "" : " " + version);
            };
            String transport = Json.text(pkg.path("transport"), "type");
            snippets.add(new Snippet(
                    type.isEmpty() ? "package" : type,
                    id + (transport.isEmpty() ? "" : " (" + transport + ")"),
                    command));
        }
        return snippets;
    }

    static List<Snippet> remotes(String serverName, JsonNode manifest) {
        List<Snippet> snippets = new ArrayList<>();
        for (JsonNode remote : manifest.path("remotes")) {
            String type = Json.text(remote, "type");
            String url = Json.text(remote, "url");
            ObjectNode config = Json.MAPPER.createObjectNode();
            config.putObject("mcpServers")
                    .putObject(shortName(serverName))
                    .put("type", type)
                    .put("url", url);
            snippets.add(new Snippet(type.isEmpty() ? "remote" : type, url, Json.pretty(config)));
        }
        return snippets;
    }

    /** The server's entry in a Docker MCP gateway catalog (catalog format v2), or "" when it has no image or remote. */
    static String gatewayEntry(String serverName, JsonNode manifest, List<String> toolNames) {
        ObjectNode entry = Json.MAPPER.createObjectNode();
        entry.put("description", Json.text(manifest, "description"));
        String title = Json.text(manifest, "title");
        entry.put("title", title.isEmpty() ? shortName(serverName) : title);
        JsonNode image = null;
        for (JsonNode pkg : manifest.path("packages")) {
            if ("oci".equals(Json.text(pkg, "registryType"))) {
                image = pkg;
                break;
            }
        }
        JsonNode remote = manifest.path("remotes").path(0);
        if (image != null) {
            entry.put("type", "server").put("image", Json.text(image, "identifier"));
        } else if (remote.isObject()) {
            entry.put("type", "remote");
            entry.putObject("remote")
                    .put("transport_type", Json.text(remote, "type"))
                    .put("url", Json.text(remote, "url"));
        } else {
            return "";
        }
        String source = Json.text(manifest.path("repository"), "url");
        if (!source.isEmpty()) {
            entry.put("source", source);
        }
        var tools = entry.putArray("tools");
        toolNames.forEach(name -> tools.addObject().put("name", name));
        ObjectNode catalog = Json.MAPPER.createObjectNode();
        catalog.set(shortName(serverName), entry);
        try {
            return YAML.writeValueAsString(catalog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String shortName(String serverName) {
        return serverName.substring(serverName.lastIndexOf('/') + 1);
    }

    private static String environment(JsonNode pkg) {
        StringBuilder env = new StringBuilder();
        for (JsonNode variable : pkg.path("environmentVariables")) {
            String name = Json.text(variable, "name");
            if (!name.isEmpty() && variable.path("isRequired").asBoolean(false)) {
                env.append(name).append("=… ");
            }
        }
        return env.toString();
    }

    private static String dockerEnv(JsonNode pkg) {
        StringBuilder env = new StringBuilder();
        for (JsonNode variable : pkg.path("environmentVariables")) {
            String name = Json.text(variable, "name");
            if (!name.isEmpty()) {
                env.append(" -e ").append(name);
            }
        }
        return env.toString();
    }
}
