package dev.vouch.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.Manifest;

/** The body of a curator's rejection: {@code {"reason": "…"}}. */
final class CurationRequest {

    private CurationRequest() {}

    static String reason(byte[] body) {
        JsonNode reason = Manifest.parse(body).tree().get("reason");
        if (reason == null || !reason.isTextual()) {
            throw InvalidRequestException.of("/reason", "reason is required");
        }
        return reason.asText();
    }
}
