package dev.vouch.provenance;

/** The checks a verification runs; a rejection names the one that failed. */
public enum Check {
    /** The public key could be read and is of a supported kind. */
    KEY_FORMAT,
    /** The DSSE envelope is well formed. */
    ENVELOPE_FORMAT,
    /** A signature verifies over the signed bytes with the given key. */
    SIGNATURE,
    /** The payload is an in-toto Statement (v0.1 or v1). */
    STATEMENT_FORMAT,
    /** A subject of the statement has the artifact's digest. */
    SUBJECT_DIGEST,
    /** The predicate has the shape its type promises. */
    PREDICATE_FORMAT,
    /** The Sigstore bundle and trusted root can be read. */
    BUNDLE_FORMAT,
    /**
     * Sigstore verification proper: the certificate chains to the trusted root's CA, its SCT, the
     * transparency log entry (SET, inclusion proof, checkpoint) and the signature over the artifact.
     */
    SIGSTORE,
    /** The signing certificate's OIDC issuer and subject match the identity policy. */
    IDENTITY,
    /** The log's (or timestamp authority's) time lies inside the signing certificate's validity. */
    CERTIFICATE_VALIDITY
}
