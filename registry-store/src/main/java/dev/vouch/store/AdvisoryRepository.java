package dev.vouch.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** Imported OSV advisories, looked up by ecosystem and package name. */
public final class AdvisoryRepository {

    private static final Table<Record> TABLE = table(name("advisory_affected"));
    private static final Field<String> ADVISORY_ID = field(name("advisory_id"), SQLDataType.VARCHAR);
    private static final Field<String> ECOSYSTEM = field(name("ecosystem"), SQLDataType.VARCHAR);
    private static final Field<String> PACKAGE_NAME = field(name("package_name"), SQLDataType.VARCHAR);
    private static final Field<String> SEVERITY = field(name("severity"), SQLDataType.VARCHAR);
    private static final Field<String> SUMMARY = field(name("summary"), SQLDataType.VARCHAR);
    private static final Field<byte[]> AFFECTED = field(name("affected"), SQLDataType.BLOB);
    private static final Field<Long> MODIFIED = field(name("modified"), SQLDataType.BIGINT);
    private static final List<Field<?>> ALL =
            List.of(ADVISORY_ID, ECOSYSTEM, PACKAGE_NAME, SEVERITY, SUMMARY, AFFECTED, MODIFIED);

    private final DSLContext dsl;

    AdvisoryRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Inserts or replaces an advisory's entry for one package (a newer import wins). */
    public void upsert(StoredAdvisory advisory) {
        dsl.deleteFrom(TABLE)
                .where(ADVISORY_ID
                        .eq(advisory.advisoryId())
                        .and(ECOSYSTEM.eq(advisory.ecosystem()))
                        .and(PACKAGE_NAME.eq(advisory.packageName())))
                .execute();
        dsl.insertInto(TABLE)
                .set(ADVISORY_ID, advisory.advisoryId())
                .set(ECOSYSTEM, advisory.ecosystem())
                .set(PACKAGE_NAME, advisory.packageName())
                .set(SEVERITY, advisory.severity())
                .set(SUMMARY, advisory.summary().orElse(null))
                .set(AFFECTED, advisory.affected())
                .set(MODIFIED, Micros.of(advisory.modified()))
                .execute();
    }

    public List<StoredAdvisory> forPackage(String ecosystem, String packageName) {
        return dsl.select(ALL)
                .from(TABLE)
                .where(ECOSYSTEM.eq(ecosystem).and(PACKAGE_NAME.eq(packageName)))
                .orderBy(ADVISORY_ID.asc())
                .fetch(r -> new StoredAdvisory(
                        r.get(ADVISORY_ID),
                        r.get(ECOSYSTEM),
                        r.get(PACKAGE_NAME),
                        r.get(SEVERITY),
                        Optional.ofNullable(r.get(SUMMARY)),
                        r.get(AFFECTED),
                        Micros.toInstant(r.get(MODIFIED))));
    }

    public int count() {
        return dsl.fetchCount(TABLE);
    }
}
