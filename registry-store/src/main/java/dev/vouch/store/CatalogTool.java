package dev.vouch.store;

/**
 * A tool of a server's latest version, as the catalog knows it: {@code key} is its name in ASCII lower case, the
 * form names are compared in, and {@code tier} is the trust tier that version was published in.
 */
public record CatalogTool(String key, String serverName, String toolName, String tier) {}
