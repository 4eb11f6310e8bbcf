package dev.vouch.registry.publish;

import java.util.Optional;

/**
 * What a publisher sends: the server.json bytes exactly as they are to be stored, and, when known, the
 * server's tool definitions as {@code tools/list} returns them.
 */
public record PublishRequest(byte[] manifest, Optional<byte[]> tools) {

    public static PublishRequest of(byte[] manifest) {
        return new PublishRequest(manifest, Optional.empty());
    }
}
