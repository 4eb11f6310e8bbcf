package dev.vouch.registry.evidence;

import dev.vouch.provenance.sigstore.DetachedSignature;
import java.util.List;
import java.util.Optional;

/**
 * The evidence a publisher sent with a publish, each piece naming the manifest package it is for.
 *
 * @param attestations Sigstore bundles
 * @param signatures   cosign signatures kept beside the artifact
 */
public record SentEvidence(List<Attestation> attestations, List<Signature> signatures) {

    public static final SentEvidence NONE = new SentEvidence(List.of(), List.of());

    public SentEvidence {
        attestations = List.copyOf(attestations);
        signatures = List.copyOf(signatures);
    }

    /** A Sigstore bundle the publisher sent for one of the manifest's packages (by its identifier). */
    public record Attestation(String packageIdentifier, byte[] bundleJson) {}

    /**
     * A cosign signature the publisher sent for one of the manifest's packages; {@code keyPem} names the
     * key it claims to be signed with (which the policy must accept), empty for a keyless signature.
     */
    public record Signature(String packageIdentifier, DetachedSignature signature, Optional<String> keyPem) {}

    /** Whether the publisher sent any evidence for the package with this identifier. */
    public boolean sentFor(String packageIdentifier) {
        return attestations.stream().anyMatch(a -> a.packageIdentifier().equals(packageIdentifier))
                || signatures.stream().anyMatch(s -> s.packageIdentifier().equals(packageIdentifier));
    }
}
