package dev.vouch.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI 3.1 document of Vouch's whole API, as shipped in this module's resources. */
public final class OpenApiDocument {

    private static final String RESOURCE = "vouch-openapi.yaml";

    private OpenApiDocument() {
    }

    /** The document's YAML text, exactly as served at {@code /openapi.yaml}. */
    public static String yaml() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the openapi module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
