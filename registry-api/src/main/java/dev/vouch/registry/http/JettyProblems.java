package dev.vouch.registry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a URI or headers too large, a request it cannot parse, a path it refuses)
 * as problem documents instead of its HTML pages. They happen before any route runs, so they cannot go
 * through the route exception mapper, nor through the before-handlers that set the security headers,
 * so they set those here; the status decides the type, as {@link ProblemMapping} does.
 */
final class JettyProblems extends ErrorHandler {

    private final ObjectMapper mapper;

    JettyProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        secure(headers);
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    /** Answers to requests Jetty could not even parse (414, 431, a bad request line): no request object exists. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE));
        secure(fields);
        return ByteBuffer.wrap(body(status));
    }

    /** The headers every answer carries (see {@code SecurityHeaders}); an error is never cached. */
    private static void secure(HttpFields.Mutable fields) {
        fields.put("X-Content-Type-Options", "nosniff");
        fields.put("Content-Security-Policy", dev.vouch.registry.http.security.SecurityHeaders.CSP);
        fields.put("X-Frame-Options", "DENY");
        fields.put("Referrer-Policy", "no-referrer");
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
    }

    private byte[] body(int status) {
        try {
            return mapper.writeValueAsBytes(ProblemMapping.ofStatus(status));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document always serialises", e);
        }
    }
}
