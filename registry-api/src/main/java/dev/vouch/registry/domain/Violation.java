package dev.vouch.registry.domain;

/**
 * One thing wrong with a request, located by a JSON Pointer (RFC 6901) into the body or naming the
 * query parameter.
 */
public record Violation(String pointer, String message) {}
