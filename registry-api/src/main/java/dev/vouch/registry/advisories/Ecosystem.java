package dev.vouch.registry.advisories;

import com.github.zafarkhaja.semver.Version;
import java.util.Comparator;
import java.util.Optional;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * The package ecosystems whose advisories Vouch imports: their OSV name, their package-URL type, and
 * how they order versions (OSV {@code ECOSYSTEM} ranges use each ecosystem's own order).
 */
public enum Ecosystem {
    NPM("npm", "npm"),
    PYPI("PyPI", "pypi"),
    GO("Go", "golang"),
    MAVEN("Maven", "maven"),
    CRATES("crates.io", "cargo");

    private final String osvName;
    private final String purlType;

    Ecosystem(String osvName, String purlType) {
        this.osvName = osvName;
        this.purlType = purlType;
    }

    public String osvName() {
        return osvName;
    }

    public static Optional<Ecosystem> fromOsv(String name) {
        for (Ecosystem ecosystem : values()) {
            if (ecosystem.osvName.equals(name)) {
                return Optional.of(ecosystem);
            }
        }
        return Optional.empty();
    }

    public static Optional<Ecosystem> fromPurlType(String type) {
        for (Ecosystem ecosystem : values()) {
            if (ecosystem.purlType.equals(type)) {
                return Optional.of(ecosystem);
            }
        }
        return Optional.empty();
    }

    /** The ecosystem's version order. */
    public Comparator<String> versionOrder() {
        return switch (this) {
            case MAVEN -> (a, b) -> new ComparableVersion(a).compareTo(new ComparableVersion(b));
            case PYPI -> Pep440::compare;
            case GO -> (a, b) -> semver(strip(a), strip(b));
            default -> Ecosystem::semver;
        };
    }

    /** Package names as OSV spells them: PyPI names are normalised (PEP 503). */
    public String normalizeName(String name) {
        return this == PYPI ? name.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "-") : name;
    }

    private static String strip(String version) {
        return version.startsWith("v") ? version.substring(1) : version;
    }

    private static int semver(String a, String b) {
        Optional<Version> left = Version.tryParse(a, false);
        Optional<Version> right = Version.tryParse(b, false);
        if (left.isPresent() && right.isPresent()) {
            return left.get().compareTo(right.get());
        }
        // Not semantic versions: fall back to Maven's general-purpose order, which handles dotted numbers.
        return new ComparableVersion(a).compareTo(new ComparableVersion(b));
    }
}
