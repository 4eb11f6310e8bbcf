package dev.vouch.registry.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.registry.domain.JsonMappers;
import dev.vouch.registry.runtime.RunPolicy;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Docker MCP gateway's {@code catalog.yaml}, version 2: a {@code registry:} map of server entries in
 * the form the gateway reads ({@code pkg/catalog} of docker/mcp-gateway) and Docker's own catalog uses.
 *
 * <p>An entry is written for a version only when a runtime can run exactly what was vetted: an OCI
 * image with stdio transport pinned by digest ({@code type: server}), or else a remote
 * ({@code type: remote}). An image known only by tag is left out. Names, secrets, env and config follow
 * the gateway's own conversion from registry manifests: the key is the server name with {@code /} and
 * {@code .} written {@code -}; a secret is {@code <key>.<VAR>} read into env {@code VAR}; a config value
 * is {@code {{<key>.<var>}}}. Each entry also carries {@code vouch:} (name, version, tier, manifest and
 * tool-set digests) and each tool its vetted digest; the gateway ignores keys it does not know.
 */
public final class DockerCatalog {

    private static final ObjectMapper YAML = JsonMappers.CATALOG_YAML;
    private static final ObjectMapper JSON = JsonMappers.JSON;

    /** One published version to export, with what the pipeline recorded about it. */
    public record Source(
            JsonNode manifest,
            Optional<JsonNode> tools,
            Map<String, String> toolDigests,
            String version,
            String tier,
            String manifestSha256,
            Optional<String> toolsDigest,
            Instant publishedAt) {}

    private DockerCatalog() {}

    /** The whole catalog document of the given versions, as YAML. */
    public static byte[] yaml(String name, String displayName, List<Source> versions) {
        ObjectNode catalog =
                JSON.createObjectNode().put("version", 2).put("name", name).put("displayName", displayName);
        ObjectNode registry = catalog.putObject("registry");
        for (Source source : versions) {
            entry(source)
                    .ifPresent(entry ->
                            registry.set(key(source.manifest().path("name").asText()), entry));
        }
        try {
            return YAML.writeValueAsBytes(catalog);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the Docker catalog could not be written", e);
        }
    }

    /** The gateway's key for a server name: {@code io.github.acme/weather} → {@code io-github-acme-weather}. */
    public static String key(String serverName) {
        return serverName.replace('/', '-').replace('.', '-');
    }

