package dev.vouch.store;

import org.jooq.DSLContext;

/** Bumps the single-row catalog change sequence of {@code V10__read_shape.sql} (read by {@link Database#changeSequence}). */
final class CatalogChanges {
    private CatalogChanges() {}

    /** Bumps the sequence in {@code dsl}'s transaction and returns the value it commits with. */
    static long bump(DSLContext dsl) {
        dsl.update(Tables.CatalogChanges.TABLE)
                .set(Tables.CatalogChanges.SEQ, Tables.CatalogChanges.SEQ.plus(1))
                .where(Tables.CatalogChanges.ID.eq(1L))
                .execute();
        // The row is locked by the update until commit, so no other writer moves it in between.
        return dsl.select(Tables.CatalogChanges.SEQ)
                .from(Tables.CatalogChanges.TABLE)
                .where(Tables.CatalogChanges.ID.eq(1L))
                .fetchSingle(Tables.CatalogChanges.SEQ);
    }
}
