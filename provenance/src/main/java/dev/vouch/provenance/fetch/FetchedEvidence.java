package dev.vouch.provenance.fetch;

import java.util.Optional;

/** Signatures and attestations as a package registry serves them, still unverified. */
public sealed interface FetchedEvidence {

    /**
     * The most signatures and attestations read for one artifact: a registry listing thousands would
     * otherwise hold a publish for thousands of requests and verifications.
     */
    int MAX_PER_ARTIFACT = 32;

    static void requireRoom(int alreadyRead, Object artifact) throws EvidenceFetchException {
        if (alreadyRead >= MAX_PER_ARTIFACT) {
            throw new EvidenceFetchException(
                    artifact + " has more than " + MAX_PER_ARTIFACT + " signatures and attestations");
        }
    }

    /** A Sigstore bundle (OCI 1.1 referrer or npm attestation), as JSON. */
    record SigstoreBundle(String source, Optional<String> predicateType, byte[] bundleJson)
            implements FetchedEvidence {}

    /**
     * A cosign signature from the legacy {@code sha256-<hex>.sig} tag: the simple-signing payload and
     * the layer annotations that carry the signature, certificate, chain and Rekor bundle.
     */
    record CosignSignature(
            String source,
            byte[] payload,
            String signatureBase64,
            Optional<String> certificatePem,
            Optional<String> chainPem,
            Optional<String> rekorBundleJson)
            implements FetchedEvidence {}

    /** A cosign attestation from the legacy {@code sha256-<hex>.att} tag: a DSSE envelope, as JSON. */
    record CosignAttestation(
            String source,
            byte[] envelopeJson,
            Optional<String> certificatePem,
            Optional<String> chainPem,
            Optional<String> rekorBundleJson)
            implements FetchedEvidence {}
}
