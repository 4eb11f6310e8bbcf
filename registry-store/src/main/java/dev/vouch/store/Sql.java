package dev.vouch.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;

/**
 * One listing query as SQL text and its bind values, built term by term and run on the JDBC connection
 * directly, its rows read in the shape of a {@link ListedRows}: listings run on most requests and read
 * hundreds of rows, and rendering a jOOQ query and building a record for each row cost about as much as
 * SQLite answering.
 */
final class Sql {

    private final StringBuilder text;
    private final List<Object> binds = new ArrayList<>();
    private boolean filtered;

    private Sql(String text) {
        this.text = new StringBuilder(text);
    }

    /** {@code select <fields> from server_versions}. */
    static Sql selectVersions(List<Field<?>> fields) {
        StringBuilder select = new StringBuilder("select ");
        for (int i = 0; i < fields.size(); i++) {
            select.append(i == 0 ? "" : ", ").append(fields.get(i).getName());
        }
        return new Sql(select.append(" from server_versions").toString());
    }

    /** Adds a condition, joined to the others by {@code and}; a null condition adds nothing. */
    Sql where(String condition, Object... values) {
        if (condition != null) {
            text.append(filtered ? " and " : " where ").append(condition);
            filtered = true;
            binds.addAll(Arrays.asList(values));
        }
        return this;
    }

    /** Adds text after the conditions (order, limit). */
    Sql append(String tail, Object... values) {
        text.append(tail);
        binds.addAll(Arrays.asList(values));
        return this;
    }

    /** The same query for jOOQ, for tests that read its plan. */
    ResultQuery<Record> in(DSLContext dsl) {
        return dsl.resultQuery(text.toString(), binds.toArray());
    }

    <T> List<T> fetch(DSLContext dsl, ListedRows<T> shape) {
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(text.toString())) {
                for (int i = 0; i < binds.size(); i++) {
                    bind(statement, i + 1, binds.get(i));
                }
                List<T> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    T previous = null;
                    while (rs.next()) {
                        previous = shape.read(rs, previous);
                        rows.add(previous);
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new StoreException("reading a listing failed: " + e.getMessage(), e);
            }
        });
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else {
            throw new IllegalArgumentException("no binding for " + value.getClass());
        }
    }

    @Override
    public String toString() {
        return text + " " + binds;
    }
}
