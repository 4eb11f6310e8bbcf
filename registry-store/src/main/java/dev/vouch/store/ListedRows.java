package dev.vouch.store;

import static dev.vouch.store.Tables.ServerVersions.ID;
import static dev.vouch.store.Tables.ServerVersions.IS_LATEST;
import static dev.vouch.store.Tables.ServerVersions.SERVER_NAME;
import static dev.vouch.store.Tables.ServerVersions.STATUS;
import static dev.vouch.store.Tables.ServerVersions.UPDATED_AT;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jooq.Field;

/** The two shapes a listing reads its rows in ({@link Sql}): whole versions (the hot columns), or only their stamps. */
interface ListedRows<T> {

    List<Field<?>> fields();

    /**
     * One row; {@code previous} is the row read before it in the same result, or null, whose values a
     * shape may reuse (the versions of one server are listed together, under one name).
     */
    T read(ResultSet rs, T previous) throws SQLException;

    VersionStamp stamp(T row);

    ListedRows<StoredVersion> VERSIONS = new ListedRows<>() {
        @Override
        public List<Field<?>> fields() {
            return Tables.ServerVersions.HOT;
        }

        /** One row in {@link Tables.ServerVersions#HOT} order. */
        @Override
        public StoredVersion read(ResultSet rs, StoredVersion previous) throws SQLException {
            String review = rs.getString(15);
            return new StoredVersion(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getBytes(4),
                    rs.getString(5),
                    Optional.empty(),
                    status(rs.getString(8)),
                    Optional.ofNullable(rs.getString(9)),
                    Micros.toInstant(rs.getLong(10)),
                    Micros.toInstant(rs.getLong(11)),
                    Micros.toInstant(rs.getLong(12)),
                    rs.getBoolean(13),
                    rs.getString(14),
                    ReviewState.fromWire(review)
                            .orElseThrow(() -> new IllegalStateException("unknown review state " + review)),
                    Optional.ofNullable(rs.getString(16)),
                    rs.getString(17),
                    Optional.ofNullable(rs.getBytes(18)),
                    Optional.empty(),
                    Optional.ofNullable(rs.getString(19)));
        }

        @Override
        public VersionStamp stamp(StoredVersion row) {
            return VersionStamp.of(row);
        }
    };

    ListedRows<VersionStamp> STAMPS = new ListedRows<>() {
        private final List<Field<?>> fields = List.of(ID, SERVER_NAME, UPDATED_AT, IS_LATEST, STATUS);

        @Override
        public List<Field<?>> fields() {
            return fields;
        }

        @Override
        public VersionStamp read(ResultSet rs, VersionStamp previous) throws SQLException {
            long id = rs.getLong(1);
            // As bytes, and the previous row's name when it is the same: a string from the driver is three
            // objects and a native buffer, on every row of a page, and a page usually lists each server's versions
            // together (the feed, ordered by time, seldom does: then the name is read anew).
            byte[] name = rs.getBytes(2);
            String serverName = previous != null && sameText(previous.serverName(), name)
                    ? previous.serverName()
                    : new String(name, StandardCharsets.UTF_8);
            long updatedAt = rs.getLong(3);
            boolean latest = rs.getBoolean(4);
            VersionStatus status = VersionStatus.fromStored(rs.getBytes(5))
                    .orElseThrow(() -> new IllegalStateException("unknown status of version " + id));
            return new VersionStamp(id, serverName, updatedAt, latest, status);
        }

        @Override
        public VersionStamp stamp(VersionStamp row) {
            return row;
        }
    };

    /** Whether {@code utf8} encodes {@code text}, decided without decoding it when the text is ASCII. */
    static boolean sameText(String text, byte[] utf8) {
        if (text.length() != utf8.length) {
            // Only ASCII has as many bytes as chars; any other text that matches is also longer in bytes.
            return text.length() < utf8.length && text.equals(new String(utf8, StandardCharsets.UTF_8));
        }
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static VersionStatus status(String wire) {
        return VersionStatus.fromWire(wire).orElseThrow(() -> new IllegalStateException("unknown status " + wire));
    }
}