    /** The catalog entry of one version, or empty when no runtime could run it pinned. */
    public static Optional<ObjectNode> entry(Source source) {
        JsonNode manifest = source.manifest();
        String key = key(manifest.path("name").asText());
        Optional<JsonNode> image = pinnedImage(manifest);
        JsonNode remote = manifest.path("remotes").path(0);
        if (image.isEmpty() && remote.isMissingNode()) {
            return Optional.empty();
        }
        ObjectNode entry = JSON.createObjectNode();
        entry.put("description", manifest.path("description").asText(""));
        if (manifest.hasNonNull("title")) {
            entry.put("title", manifest.path("title").asText());
        }
        entry.put("type", image.isPresent() ? "server" : "remote");
        entry.put("dateAdded", DateTimeFormatter.ISO_INSTANT.format(source.publishedAt()));
        Map<String, JsonNode> secretVariables = new LinkedHashMap<>();
        Map<String, JsonNode> configVariables = new LinkedHashMap<>();
        if (image.isPresent()) {
            JsonNode pkg = image.get();
            entry.put("image", pkg.path("identifier").asText());
            variables(pkg, secretVariables, configVariables);
        } else {
            ObjectNode remoteNode = entry.putObject("remote")
                    .put("url", remote.path("url").asText())
                    .put("transport_type", remote.path("type").asText());
            ObjectNode headers = JSON.createObjectNode();
            for (JsonNode header : remote.path("headers")) {
                collect(header, header.path("name").asText(), secretVariables, configVariables);
                String value = header.hasNonNull("value")
                        ? restore(header.path("value").asText(), header, key)
                        : "${" + env(header.path("name").asText()) + "}";
                headers.put(header.path("name").asText(), value);
            }
            if (!headers.isEmpty()) {
                remoteNode.set("headers", headers);
            }
        }
        if (manifest.path("repository").hasNonNull("url")) {
            entry.put("source", manifest.path("repository").path("url").asText());
        }
        if (manifest.path("icons").path(0).hasNonNull("src")) {
            entry.put("icon", manifest.path("icons").path(0).path("src").asText());
        }
        ArrayNode tools = entry.putArray("tools");
        source.tools()
                .ifPresent(list -> list.forEach(tool -> {
                    ObjectNode node =
                            tools.addObject().put("name", tool.path("name").asText());
                    if (tool.hasNonNull("description")) {
                        node.put("description", tool.path("description").asText());
                    }
                    Optional.ofNullable(
                                    source.toolDigests().get(tool.path("name").asText()))
                            .ifPresent(digest -> node.put("digest", digest));
                }));
        if (!secretVariables.isEmpty()) {
            ArrayNode secrets = entry.putArray("secrets");
            secretVariables
                    .keySet()
                    .forEach(variable -> secrets.addObject()
                            .put("name", key + "." + variable)
                            .put("env", env(variable)));
        }
        image.ifPresent(pkg -> {
            ArrayNode env = JSON.createArrayNode();
            for (JsonNode variable : pkg.path("environmentVariables")) {
                if (variable.path("isSecret").asBoolean(false)) {
                    continue;
                }
                String name = variable.path("name").asText();
                String value = variable.hasNonNull("value")
                        ? restore(variable.path("value").asText(), variable, key)
                        : configVariables.containsKey(name)
                                ? "{{" + key + "." + name + "}}"
                                : variable.path("default").asText("");
                env.addObject().put("name", name).put("value", value);
            }
            if (!env.isEmpty()) {
                entry.set("env", env);
            }
            List<String> command = new ArrayList<>();
            pkg.path("packageArguments").forEach(argument -> command.add(argument(argument, key)));
            if (!command.isEmpty()) {
                command.forEach(entry.putArray("command")::add);
            }
            List<String> volumes = volumes(pkg.path("runtimeArguments"), key);
            if (!volumes.isEmpty()) {
                volumes.forEach(entry.putArray("volumes")::add);
            }
        });
        if (!configVariables.isEmpty()) {
            entry.putArray("config").add(config(key, configVariables));
        }
        ObjectNode policy = RunPolicy.of(manifest, source.toolsDigest());
        if (!policy.path("networkHosts").isEmpty()) {
            ArrayNode allowHosts = entry.putArray("allowHosts");
            policy.path("networkHosts").forEach(host -> allowHosts.add(host.asText() + ":443"));
        }
        ObjectNode vouch = entry.putObject("vouch")
                .put("name", manifest.path("name").asText())
                .put("version", source.version())
                .put("tier", source.tier())
                .put("manifestSha256", source.manifestSha256());
        source.toolsDigest().ifPresent(digest -> vouch.put("toolsDigest", digest));
        return Optional.of(entry);
    }

    /** The first OCI package with stdio transport whose identifier pins a digest. */
    private static Optional<JsonNode> pinnedImage(JsonNode manifest) {
        for (JsonNode pkg : manifest.path("packages")) {
            if ("oci".equals(pkg.path("registryType").asText())
                    && "stdio".equals(pkg.path("transport").path("type").asText("stdio"))
                    && RunPolicy.digest(pkg).isPresent()) {
                return Optional.of(pkg);
            }
        }
        return Optional.empty();
    }

