/**
 * The scanner: finds tool poisoning, leaked secrets and rug pulls in MCP tool definitions, prompts,
 * resources, server instructions and server.json manifests.
 *
 * <p>{@link dev.vouch.scanner.Scanner} is the entry point. Input text is normalised first
 * ({@code normalize}), then matched against the versioned rule pack ({@code rules}, patterns as data,
 * linear-time RE2/J) and checked by the small classes of {@code checks} for what is not a pattern.
 * {@code drift} computes canonical tool digests and diffs two versions. A library: no I/O beyond its
 * own resources, no dependency on the registry.
 */
package dev.vouch.scanner;
