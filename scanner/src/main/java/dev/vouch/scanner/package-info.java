/**
 * The scanner: normalisation, rule pack, findings, tool digests and drift. A library with no I/O beyond
 * its own resources; the registry API depends on it, never the reverse.
 */
package dev.vouch.scanner;
