package dev.vouch.registry.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.registry.domain.AuthenticationRequiredException;
import dev.vouch.registry.domain.Digests;
import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.JsonMappers;
import dev.vouch.store.AuditEvent;
import dev.vouch.store.Store;
import dev.vouch.store.StoredToken;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Issues and checks API tokens. A token is 256 random bits; only its SHA-256 is stored, so a leaked
 * database holds no usable credential. A fast hash is enough: the secret has full entropy, so there is
 * nothing to guess.
 */
public final class TokenService {

    private static final String PREFIX = "vouch_";
    private static final String BEARER = "Bearer ";
    private static final ObjectMapper JSON = JsonMappers.JSON;

    private final Store store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TokenService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Creates a token. A publisher token without grants is refused: an empty grant list must never be
     * read as "no restriction".
     */
    public IssuedToken issue(Role role, List<String> grantPatterns, Optional<String> description, String actor) {
        if (role == Role.PUBLISHER && grantPatterns.isEmpty()) {
            throw new InvalidRequestException("a publisher token needs at least one --namespace grant");
        }
        List<NamespaceGrant> grants;
        try {
            grants = grantPatterns.stream().map(NamespaceGrant::new).toList();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        String id = "tok_" + HexFormat.of().formatHex(randomBytes(8));
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        StoredToken stored = new StoredToken(
                id, hash(secret), role.wireName(), grantPatterns, description, clock.instant(), Optional.empty());
        ObjectNode detail = JSON.createObjectNode().put("role", role.wireName());
        detail.putPOJO("grants", grantPatterns);
        store.write(repos -> {
            repos.tokens().insert(stored);
            repos.audit().append(new AuditEvent(clock.instant(), actor, "token.create", id, detail.toString()));
            return null;
        });
        return new IssuedToken(id, secret, new Principal(id, role, grants));
    }

    /**
     * Issues a short-lived publisher token for an identity proven by a token exchange (OIDC, domain
     * ownership). It is stored and audited like every other token, with the method and subject as the
     * actor, and stops authenticating at its expiry.
     */
    public ExchangedToken issueExchanged(
            String method, String subject, List<NamespaceGrant> grants, Duration lifetime) {
        if (grants.isEmpty()) {
            throw new AuthenticationRequiredException("the proven identity grants no namespace");
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        String id = "tok_" + HexFormat.of().formatHex(randomBytes(8));
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        List<String> patterns = grants.stream().map(NamespaceGrant::pattern).toList();
        String description = method + " " + subject;
        StoredToken stored = new StoredToken(
                id,
                hash(secret),
                Role.PUBLISHER.wireName(),
                patterns,
                Optional.of(description.length() > 200 ? description.substring(0, 200) : description),
                now,
                Optional.empty(),
                Optional.of(expiresAt));
        ObjectNode detail = JSON.createObjectNode()
                .put("role", Role.PUBLISHER.wireName())
                .put("method", method)
                .put("subject", subject)
                .put("expiresAt", expiresAt.toString());
        detail.putPOJO("grants", patterns);
        String actor = method + ":" + subject;
        store.write(repos -> {
            repos.tokens().insert(stored);
            repos.audit()
                    .append(new AuditEvent(
                            now,
                            actor.length() > 200 ? actor.substring(0, 200) : actor,
                            "token.exchange",
                            id,
                            detail.toString()));
            return null;
        });
        return new ExchangedToken(new IssuedToken(id, secret, new Principal(id, Role.PUBLISHER, grants)), expiresAt);
    }

    /** Revokes a token by id; the audit log records who did it. */
    public boolean revoke(String tokenId, String actor) {
        return store.write(repos -> {
            boolean revoked = repos.tokens().revoke(tokenId, clock.instant());
            if (revoked) {
                repos.audit().append(new AuditEvent(clock.instant(), actor, "token.revoke", tokenId, "{}"));
            }
            return revoked;
        });
    }

    public List<StoredToken> list() {
        return store.read(repos -> repos.tokens().list());
    }

    /**
     * The principal behind an {@code Authorization: Bearer} header.
     *
     * @throws AuthenticationRequiredException when the header is missing, malformed, unknown or revoked
     */
    public Principal authenticate(Optional<String> authorizationHeader) {
        String header = authorizationHeader.orElseThrow(
                () -> new AuthenticationRequiredException("an Authorization: Bearer token is required"));
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new AuthenticationRequiredException("the Authorization header must be 'Bearer <token>'");
        }
        String secret = header.substring(BEARER.length()).trim();
        StoredToken token = store.read(repos -> repos.tokens().findActiveByHash(hash(secret)))
                .orElseThrow(() -> new AuthenticationRequiredException("the token is unknown or revoked"));
        if (!token.activeAt(clock.instant())) {
            throw new AuthenticationRequiredException("the token has expired");
        }
        Role role = Role.fromWire(token.role())
                .orElseThrow(() -> new AuthenticationRequiredException("the token has an unknown role"));
        return new Principal(
                token.id(),
                role,
                token.grants().stream().map(NamespaceGrant::new).toList());
    }

    static String hash(String secret) {
        return Digests.sha256Hex(secret.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
