package dev.vouch.registry.domain.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.registry.domain.Violation;
import java.util.List;

/** {@code $schema} is required and must name a server.json schema this registry validates against. */
public final class SchemaDeclarationRule implements ManifestRule {

    private final List<String> supported;

    public SchemaDeclarationRule(List<String> supported) {
        this.supported = List.copyOf(supported);
    }

    @Override
    public List<Violation> check(JsonNode manifest) {
        JsonNode declared = manifest.get("$schema");
        if (declared == null || !declared.isTextual()) {
            return List.of(new Violation("/$schema", "$schema is required; use " + supported.get(0)));
        }
        if (!supported.contains(declared.asText())) {
            return List.of(new Violation(
                    "/$schema",
                    "unsupported schema " + declared.asText() + "; supported: " + String.join(", ", supported)));
        }
        return List.of();
    }
}
