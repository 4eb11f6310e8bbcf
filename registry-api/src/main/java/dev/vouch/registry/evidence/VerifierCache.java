package dev.vouch.registry.evidence;

import dev.vouch.provenance.Check;
import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.sigstore.SigstoreVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Sigstore verifier per trusted root, read again when the file changes: an operator rotating keys
 * replaces trusted_root.json and expects the next publish to use it, as it does a policy edit. The
 * empty root is the public-good one shipped with Vouch.
 */
final class VerifierCache {

    private final Map<Optional<String>, Cached> verifiers = new ConcurrentHashMap<>();

    /** A verifier and the modification time of the trusted-root file it was read from. */
    private record Cached(SigstoreVerifier verifier, Optional<FileTime> modified) {}

    SigstoreVerifier verifier(Optional<String> trustedRoot) throws VerificationException {
        Optional<FileTime> modified = Optional.empty();
        if (trustedRoot.isPresent()) {
            try {
                modified = Optional.of(Files.getLastModifiedTime(Path.of(trustedRoot.get())));
            } catch (IOException e) {
                throw new VerificationException(
                        Check.BUNDLE_FORMAT, "cannot read trusted root " + trustedRoot.get(), e);
            }
        }
        Cached cached = verifiers.get(trustedRoot);
        if (cached != null && cached.modified().equals(modified)) {
            return cached.verifier();
        }
        SigstoreVerifier created = trustedRoot.isPresent()
                ? SigstoreVerifier.withTrustedRoot(Path.of(trustedRoot.get()))
                : SigstoreVerifier.withPublicGoodRoot();
        verifiers.put(trustedRoot, new Cached(created, modified));
        return created;
    }
}
