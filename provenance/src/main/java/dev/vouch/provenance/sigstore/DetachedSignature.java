package dev.vouch.provenance.sigstore;

import java.util.Optional;

/**
 * A cosign signature kept beside the artifact instead of in a Sigstore bundle: a layer of cosign's
 * legacy {@code sha256-<hex>.sig} tag, or an entry of a publish envelope's {@code signatures}.
 *
 * @param payload         what was signed, when it is not the artifact itself: cosign's simple-signing
 *                        JSON, which names the image's manifest digest. Empty: the signature is over
 *                        the artifact (cosign {@code sign-blob}).
 * @param signature       the raw signature bytes
 * @param certificatePem  the Fulcio signing certificate of a keyless signature; empty for a key
 * @param chainPem        intermediate certificates, when the signer sent them
 * @param rekorBundleJson cosign's Rekor bundle: the log entry with its signed entry timestamp
 */
public record DetachedSignature(
        Optional<byte[]> payload,
        byte[] signature,
        Optional<String> certificatePem,
        Optional<String> chainPem,
        Optional<String> rekorBundleJson) {}
