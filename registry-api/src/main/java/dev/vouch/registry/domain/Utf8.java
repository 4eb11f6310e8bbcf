package dev.vouch.registry.domain;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * JSON bodies must be UTF-8 (RFC 8259 section 8.1, and what the official registry reads). The check runs
 * before any parser: Jackson guesses UTF-16 and UTF-32 from zero bytes and decodes some malformed
 * sequences leniently, so without it the validated text and the stored bytes could disagree.
 */
public final class Utf8 {

    private static final int CHUNK = 8192;

    private Utf8() {}

    /**
     * Refuses anything but well-formed UTF-8 without a byte-order mark: overlong forms (such as
     * {@code C0 AF} for '/'), encoded surrogates, truncated or invalid sequences, and UTF-16/32 text.
     *
     * @throws InvalidRequestException naming the first offending byte offset
     */
    public static void requireWellFormed(byte[] body) {
        requireWellFormed(body, "the body");
    }

    /** As {@link #requireWellFormed(byte[])}, the reason naming the bytes {@code subject} ("the file"). */
    public static void requireWellFormed(byte[] body, String subject) {
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            throw refused(subject, "starts with a UTF-8 byte-order mark; send UTF-8 without one");
        }
        if (startsWith(body, 0xFE, 0xFF) || startsWith(body, 0xFF, 0xFE) || startsWith(body, 0x00, 0x00, 0xFE, 0xFF)) {
            throw refused(subject, "is UTF-16 or UTF-32 (it starts with a byte-order mark); send UTF-8");
        }
        // JSON text never holds a raw U+0000, and UTF-16/32 text of ASCII characters always does.
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                throw refused(subject, "holds a zero byte at offset " + i + " (UTF-16 or UTF-32 text?); send UTF-8");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(CHUNK);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw refused(
                        subject,
                        "is not well-formed UTF-8 at byte offset " + in.position()
                                + " (overlong form, surrogate, or invalid or truncated sequence)");
            }
            if (result.isUnderflow()) {
                break;
            }
            out.clear();
        }
        out.clear();
        if (decoder.flush(out).isError()) {
            throw refused(subject, "ends inside a UTF-8 sequence");
        }
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static InvalidRequestException refused(String subject, String why) {
        return InvalidRequestException.of("", subject + " " + why);
    }
}
