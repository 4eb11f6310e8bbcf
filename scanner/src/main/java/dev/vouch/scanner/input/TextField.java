package dev.vouch.scanner.input;

/**
 * One string to scan.
 *
 * @param pointer JSON Pointer of the string in the scanned document
 * @param key     the name of the property the string belongs to ({@code description}, {@code default}…),
 *                or of the environment variable or header it sets
 */
public record TextField(String pointer, FieldKind kind, String key, String text) {}
