package dev.vouch.registry.domain.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.registry.domain.ServerName;
import dev.vouch.registry.domain.Violation;
import java.util.List;

/** The name is {@code namespace/name} in the official character sets, 3 to 200 characters long. */
public final class ServerNameRule implements ManifestRule {

    @Override
    public List<Violation> check(JsonNode manifest) {
        JsonNode name = manifest.get("name");
        if (name == null || !name.isTextual()) {
            return List.of();
        }
        return ServerName.parse(name.asText())
                .error()
                .map(reason -> List.of(new Violation("/name", reason)))
                .orElse(List.of());
    }
}
