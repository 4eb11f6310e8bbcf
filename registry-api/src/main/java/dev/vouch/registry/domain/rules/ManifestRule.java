package dev.vouch.registry.domain.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.registry.domain.Violation;
import java.util.List;

/**
 * One official or Vouch rule over a server.json that the JSON Schema cannot express. A rule reports
 * every violation it finds; it never stops at the first.
 */
public interface ManifestRule {
    List<Violation> check(JsonNode manifest);
}
