package dev.vouch.scanner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The one place the scanner builds Jackson mappers. Shared because a configured mapper is thread-safe
 * and costly to build; nothing may reconfigure them after construction.
 */
public final class JsonMappers {

    /** Plain JSON: tool definitions, the intent model, scan reports. */
    public static final ObjectMapper JSON = new ObjectMapper();

    /**
     * YAML as the bundled rule pack and lexicon are written. A key written twice is refused rather than
     * the later one silently winning: a lexicon language or a rule field pasted twice is a mistake.
     */
    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonMappers() {}
}
