package dev.vouch.registry.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.registry.domain.Digests;
import dev.vouch.registry.domain.JsonMappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * A signed statement of the whole served catalog: every active or deprecated version with what the
 * registry recorded about it, the position in the audit log it reflects, and when it was issued.
 *
 * <p>It is an in-toto v1 Statement in RFC 8785 canonical JSON, so the signed bytes are the same whoever
 * re-serialises it. The subject is the catalog itself, digested over the canonical list of versions.
 *
 * @param serial    the sequence number of the last audit record the snapshot reflects; every audited
 *                  write raises it, so a later catalog never has a lower serial, and two snapshots with
 *                  the same serial describe the same catalog
 * @param auditHead the hash of that audit record, tying the snapshot to the hash-chained log
 */
public record CatalogSnapshot(long serial, Instant issuedAt, String auditHead, List<Entry> versions) {

    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    public static final String PREDICATE_TYPE = "https://vouch.dev/attestations/catalog-snapshot/v1";
    public static final String SUBJECT_NAME = "vouch-catalog";

    private static final ObjectMapper JSON = JsonMappers.JSON;

    public CatalogSnapshot {
        versions = versions.stream()
                .sorted(Comparator.comparing(Entry::name).thenComparing(Entry::version))
                .toList();
    }

    /**
     * One served version as the registry recorded it at publish: the manifest's SHA-256 (hex, of the
     * exact stored bytes), the tool-set digest, trust tier, scan verdict and rule-pack version, status.
     */
    public record Entry(
            String name,
            String version,
            String manifestSha256,
            Optional<String> toolsDigest,
            String tier,
            Optional<String> scanVerdict,
            Optional<String> rulesVersion,
            String status) {

        public String coordinates() {
            return name + "@" + version;
        }

        ObjectNode json() {
            ObjectNode node = JSON.createObjectNode()
                    .put("name", name)
                    .put("version", version)
                    .put("manifestSha256", manifestSha256);
            node.put("toolsDigest", toolsDigest.orElse(null))
                    .put("tier", tier)
                    .put("scanVerdict", scanVerdict.orElse(null))
                    .put("rulesVersion", rulesVersion.orElse(null))
                    .put("status", status);
            return node;
        }

        static Entry of(JsonNode node) {
            return new Entry(
                    required(node, "name"),
                    required(node, "version"),
                    required(node, "manifestSha256"),
                    optional(node, "toolsDigest"),
                    required(node, "tier"),
                    optional(node, "scanVerdict"),
                    optional(node, "rulesVersion"),
                    required(node, "status"));
        }
    }

    /** The statement's canonical bytes: what the registry signs. */
    public byte[] statement() {
        ArrayNode list = versionsJson();
        ObjectNode statement = JSON.createObjectNode().put("_type", STATEMENT_TYPE);
        statement
                .putArray("subject")
                .addObject()
                .put("name", SUBJECT_NAME)
                .putObject("digest")
                .put("sha256", digest(list));
        statement.put("predicateType", PREDICATE_TYPE);
        ObjectNode predicate = statement
                .putObject("predicate")
                .put("serial", serial)
                .put("issuedAt", issuedAt.toString())
                .put("auditHead", auditHead);
        predicate.set("versions", list);
        return canonical(statement);
    }

    /**
     * Reads a statement back: its type, predicate type and subject digest must be a catalog snapshot's.
     *
     * @throws SnapshotException when it is not one
     */
    public static CatalogSnapshot parse(byte[] statementBytes) {
        JsonNode statement;
        try {
            statement = JSON.readTree(statementBytes);
        } catch (IOException e) {
            throw new SnapshotException("the snapshot statement is not JSON");
        }
        if (statement == null
                || !STATEMENT_TYPE.equals(statement.path("_type").asText())
                || !PREDICATE_TYPE.equals(statement.path("predicateType").asText())) {
            throw new SnapshotException("not a Vouch catalog snapshot (predicate type must be " + PREDICATE_TYPE + ")");
        }
        JsonNode predicate = statement.path("predicate");
        List<Entry> entries = new ArrayList<>();
        try {
            predicate.path("versions").forEach(node -> entries.add(Entry.of(node)));
            if (!predicate.path("serial").canConvertToLong()
                    || predicate.path("serial").asLong() < 0) {
                throw new SnapshotException("the snapshot has no serial");
            }
            CatalogSnapshot snapshot = new CatalogSnapshot(
                    predicate.path("serial").asLong(),
                    Instant.parse(required(predicate, "issuedAt")),
                    required(predicate, "auditHead"),
                    entries);
            JsonNode subject = statement.path("subject").path(0);
            if (!SUBJECT_NAME.equals(subject.path("name").asText())
                    || !digest(snapshot.versionsJson())
                            .equals(subject.path("digest").path("sha256").asText())) {
                throw new SnapshotException("the snapshot's subject digest does not match its list of versions");
            }
            return snapshot;
        } catch (DateTimeParseException e) {
            throw new SnapshotException("the snapshot's issue time is not an RFC 3339 instant");
        }
    }

    private ArrayNode versionsJson() {
        ArrayNode list = JSON.createArrayNode();
        versions.forEach(entry -> list.add(entry.json()));
        return list;
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new SnapshotException("a snapshot entry lacks " + field);
        }
        return value.asText();
    }

    private static Optional<String> optional(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static String digest(JsonNode node) {
        return Digests.sha256Hex(canonical(node));
    }

    private static byte[] canonical(JsonNode node) {
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(node)).getEncodedUTF8();
        } catch (IOException e) {
            throw new UncheckedIOException("a snapshot cannot be canonicalised", e);
        }
    }
}
