package dev.vouch.registry.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.provenance.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a manifest's packages into evidence targets, without I/O. An OCI image pinned by digest and an
 * MCPB file with its {@code fileSha256} carry their digest; an npm package's digest is its tarball
 * integrity, which only the npm registry knows, so it comes back as a lookup for the caller to make
 * (and only when some signer could verify what that registry serves).
 */
final class TargetResolver {

    private TargetResolver() {}

    /**
     * @param pinned      packages whose digest the manifest itself gives
     * @param npmLookups  npm package versions whose integrity must be asked of the npm registry
     * @param unavailable packages no evidence can be bound to, and why
     */
    record Resolution(
            List<EvidenceTarget> pinned, List<EvidenceTarget.NpmVersion> npmLookups, List<String> unavailable) {

        Resolution {
            pinned = List.copyOf(pinned);
            npmLookups = List.copyOf(npmLookups);
            unavailable = List.copyOf(unavailable);
        }
    }

    static Resolution resolve(JsonNode manifest, boolean canVerify) {
        List<EvidenceTarget> pinned = new ArrayList<>();
        List<EvidenceTarget.NpmVersion> npm = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (JsonNode pkg : manifest.path("packages")) {
            String type = pkg.path("registryType").asText();
            String identifier = pkg.path("identifier").asText();
            if ("oci".equals(type)) {
                Optional<OciReference> image = OciReference.parse(identifier);
                if (image.isPresent() && image.get().digest().isPresent()) {
                    pinned.add(
                            new EvidenceTarget(identifier, image.get().digest().get(), image, Optional.empty()));
                } else {
                    unavailable.add("oci package " + identifier + " is not pinned by digest (@sha256:…)");
                }
            } else if ("mcpb".equals(type) && pkg.path("fileSha256").isTextual()) {
                Optional<Digest> digest = sha256(pkg.get("fileSha256").asText());
                if (digest.isPresent()) {
                    pinned.add(new EvidenceTarget(identifier, digest.get(), Optional.empty(), Optional.empty()));
                } else {
                    unavailable.add("mcpb package " + identifier + " has a fileSha256 that is not a SHA-256 digest");
                }
            } else if ("npm".equals(type) && pkg.path("version").isTextual() && canVerify) {
                npm.add(new EvidenceTarget.NpmVersion(
                        identifier, pkg.get("version").asText()));
            } else if ("npm".equals(type) && pkg.path("version").isTextual()) {
                unavailable.add("the policy accepts no signer identity or key, so evidence for npm package "
                        + identifier + " was not fetched");
            } else {
                unavailable.add(type + " package " + identifier + " has no digest evidence can be bound to");
            }
        }
        return new Resolution(pinned, npm, unavailable);
    }

    private static Optional<Digest> sha256(String hex) {
        try {
            return Optional.of(Digest.parse("sha256:" + hex));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
