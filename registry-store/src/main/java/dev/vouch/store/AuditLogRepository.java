package dev.vouch.store;

import static dev.vouch.store.Tables.AuditLog.ACTION;
import static dev.vouch.store.Tables.AuditLog.ACTOR;
import static dev.vouch.store.Tables.AuditLog.ALL;
import static dev.vouch.store.Tables.AuditLog.AT;
import static dev.vouch.store.Tables.AuditLog.DETAIL;
import static dev.vouch.store.Tables.AuditLog.HASH;
import static dev.vouch.store.Tables.AuditLog.PREV_HASH;
import static dev.vouch.store.Tables.AuditLog.SEQ;
import static dev.vouch.store.Tables.AuditLog.SUBJECT;
import static dev.vouch.store.Tables.AuditLog.TABLE;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record2;

/** The append-only, hash-chained audit log. It has no update and no delete. */
public final class AuditLogRepository {

    private final DSLContext dsl;

    AuditLogRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Appends an event after the current last record. Call it inside the transaction of the write it
     * records, so the write and its audit record commit together.
     */
    public AuditRecord append(AuditEvent event) {
        Optional<Record2<Long, String>> last =
                dsl.select(SEQ, HASH).from(TABLE).orderBy(SEQ.desc()).limit(1).fetchOptional();
        long seq = last.map(r -> r.value1() + 1).orElse(1L);
        String prevHash = last.map(Record2::value2).orElse(AuditRecord.GENESIS);
        AuditRecord record = AuditRecord.chain(seq, prevHash, event);
        dsl.insertInto(TABLE)
                .set(SEQ, record.seq())
                .set(AT, Micros.of(record.at()))
                .set(ACTOR, record.actor())
                .set(ACTION, record.action())
                .set(SUBJECT, record.subject())
                .set(DETAIL, record.detail())
                .set(PREV_HASH, record.prevHash())
                .set(HASH, record.hash())
                .execute();
        return record;
    }

    /** The last record appended, if any: the head of the chain. */
    public Optional<AuditRecord> last() {
        return dsl.select(ALL).from(TABLE).orderBy(SEQ.desc()).limit(1).fetchOptional(AuditLogRepository::toRecord);
    }

    /** Records with {@code seq > afterSeq}, oldest first, at most {@code limit}. */
    public List<AuditRecord> read(long afterSeq, int limit) {
        return dsl.select(ALL)
                .from(TABLE)
                .where(SEQ.gt(afterSeq))
                .orderBy(SEQ.asc())
                .limit(limit)
                .fetch(AuditLogRepository::toRecord);
    }

    /** The newest {@code limit} records, newest first: what a curator reads to see what just happened. */
    public List<AuditRecord> latest(int limit) {
        return dsl.select(ALL).from(TABLE).orderBy(SEQ.desc()).limit(limit).fetch(AuditLogRepository::toRecord);
    }

    private static AuditRecord toRecord(Record r) {
        return new AuditRecord(
                r.get(SEQ),
                Micros.toInstant(r.get(AT)),
                r.get(ACTOR),
                r.get(ACTION),
                r.get(SUBJECT),
                r.get(DETAIL),
                r.get(PREV_HASH),
                r.get(HASH));
    }
}