    private static void variables(JsonNode pkg, Map<String, JsonNode> secrets, Map<String, JsonNode> config) {
        for (String arguments : new String[] {"packageArguments", "runtimeArguments"}) {
            for (JsonNode argument : pkg.path(arguments)) {
                collect(argument, null, secrets, config);
            }
        }
        for (JsonNode variable : pkg.path("environmentVariables")) {
            String name = variable.path("name").asText();
            collect(variable, null, secrets, config);
            if (!variable.hasNonNull("value")) {
                if (variable.path("isSecret").asBoolean(false)) {
                    secrets.put(name, variable);
                } else if (variable.path("isRequired").asBoolean(false) || variable.hasNonNull("description")) {
                    config.put(name, variable);
                }
            }
        }
    }

    private static void collect(
            JsonNode input, String secretName, Map<String, JsonNode> secrets, Map<String, JsonNode> config) {
        input.path("variables")
                .fields()
                .forEachRemaining(
                        variable -> (variable.getValue().path("isSecret").asBoolean(false) ? secrets : config)
                                .put(variable.getKey(), variable.getValue()));
        if (secretName != null && input.path("isSecret").asBoolean(false)) {
            secrets.put(secretName, input);
        }
    }

    /** A value whose {@code {var}} placeholders become the gateway's {@code {{key.var}}} or {@code ${VAR}}. */
    private static String restore(String value, JsonNode input, String key) {
        String result = value;
        for (Iterator<Map.Entry<String, JsonNode>> it = input.path("variables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = it.next();
            String replacement = variable.getValue().path("isSecret").asBoolean(false)
                    ? "${" + env(variable.getKey()) + "}"
                    : "{{" + key + "." + variable.getKey() + "}}";
            result = result.replace("{" + variable.getKey() + "}", replacement);
        }
        return result;
    }

    private static String argument(JsonNode argument, String key) {
        String value =
                restore(argument.path("value").asText(argument.path("default").asText("")), argument, key);
        return "named".equals(argument.path("type").asText())
                ? argument.path("name").asText() + "=" + value
                : value;
    }

    private static List<String> volumes(JsonNode runtimeArguments, String key) {
        List<String> volumes = new ArrayList<>();
        for (JsonNode argument : runtimeArguments) {
            if (!"named".equals(argument.path("type").asText())) {
                continue;
            }
            String value = restore(argument.path("value").asText(""), argument, key);
            String name = argument.path("name").asText();
            if ("-v".equals(name) || "--volume".equals(name)) {
                volumes.add(value);
            } else if ("--mount".equals(name)) {
                String src = null;
                String dst = null;
                for (String part : value.split(",")) {
                    String[] kv = part.split("=", 2);
                    if (kv.length == 2 && (kv[0].equals("src") || kv[0].equals("source"))) {
                        src = kv[1];
                    } else if (kv.length == 2
                            && (kv[0].equals("dst") || kv[0].equals("destination") || kv[0].equals("target"))) {
                        dst = kv[1];
                    }
                }
                volumes.add(src != null && dst != null ? src + ":" + dst : value);
            }
        }
        return volumes;
    }

    private static ObjectNode config(String key, Map<String, JsonNode> variables) {
        ObjectNode config = JSON.createObjectNode()
                .put("name", key)
                .put("description", "Configuration for " + key)
                .put("type", "object");
        ObjectNode properties = config.putObject("properties");
        ArrayNode required = JSON.createArrayNode();
        variables.forEach((name, input) -> {
            String format = input.path("format").asText("string");
            ObjectNode property = properties
                    .putObject(name)
                    .put("type", "number".equals(format) || "boolean".equals(format) ? format : "string");
            if (input.hasNonNull("description")) {
                property.put("description", input.path("description").asText());
            }
            if (input.hasNonNull("default")) {
                property.put("default", input.path("default").asText());
            }
            if (input.path("isRequired").asBoolean(false)) {
                required.add(name);
            }
        });
        if (!required.isEmpty()) {
            config.set("required", required);
        }
        return config;
    }

    private static String env(String variable) {
        return variable.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
