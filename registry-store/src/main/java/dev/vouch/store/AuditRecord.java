package dev.vouch.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One entry of the append-only audit log. Each record's hash covers its content and the previous
 * record's hash, so editing or removing any record breaks every hash after it.
 */
public record AuditRecord(
        long seq,
        Instant at,
        String actor,
        String action,
        String subject,
        String detail,
        String prevHash,
        String hash) {

    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

    static AuditRecord chain(long seq, String prevHash, AuditEvent event) {
        Instant at = Micros.toInstant(Micros.of(event.at()));
        String hash = computeHash(seq, at, event.actor(), event.action(), event.subject(), event.detail(), prevHash);
        return new AuditRecord(seq, at, event.actor(), event.action(), event.subject(), event.detail(), prevHash, hash);
    }

    /** Whether the stored hash is the hash of this record's content and predecessor. */
    public boolean hashMatches() {
        return hash.equals(computeHash(seq, at, actor, action, subject, detail, prevHash));
    }

    private static String computeHash(
            long seq, Instant at, String actor, String action, String subject, String detail, String prevHash) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            // Length-prefixed fields: no choice of content can make two different records hash alike.
            for (String field : new String[] {
                prevHash, Long.toString(seq), Long.toString(Micros.of(at)), actor, action, subject, detail
            }) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                sha256.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha256.update(bytes);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
