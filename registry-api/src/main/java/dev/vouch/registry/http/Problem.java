package dev.vouch.registry.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.registry.domain.Violation;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document. {@code errors} lists every violation of a rejected request;
 * {@code extensions} are further members, such as a rejected publish's checks and findings.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        List<Violation> errors,
        @com.fasterxml.jackson.annotation.JsonIgnore Map<String, JsonNode> extensions) {

    public static final String CONTENT_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, List<Violation> errors) {
        this(type, title, status, detail, errors, Map.of());
    }

    @JsonAnyGetter
    Map<String, JsonNode> extensionMembers() {
        return extensions;
    }
}
