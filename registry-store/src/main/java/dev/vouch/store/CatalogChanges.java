package dev.vouch.store;

import org.jooq.DSLContext;

/** Bumps the single-row catalog change sequence of {@code V10__read_shape.sql} (read by {@link Database#changeSequence}). */
final class CatalogChanges {
    private CatalogChanges() {}

    static void bump(DSLContext dsl) {
        dsl.update(Tables.CatalogChanges.TABLE)
                .set(Tables.CatalogChanges.SEQ, Tables.CatalogChanges.SEQ.plus(1))
                .where(Tables.CatalogChanges.ID.eq(1L))
                .execute();
    }
}
