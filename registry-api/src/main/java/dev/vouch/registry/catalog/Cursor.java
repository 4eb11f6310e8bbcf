package dev.vouch.registry.catalog;

import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.store.PageKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code cursor} of the list API: the page key of the last entry served, base64url-encoded.
 * Clients must treat it as opaque; the format may change between releases.
 */
final class Cursor {

    private static final int MAX_LENGTH = 512;

    private Cursor() {
    }

    static String encode(PageKey key) {
        byte[] name = key.serverName().getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES + name.length).putLong(key.id()).put(name);
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
        long id = buffer.getLong();
        return new PageKey(new String(bytes, Long.BYTES, bytes.length - Long.BYTES, StandardCharsets.UTF_8), id);
    }

    private static InvalidRequestException invalid() {
        return InvalidRequestException.of("cursor", "cursor is not one this registry issued; "
                + "pass metadata.nextCursor unchanged");
    }
}
