package dev.vouch.registry.catalog;

import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.store.PageKey;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code cursor} of the list API: the page key of the last entry served, base64url-encoded.
 * Clients must treat it as opaque; the format may change between releases.
 *
 * <p>A kind byte says which listing order the key continues. Cursors issued before there were kinds
 * start with the big-endian id, whose first byte is 0, and still continue the name order.
 */
final class Cursor {

    private static final int MAX_LENGTH = 512;
    private static final byte BY_NAME = 1;
    private static final byte BY_CHANGE = 2;
    private static final byte BY_RELEVANCE = 3;

    private Cursor() {}

    static String encode(PageKey key) {
        ByteBuffer buffer;
        if (key instanceof PageKey.ByName byName) {
            byte[] name = byName.serverName().getBytes(StandardCharsets.UTF_8);
            buffer = ByteBuffer.allocate(1 + Long.BYTES + name.length)
                    .put(BY_NAME)
                    .putLong(byName.id())
                    .put(name);
        } else if (key instanceof PageKey.ByChange byChange) {
            buffer = ByteBuffer.allocate(1 + 2 * Long.BYTES)
                    .put(BY_CHANGE)
                    .putLong(byChange.updatedAtMicros())
                    .putLong(byChange.id());
        } else {
            PageKey.ByRelevance byRelevance = (PageKey.ByRelevance) key;
            buffer = ByteBuffer.allocate(1 + 3 * Long.BYTES)
                    .put(BY_RELEVANCE)
                    .putDouble(byRelevance.score())
                    .putLong(byRelevance.documentId())
                    .putLong(byRelevance.versionId());
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    static PageKey decode(String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (bytes.length <= Long.BYTES) {
            throw invalid();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            return switch (bytes[0]) {
                case 0 -> byName(buffer);
                case BY_NAME -> byName(buffer.position(1));
                case BY_CHANGE -> exact(buffer.position(1), new PageKey.ByChange(buffer.getLong(), buffer.getLong()));
                case BY_RELEVANCE ->
                    exact(
                            buffer.position(1),
                            new PageKey.ByRelevance(buffer.getDouble(), buffer.getLong(), buffer.getLong()));
                default -> throw invalid();
            };
        } catch (BufferUnderflowException e) {
            throw invalid();
        }
    }

    /** Whether a key continues the order a query lists in: a cursor is only good for its own query. */
    static void requireKind(PageKey key, Class<? extends PageKey> kind) {
        if (!kind.isInstance(key)) {
            throw invalid();
        }
    }

    private static PageKey byName(ByteBuffer buffer) {
        long id = buffer.getLong();
        if (!buffer.hasRemaining()) {
            throw invalid();
        }
        return new PageKey.ByName(
                new String(buffer.array(), buffer.position(), buffer.remaining(), StandardCharsets.UTF_8), id);
    }

    private static PageKey exact(ByteBuffer buffer, PageKey key) {
        if (buffer.hasRemaining() || key instanceof PageKey.ByRelevance r && Double.isNaN(r.score())) {
            throw invalid();
        }
        return key;
    }

    private static InvalidRequestException invalid() {
        return InvalidRequestException.of(
                "cursor", "cursor is not one this registry issued; " + "pass metadata.nextCursor unchanged");
    }
}
