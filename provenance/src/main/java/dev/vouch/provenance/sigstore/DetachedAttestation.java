package dev.vouch.provenance.sigstore;

import java.util.Optional;

/**
 * A cosign attestation kept beside the artifact: a DSSE envelope from a layer of cosign's legacy
 * {@code sha256-<hex>.att} tag, with the certificate and Rekor bundle from its annotations.
 */
public record DetachedAttestation(
        byte[] envelopeJson,
        Optional<String> certificatePem,
        Optional<String> chainPem,
        Optional<String> rekorBundleJson) {}
