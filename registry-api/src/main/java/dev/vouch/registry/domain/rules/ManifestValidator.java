package dev.vouch.registry.domain.rules;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.NodePath;
import dev.vouch.registry.domain.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Validates a server.json against the official schema (2025-12-11) and the official rules, and
 * collects every violation before answering.
 */
public final class ManifestValidator {

    /** The server.json schema Vouch accepts publishes for. */
    public static final String SUPPORTED_SCHEMA =
            "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";

    private final Schema schema;
    private final List<ManifestRule> rules;

    private ManifestValidator(Schema schema, List<ManifestRule> rules) {
        this.schema = schema;
        this.rules = List.copyOf(rules);
    }

    /** The validator with the official schema and every official rule: built once (it is immutable), then shared. */
    public static ManifestValidator official() {
        return Official.VALIDATOR;
    }

    private static final class Official {
        static final ManifestValidator VALIDATOR = build();
    }

    private static ManifestValidator build() {
        String text = resource("server.schema.2025-12-11.json");
        // The schema is registered under its own $id, so nothing is ever fetched from the network.
        // The official schema annotates with "example", which draft 7 does not define: declared here as the
        // annotation it is, instead of warning about it on stderr at every start.
        Dialect draft7 = Dialect.builder(Dialects.getDraft7())
                .keyword(new AnnotationKeyword("example"))
                .build();
        SchemaRegistry registry =
                SchemaRegistry.withDefaultDialect(draft7, builder -> builder.schemas(Map.of(SUPPORTED_SCHEMA, text)));
        Schema schema = registry.getSchema(SchemaLocation.of(SUPPORTED_SCHEMA));
        return new ManifestValidator(
                schema,
                List.of(
                        new SchemaDeclarationRule(List.of(SUPPORTED_SCHEMA)),
                        new ServerNameRule(),
                        new VersionRule(),
                        new MetaRule(),
                        new PackageRules(),
                        new RemoteUrlRule()));
    }

    /** Every violation of {@code manifest}, schema errors first; empty when it is valid. */
    public List<Violation> validate(JsonNode manifest) {
        // A set: the schema and a rule can word the same fault identically.
        LinkedHashSet<Violation> violations = new LinkedHashSet<>();
        for (Error error : schema.validate(manifest)) {
            violations.add(new Violation(pointer(error.getInstanceLocation()), error.getMessage()));
        }
        for (ManifestRule rule : rules) {
            violations.addAll(rule.check(manifest));
        }
        return new ArrayList<>(violations);
    }

    private static String pointer(NodePath path) {
        JsonPointer pointer = JsonPointer.empty();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            pointer = element instanceof Integer index
                    ? pointer.appendIndex(index)
                    : pointer.appendProperty(element.toString());
        }
        return pointer.toString();
    }

    private static String resource(String name) {
        try (InputStream in = ManifestValidator.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
