package dev.vouch.registry.publish;

/**
 * One of a new version's tools that a server of another publisher (another namespace) also has in its latest
 * version, by name in any ASCII case, and the tier that server was published in. An agent that has both servers
 * connected may call either when the model asks for the name: the classic way for a tool to shadow another.
 *
 * @param tool   the name as the new version spells it
 * @param server the other server
 * @param tier   the other server's tier
 */
public record SharedToolName(String tool, String server, String tier) {}
