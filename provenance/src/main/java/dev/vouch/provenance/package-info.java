/**
 * Provenance: offline verification of Sigstore bundles, cosign signatures and in-toto attestations,
 * turned into typed evidence. A library; the registry API depends on it, never the reverse.
 */
package dev.vouch.provenance;
