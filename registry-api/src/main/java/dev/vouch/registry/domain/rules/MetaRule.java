package dev.vouch.registry.domain.rules;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.registry.domain.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a publisher may put in {@code _meta}: only {@code io.modelcontextprotocol.registry/publisher-provided},
 * at most 4 KiB (the official registry's rule). No key anywhere in the manifest may sit in a namespace
 * the registry itself speaks in ({@code io.vouch.registry/…}, {@code io.modelcontextprotocol.registry/…}
 * other than publisher-provided): the manifest is served verbatim inside {@code server}, so such a key
 * would let a publisher pass its own trust summary off as the registry's.
 */
public final class MetaRule implements ManifestRule {

    public static final String PUBLISHER_PROVIDED = "io.modelcontextprotocol.registry/publisher-provided";
    static final int MAX_PUBLISHER_PROVIDED_BYTES = 4 * 1024;
    private static final List<String> REGISTRY_NAMESPACES =
            List.of("io.vouch.registry/", "io.modelcontextprotocol.registry/");
    private static final JsonPointer META = JsonPointer.compile("/_meta");

    @Override
    public List<Violation> check(JsonNode manifest) {
        List<Violation> violations = new ArrayList<>();
        JsonNode meta = manifest.get("_meta");
        if (meta != null && meta.isObject()) {
            for (Iterator<String> keys = meta.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!key.equals(PUBLISHER_PROVIDED) && !reserved(key)) {
                    violations.add(new Violation(
                            META.appendProperty(key).toString(),
                            "'" + key + "' is not accepted in _meta: " + "a publisher's metadata goes under "
                                    + PUBLISHER_PROVIDED));
                }
            }
            JsonNode provided = meta.get(PUBLISHER_PROVIDED);
            if (provided != null
                    && provided.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PUBLISHER_PROVIDED_BYTES) {
                violations.add(new Violation(
                        META.appendProperty(PUBLISHER_PROVIDED).toString(),
                        PUBLISHER_PROVIDED + " is at most " + MAX_PUBLISHER_PROVIDED_BYTES + " bytes"));
            }
        }
        reservedKeys(manifest, JsonPointer.empty(), violations);
        return violations;
    }

    private static void reservedKeys(JsonNode node, JsonPointer pointer, List<Violation> violations) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonPointer at = pointer.appendProperty(field.getKey());
                if (reserved(field.getKey())
                        && !(pointer.equals(META) && field.getKey().equals(PUBLISHER_PROVIDED))) {
                    violations.add(new Violation(
                            at.toString(),
                            "'" + field.getKey() + "' is in a namespace only the registry "
                                    + "writes; a publisher cannot set it"));
                } else {
                    reservedKeys(field.getValue(), at, violations);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                reservedKeys(node.get(i), pointer.appendIndex(i), violations);
            }
        }
    }

    private static boolean reserved(String key) {
        return REGISTRY_NAMESPACES.stream().anyMatch(key::startsWith);
    }
}
