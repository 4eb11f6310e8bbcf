package dev.vouch.store;

import org.jooq.DSLContext;

/** The single-row catalog change sequence of {@code V10__read_shape.sql}. */
final class CatalogChanges {
    private CatalogChanges() {
    }

    static void bump(DSLContext dsl) {
        dsl.update(Tables.CatalogChanges.TABLE)
                .set(Tables.CatalogChanges.SEQ, Tables.CatalogChanges.SEQ.plus(1))
                .where(Tables.CatalogChanges.ID.eq(1L))
                .execute();
    }

    static long current(DSLContext dsl) {
        return dsl.select(Tables.CatalogChanges.SEQ).from(Tables.CatalogChanges.TABLE)
                .where(Tables.CatalogChanges.ID.eq(1L))
                .fetchSingle(Tables.CatalogChanges.SEQ);
    }
}
