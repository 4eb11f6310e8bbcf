package dev.vouch.registry.domain.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.registry.domain.Violation;
import java.util.ArrayList;
import java.util.List;

/** Per-package rules: an MCPB file must carry the SHA-256 that clients verify after download. */
public final class PackageRules implements ManifestRule {

    @Override
    public List<Violation> check(JsonNode manifest) {
        JsonNode packages = manifest.get("packages");
        List<Violation> violations = new ArrayList<>();
        if (packages == null || !packages.isArray()) {
            return violations;
        }
        for (int i = 0; i < packages.size(); i++) {
            JsonNode pkg = packages.get(i);
            if ("mcpb".equals(pkg.path("registryType").asText()) && !pkg.hasNonNull("fileSha256")) {
                violations.add(
                        new Violation("/packages/" + i + "/fileSha256", "an mcpb package must declare fileSha256"));
            }
        }
        return violations;
    }
}
