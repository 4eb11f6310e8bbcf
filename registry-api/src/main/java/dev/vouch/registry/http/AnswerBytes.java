package dev.vouch.registry.http;

import dev.vouch.registry.domain.Digests;
import java.util.List;

/**
 * An answer's bytes, as parts written one after another, and the SHA-256 its strong ETag is cut from: of
 * the bytes themselves, or for a list page of its entries' own digests and its framing ({@link
 * ServerJson#listBytes}), which changes whenever any byte of the page does and costs a hash of a few
 * kilobytes rather than of the whole page.
 *
 * <p>A list page's parts are its entries' cached arrays themselves, shared and never written to, with
 * the framing between them: assembling a page copies no entry, so an uncached 150 KB page is not a
 * 150 KB array made and dropped on every request (at hundreds of pages a second, that array was most of
 * what the collector had to clear). A page kept by {@link ReadCache} is made one array by the first
 * request served from it ({@link CachedAnswer#keptForm}).
 */
final class AnswerBytes {

    private final List<byte[]> parts;
    private final int length;
    private final byte[] sha256;

    AnswerBytes(List<byte[]> parts, byte[] sha256) {
        this.parts = List.copyOf(parts);
        int total = 0;
        for (byte[] part : this.parts) {
            total = Math.addExact(total, part.length);
        }
        this.length = total;
        this.sha256 = sha256;
    }

    static AnswerBytes of(byte[] bytes) {
        return new AnswerBytes(List.of(bytes), Digests.sha256(bytes));
    }

    /** The parts, in order; their arrays are shared and must not be written to. */
    List<byte[]> parts() {
        return parts;
    }

    int length() {
        return length;
    }

    byte[] sha256() {
        return sha256;
    }

    /** The whole answer in one array: the only part itself, else a copy of the parts. */
    byte[] bytes() {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        byte[] whole = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, whole, at, part.length);
            at += part.length;
        }
        return whole;
    }
}
