package dev.vouch.store;

import java.util.Optional;

/**
 * Checks the audit log's hash chain: every record's hash covers its content, and every record names
 * its predecessor's hash. An edit, a deletion or an insertion anywhere breaks the chain at that record.
 */
public final class AuditChain {

    private static final int PAGE = 1000;

    private AuditChain() {}

    /** Where the chain first breaks, and how. */
    public record Break(long seq, String reason) {}

    /** The result of a full check: how many records were read, and the first break if any. */
    public record Result(long records, Optional<Break> firstBreak) {}

    public static Result verify(Store store) {
        String previousHash = AuditRecord.GENESIS;
        long expectedSeq = 1;
        long count = 0;
        long after = 0;
        while (true) {
            long from = after;
            var page = store.read(repos -> repos.audit().read(from, PAGE));
            for (AuditRecord record : page) {
                count++;
                if (record.seq() != expectedSeq) {
                    return new Result(
                            count,
                            Optional.of(new Break(
                                    record.seq(), "expected record " + expectedSeq + " next; records are missing")));
                }
                if (!record.prevHash().equals(previousHash)) {
                    return new Result(
                            count, Optional.of(new Break(record.seq(), "does not follow the previous record's hash")));
                }
                if (!record.hashMatches()) {
                    return new Result(count, Optional.of(new Break(record.seq(), "content does not match its hash")));
                }
                previousHash = record.hash();
                expectedSeq++;
                after = record.seq();
            }
            if (page.size() < PAGE) {
                return new Result(count, Optional.empty());
            }
        }
    }
}
