package dev.vouch.store;

/** The position of an entry in the catalog order (server name, then publication order). */
public record PageKey(String serverName, long id) {
}
