package dev.vouch.registry.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one place the registry builds Jackson mappers, one per way of reading or writing. The shared ones
 * are thread-safe once built and nothing may reconfigure them; the HTTP server gets its own.
 */
public final class JsonMappers {

    /** Plain JSON: stored reports and trust summaries, audit details, responses, clients. */
    public static final ObjectMapper JSON = new ObjectMapper();

    /**
     * JSON whose every byte matters (a publisher's server.json, a scanned file): duplicate keys would
     * let two readers of the same bytes see two different documents, and trailing tokens are refused.
     */
    public static final ObjectMapper STRICT_JSON = strictJson(StreamReadConstraints.defaults());

    /** Operator configuration (policy, auth): an unknown key or a missing number is an error, not a default. */
    public static final ObjectMapper CONFIG_YAML = YAMLMapper.builder()
            // A key written twice would let the later silently win: in a policy that can fail open.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // Operators write "hold" and "allow"; an enum's constant is its name in any case, an unknown one an error.
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    /** YAML for people to paste: no document marker, quotes only where needed. */
    public static final ObjectMapper SNIPPET_YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    /** YAML in the layout Docker's MCP gateway catalogs use: as {@link #SNIPPET_YAML}, arrays indented. */
    public static final ObjectMapper CATALOG_YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private JsonMappers() {}

    /** {@link #STRICT_JSON} under tighter limits on nesting, string and number length. */
    public static ObjectMapper strictJson(StreamReadConstraints limits) {
        return JsonMapper.builder(
                        JsonFactory.builder().streamReadConstraints(limits).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** A mapper of its own for the HTTP server, which hands it to Javalin and Jetty's error handler. */
    public static ObjectMapper forHttp() {
        return new ObjectMapper();
    }
}
