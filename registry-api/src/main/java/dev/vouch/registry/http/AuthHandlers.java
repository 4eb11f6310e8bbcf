package dev.vouch.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.registry.auth.ExchangedToken;
import dev.vouch.registry.auth.exchange.DomainProofExchange;
import dev.vouch.registry.auth.exchange.TokenExchangeService;
import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.JsonMappers;
import dev.vouch.registry.http.observability.RequestTelemetry;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The official registry's token-exchange endpoints ({@code …/auth/github-oidc}, {@code oidc},
 * {@code http}, {@code dns}, {@code none}): each reads its request, asks the exchange for a short-lived
 * token and answers {@code {"registry_token", "expires_at"}}; a refused proof is a 401 problem.
 */
final class AuthHandlers {

    private static final ObjectMapper JSON = JsonMappers.JSON;

    private final TokenExchangeService exchange;
    private final RequestBody body;

    AuthHandlers(TokenExchangeService exchange, RequestBody body) {
        this.exchange = exchange;
        this.body = body;
    }

    void githubOidc(Context ctx) {
        respond(ctx, exchange.githubOidc(text(body(ctx), "oidc_token")));
    }

    void oidc(Context ctx) {
        respond(ctx, exchange.oidc(text(body(ctx), "oidc_token")));
    }

    void http(Context ctx) {
        respond(ctx, exchange.http(domainProof(body(ctx))));
    }

    void dns(Context ctx) {
        respond(ctx, exchange.dns(domainProof(body(ctx))));
    }

    void none(Context ctx) {
        respond(ctx, exchange.anonymous());
    }

    private static void respond(Context ctx, ExchangedToken issued) {
        RequestTelemetry.principal(ctx, issued.token().id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("registry_token", issued.token().secret());
        body.put("expires_at", issued.expiresAt().getEpochSecond());
        ctx.json(body);
    }

    private JsonNode body(Context ctx) {
        byte[] bytes = body.read(ctx);
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new InvalidRequestException("the request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new InvalidRequestException("the request body is not valid JSON");
        }
    }

    private static DomainProofExchange.Request domainProof(JsonNode body) {
        return new DomainProofExchange.Request(
                text(body, "domain"), text(body, "timestamp"), text(body, "signed_timestamp"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidRequestException(field + " must be a string");
        }
        return value.asText();
    }
}
