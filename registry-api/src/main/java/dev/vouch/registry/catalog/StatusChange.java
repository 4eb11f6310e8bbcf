package dev.vouch.registry.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.Manifest;
import dev.vouch.registry.domain.Violation;
import dev.vouch.store.VersionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A requested status change: the new status and an optional message of at most 500 characters. */
public record StatusChange(VersionStatus status, Optional<String> message) {

    public static final int MAX_MESSAGE_LENGTH = 500;

    /**
     * Parses a {@code StatusUpdateRequest} body.
     *
     * @throws InvalidRequestException listing every problem with the body
     */
    public static StatusChange parse(byte[] body) {
        JsonNode tree = Manifest.parse(body).tree();
        List<Violation> violations = new ArrayList<>();
        JsonNode status = tree.get("status");
        Optional<VersionStatus> parsed = Optional.empty();
        if (status == null || !status.isTextual()) {
            violations.add(new Violation("/status", "status is required: active, deprecated or deleted"));
        } else {
            parsed = VersionStatus.fromWire(status.asText());
            if (parsed.isEmpty()) {
                violations.add(new Violation("/status", "status must be active, deprecated or deleted"));
            }
        }
        JsonNode message = tree.get("statusMessage");
        if (message != null && !message.isNull() && !message.isTextual()) {
            violations.add(new Violation("/statusMessage", "statusMessage must be a string"));
        } else if (message != null && message.isTextual() && message.asText().length() > MAX_MESSAGE_LENGTH) {
            violations.add(
                    new Violation("/statusMessage", "statusMessage is at most " + MAX_MESSAGE_LENGTH + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("the status update is not valid", violations);
        }
        return new StatusChange(
                parsed.orElseThrow(),
                Optional.ofNullable(message).filter(JsonNode::isTextual).map(JsonNode::asText));
    }
}
