package dev.vouch.registry.evidence;

import dev.vouch.provenance.Digest;
import java.util.Optional;

/**
 * A package of the manifest that evidence can be bound to: its identifier, the digest evidence must
 * cover, and where its registry's evidence lives (an OCI image, or an npm package version).
 */
record EvidenceTarget(String identifier, Digest digest, Optional<OciReference> image, Optional<NpmVersion> npm) {

    /** An npm package version; its digest is the tarball integrity the npm registry reports. */
    record NpmVersion(String identifier, String version) {}

    /** Whether a registry serves evidence for this target (an MCPB file has none to ask). */
    boolean fetchable() {
        return image.isPresent() || npm.isPresent();
    }
}
