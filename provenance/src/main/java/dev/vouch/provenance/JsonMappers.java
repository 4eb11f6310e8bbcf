package dev.vouch.provenance;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one place provenance builds its Jackson mapper. Shared because a configured mapper is
 * thread-safe and costly to build; nothing may reconfigure it after construction.
 */
public final class JsonMappers {

    /** Plain JSON: bundles, statements, registry responses. */
    public static final ObjectMapper JSON = new ObjectMapper();

    private JsonMappers() {}
}
