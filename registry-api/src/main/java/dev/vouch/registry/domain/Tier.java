package dev.vouch.registry.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The trust tier a version is published in. {@code verified}: a signature, an SBOM and SLSA provenance
 * from the manifest's own repository are all bound to its artifact; {@code community}: anything less.
 * The wire name is what the API, the trust summary and the store carry.
 */
public enum Tier {
    VERIFIED,
    COMMUNITY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Tier> fromWire(String value) {
        return Arrays.stream(values())
                .filter(tier -> tier.wireName().equals(value))
                .findFirst();
    }

    /** Every wire name, for messages and query validation. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(Tier::wireName).toList();
    }
}
