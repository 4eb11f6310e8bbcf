package dev.vouch.registry.evidence;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where evidence is fetched from: OCI registries by host (default {@code https://<host>}), the npm
 * registry, and how long a registry may take. Configurable so an operator can point at mirrors and
 * tests at WireMock.
 */
public record EvidenceSources(Map<String, URI> ociRegistries, URI npmRegistry, Duration timeout) {

    public static final URI NPM_PUBLIC = URI.create("https://registry.npmjs.org");

    public EvidenceSources {
        ociRegistries = Map.copyOf(ociRegistries);
    }

    public static EvidenceSources defaults() {
        return new EvidenceSources(Map.of(), NPM_PUBLIC, Duration.ofSeconds(20));
    }

    URI ociRegistry(String host) {
        return ociRegistries.getOrDefault(
                host, URI.create("https://" + ("docker.io".equals(host) ? "registry-1.docker.io" : host)));
    }
}
