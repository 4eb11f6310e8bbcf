package dev.vouch.registry.evidence;

import dev.vouch.provenance.Digest;
import java.util.Optional;

/** An OCI image reference {@code [registry/]repository[:tag][@sha256:digest]}, split into its parts. */
record OciReference(String registry, String repository, Optional<Digest> digest) {

    static Optional<OciReference> parse(String reference) {
        String rest = reference;
        Optional<Digest> digest = Optional.empty();
        int at = rest.indexOf('@');
        if (at >= 0) {
            try {
                digest = Optional.of(Digest.parse(rest.substring(at + 1)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            rest = rest.substring(0, at);
        }
        int slash = rest.indexOf('/');
        String registry = "docker.io";
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || "localhost".equals(first)) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        int colon = rest.lastIndexOf(':');
        if (colon > 0) {
            rest = rest.substring(0, colon);
        }
        if ("docker.io".equals(registry) && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        return rest.isEmpty() ? Optional.empty() : Optional.of(new OciReference(registry, rest, digest));
    }
}
