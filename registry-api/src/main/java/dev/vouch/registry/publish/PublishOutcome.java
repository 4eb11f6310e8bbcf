package dev.vouch.registry.publish;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.store.StoredVersion;

/** A stored publish: the version and the report of the decision that stored it. */
public record PublishOutcome(StoredVersion version, Decision decision, JsonNode report) {}
