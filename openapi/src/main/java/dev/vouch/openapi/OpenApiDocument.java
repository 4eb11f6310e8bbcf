package dev.vouch.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI 3.1 document of Vouch's whole API, as shipped in this module's resources. */
public final class OpenApiDocument {

    private static final String RESOURCE = "vouch-openapi.yaml";

    private OpenApiDocument() {}

    /** The document's YAML text, exactly as served at {@code /openapi.yaml}. */
    public static String yaml() {
        return resource(RESOURCE);
    }

    /**
     * The JSON Schema of the run policy every read carries in {@code _meta["io.vouch.registry/runtime"]}
     * (the official envelope leaves {@code _meta} open, so the schema lives beside the document).
     */
    public static String runtimePolicySchema() {
        return resource("runtime-policy.schema.json");
    }

    private static String resource(String name) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " missing from the openapi module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
