package dev.vouch.registry.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vouch.registry.domain.Violation;
import java.util.List;

/** An RFC 9457 problem document. {@code errors} lists every violation of a rejected request. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Violation> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";
}
