/**
 * Provenance: turns signatures and attestations into typed, verified evidence, offline. Every failure
 * is a {@link dev.vouch.provenance.VerificationException} naming the exact check that failed; there is
 * no boolean answer. A library: the registry depends on it, never the reverse.
 */
package dev.vouch.provenance;
