package dev.vouch.store;

/** The version is already stored; published versions are immutable. */
public final class DuplicateVersionException extends RuntimeException {
    private final String serverName;
    private final String version;

    public DuplicateVersionException(String serverName, String version) {
        super("version " + version + " of " + serverName + " already exists");
        this.serverName = serverName;
        this.version = version;
    }

    public String serverName() {
        return serverName;
    }

    public String version() {
        return version;
    }
}
