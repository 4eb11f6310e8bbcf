package dev.vouch.registry.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.provenance.keys.PublicKeys;
import dev.vouch.registry.domain.Digests;
import dev.vouch.registry.domain.JsonMappers;
import dev.vouch.registry.snapshot.CatalogSnapshot;
import dev.vouch.registry.snapshot.SignedSnapshot;
import dev.vouch.registry.snapshot.SnapshotException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The pinned-key check of an upstream Vouch: its signed catalog snapshot must verify with the pinned key
 * (through the same verifier as {@code vouch snapshot verify}), its serial must not go back, and every
 * version the feed offers must be in it with the same status and the manifest digest it signs. The
 * manifest published locally is the upstream's exact bytes, whose digest the snapshot signs; the feed's
 * rendering of it must say the same. Any mismatch fails closed.
 */
final class UpstreamSnapshot {

    private static final ObjectMapper JSON = JsonMappers.JSON;

    private final UpstreamClient client;
    private final PublicKey key;
    private final String api;
    private CatalogSnapshot current;
    private Map<String, CatalogSnapshot.Entry> entries = Map.of();

    UpstreamSnapshot(UpstreamClient client, PublicKey key, String api) {
        this.client = client;
        this.key = key;
        this.api = api;
    }

    /**
     * Fetches and verifies the upstream's current snapshot.
     *
     * @throws UpstreamTrustException when it does not verify with the pinned key, or its serial is lower
     *                                than {@code lastSerial}
     */
    void load(Optional<Long> lastSerial) {
        UpstreamClient.Answer answer = client.get(api + "/snapshot");
        if (answer.status() != 200) {
            throw new UpstreamTrustException("the upstream's signed snapshot answered HTTP " + answer.status()
                    + "; with a pinned key nothing is mirrored without it");
        }
        CatalogSnapshot snapshot;
        try {
            snapshot = SignedSnapshot.verify(answer.body(), key);
        } catch (SnapshotException e) {
            throw new UpstreamTrustException("the upstream's snapshot is not trusted: " + e.getMessage(), e);
        }
        long floor = Math.max(lastSerial.orElse(0L), current == null ? 0 : current.serial());
        if (snapshot.serial() < floor) {
            throw new UpstreamTrustException("the upstream's snapshot serial " + snapshot.serial() + " is lower than "
                    + floor + ", already seen: a rollback");
        }
        Map<String, CatalogSnapshot.Entry> byCoordinates = new HashMap<>();
        snapshot.versions().forEach(entry -> byCoordinates.put(entry.coordinates(), entry));
        this.current = snapshot;
        this.entries = byCoordinates;
    }

    long serial() {
        return current.serial();
    }

    String keyFingerprint() {
        return PublicKeys.fingerprint(key);
    }

    /** The snapshot entry of a feed entry, reloading the snapshot once when the feed is newer than it. */
    private CatalogSnapshot.Entry entryFor(UpstreamEntry entry) {
        CatalogSnapshot.Entry signed = entries.get(entry.coordinates());
        if (signed == null || !signed.status().equals(entry.status())) {
            load(Optional.empty());
            signed = entries.get(entry.coordinates());
        }
        if (signed == null) {
            throw new UpstreamTrustException(entry.coordinates() + " is in the upstream's feed but not in its signed "
                    + "snapshot (serial " + current.serial() + ")");
        }
        if (!signed.status().equals(entry.status())) {
            throw new UpstreamTrustException(entry.coordinates() + " is " + entry.status() + " in the upstream's feed "
                    + "but " + signed.status() + " in its signed snapshot (serial " + current.serial() + ")");
        }
        return signed;
    }

    /**
     * The exact manifest bytes of a feed entry, once they match the signed snapshot; empty for a deleted
     * entry (the snapshot lists only what is served, and a deletion only takes away).
     *
     * @throws UpstreamTrustException on any mismatch
     */
    Optional<byte[]> verifiedManifest(UpstreamEntry entry) {
        if ("deleted".equals(entry.status())) {
            return Optional.empty();
        }
        CatalogSnapshot.Entry signed = entryFor(entry);
        UpstreamClient.Answer exact = client.get(
                api + "/servers/" + encode(entry.name()) + "/versions/" + encode(entry.version()) + "/server.json");
        if (exact.status() != 200) {
            throw new UpstreamTrustException(
                    entry.coordinates() + ": the upstream's exact manifest answered HTTP " + exact.status());
        }
        String digest = sha256(exact.body());
        if (!digest.equals(signed.manifestSha256())) {
            throw new UpstreamTrustException(entry.coordinates() + ": the upstream serves a manifest with sha256 "
                    + digest + ", its signed snapshot records " + signed.manifestSha256());
        }
        if (!canonical(entry.server()).equals(canonicalBytes(exact.body()))) {
            throw new UpstreamTrustException(entry.coordinates() + ": the feed's manifest differs from the one the "
                    + "upstream's snapshot signs");
        }
        return Optional.of(exact.body());
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String canonicalBytes(byte[] bytes) {
        try {
            return canonical(JSON.readTree(bytes));
        } catch (IOException e) {
            return "";
        }
    }

    private static String canonical(JsonNode node) {
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(node)).getEncodedString();
        } catch (IOException e) {
            throw new IllegalStateException("a parsed JSON value cannot be canonicalised", e);
        }
    }

    static String sha256(byte[] bytes) {
        return Digests.sha256Hex(bytes);
    }
}
