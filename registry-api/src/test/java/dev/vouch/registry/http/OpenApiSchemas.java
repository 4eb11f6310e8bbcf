package dev.vouch.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The component schemas of one OpenAPI 3.1 document, ready to validate JSON against. */
public final class OpenApiSchemas {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final SchemaRegistry registry;
    private final JsonNode document;

    private OpenApiSchemas(String base, JsonNode document) {
        this.base = base;
        this.document = document;
        String text;
        try {
            text = JSON.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(Map.of(base, text)));
    }

    public static OpenApiSchemas fromYaml(String base, String yaml) {
        try {
            return new OpenApiSchemas(base, YAML.readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode document() {
        return document;
    }

    /** Every error of {@code instance} against {@code #/components/schemas/<name>}. */
    public List<Error> validate(String name, JsonNode instance) {
        Schema schema = registry.getSchema(SchemaLocation.of(base + "#/components/schemas/" + name));
        return schema.validate(instance);
    }
}
