package dev.vouch.registry;

/** The running Vouch release, from the jar manifest (absent when run from classes, as in tests). */
public final class VouchVersion {

    private VouchVersion() {}

    public static String current() {
        String version = VouchVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
