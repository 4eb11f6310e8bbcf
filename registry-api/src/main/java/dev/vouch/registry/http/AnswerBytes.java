package dev.vouch.registry.http;

import dev.vouch.registry.domain.Digests;

/**
 * An answer's bytes and the SHA-256 its strong ETag is cut from: of the bytes themselves, or for a list
 * page of its entries' own digests and its framing ({@link ServerJson#listBytes}), which changes whenever
 * any byte of the page does and costs a hash of a few kilobytes rather than of the whole page.
 */
record AnswerBytes(byte[] bytes, byte[] sha256) {

    static AnswerBytes of(byte[] bytes) {
        return new AnswerBytes(bytes, Digests.sha256(bytes));
    }
}
