package dev.vouch.registry.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.registry.domain.JsonMappers;
import dev.vouch.scanner.match.CaseFolding;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a runtime needs to run a vetted version as it was vetted, carried in
 * {@code _meta["io.vouch.registry/runtime"]} of every read (schema: {@code runtime-policy.schema.json} in
 * the openapi module):
 *
 * <ul>
 *   <li>{@code packages}: each package with the digest that pins it, where the manifest names one (an
 *       OCI image by {@code @sha256:}, an MCPB file by {@code fileSha256}); {@code reference} is the
 *       pinned reference a runtime should pull, absent when the package is not pinned;</li>
 *   <li>{@code secrets}: the names of the secrets it declares, never values;</li>
 *   <li>{@code networkHosts}: the hosts its remotes use;</li>
 *   <li>{@code toolsDigest}: the tool-set digest the vetted tools have, which the live {@code tools/list}
 *       must reproduce (see {@code vouch check-tools}).</li>
 * </ul>
 *
 * <p>Derived from the stored manifest and tool-set digest, so it is the same for every read of a
 * version and every version carries it.
 */
public final class RunPolicy {

    public static final String META_KEY = "io.vouch.registry/runtime";

    private static final ObjectMapper JSON = JsonMappers.JSON;
    private static final Pattern OCI_DIGEST = Pattern.compile(".*@(sha256:[0-9a-f]{64})$");
    private static final Pattern SHA256_HEX = Pattern.compile("^[0-9a-f]{64}$");

    private RunPolicy() {}

    /** The run policy of a manifest whose tool set has {@code toolsDigest} (absent when it declared no tools). */
    public static ObjectNode of(JsonNode manifest, Optional<String> toolsDigest) {
        ObjectNode policy = JSON.createObjectNode();
        ArrayNode packages = policy.putArray("packages");
        Set<String> secrets = new TreeSet<>();
        for (JsonNode pkg : manifest.path("packages")) {
            packages.add(pkg(pkg));
            for (JsonNode env : pkg.path("environmentVariables")) {
                secret(env, env.path("name").asText(null), secrets);
            }
            for (String arguments : new String[] {"runtimeArguments", "packageArguments"}) {
                for (JsonNode argument : pkg.path(arguments)) {
                    secret(
                            argument,
                            argument.path("name")
                                    .asText(argument.path("valueHint").asText(null)),
                            secrets);
                }
            }
        }
        Set<String> hosts = new TreeSet<>();
        for (JsonNode remote : manifest.path("remotes")) {
            host(remote.path("url").asText("")).ifPresent(hosts::add);
            for (JsonNode header : remote.path("headers")) {
                secret(header, header.path("name").asText(null), secrets);
            }
        }
        secrets.forEach(policy.putArray("secrets")::add);
        hosts.forEach(policy.putArray("networkHosts")::add);
        toolsDigest.ifPresentOrElse(digest -> policy.put("toolsDigest", digest), () -> policy.putNull("toolsDigest"));
        return policy;
    }

    /** The digest that pins a package, when its manifest entry names one. */
    public static Optional<String> digest(JsonNode pkg) {
        String type = pkg.path("registryType").asText("");
        String identifier = pkg.path("identifier").asText("");
        if ("oci".equals(type)) {
            var matcher = OCI_DIGEST.matcher(identifier);
            return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
        }
        String fileSha256 = CaseFolding.lower(pkg.path("fileSha256").asText(""));
        return SHA256_HEX.matcher(fileSha256).matches() ? Optional.of("sha256:" + fileSha256) : Optional.empty();
    }

    private static ObjectNode pkg(JsonNode pkg) {
        ObjectNode node = JSON.createObjectNode()
                .put("registryType", pkg.path("registryType").asText(""))
                .put("identifier", pkg.path("identifier").asText(""));
        if (pkg.hasNonNull("version")) {
            node.put("version", pkg.path("version").asText());
        }
        node.put("transport", pkg.path("transport").path("type").asText("stdio"));
        Optional<String> digest = digest(pkg);
        digest.ifPresentOrElse(d -> node.put("digest", d), () -> node.putNull("digest"));
        digest.ifPresent(d -> node.put("reference", pkg.path("identifier").asText()));
        return node;
    }

    /** Records a declared secret, and the secret variables a templated value names, by name only. */
    private static void secret(JsonNode input, String name, Set<String> secrets) {
        if (input.path("isSecret").asBoolean(false) && name != null && !name.isBlank()) {
            secrets.add(name);
        }
        input.path("variables").fields().forEachRemaining(variable -> {
            if (variable.getValue().path("isSecret").asBoolean(false)) {
                secrets.add(variable.getKey());
            }
        });
    }

    private static Optional<String> host(String url) {
        try {
            return Optional.ofNullable(new URI(url).getHost()).map(h -> h.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            // A templated remote URL ("https://{tenant}.example.com") has no fixed host to allow.
            return Optional.empty();
        }
    }
}
