package dev.vouch.registry.web;

import dev.vouch.registry.domain.AuthenticationRequiredException;
import dev.vouch.registry.domain.PermissionDeniedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in curators of the web pages. The browser holds only a random session id, in an HttpOnly,
 * SameSite=Strict cookie; the token stays in server memory and is authenticated again on every
 * request, so revoking it ends the session at once. Each session has its own CSRF token, which every
 * form that writes must send back.
 */
final class CuratorSessions {

    static final String COOKIE = "vouch_session";
    static final Duration LIFETIME = Duration.ofHours(8);
    private static final int MAX_SESSIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    CuratorSessions(Clock clock) {
        this.clock = clock;
    }

    /** A signed-in curator: the token to authenticate with, and the CSRF token of their forms. */
    record Session(String id, String token, String csrf, Instant expires) {}

    Session open(String token) {
        Instant now = clock.instant();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(s -> s.expires().isBefore(now));
            if (sessions.size() >= MAX_SESSIONS) {
                throw new PermissionDeniedException("too many curator sessions are open; try again later");
            }
        }
        Session session = new Session(random(), token, random(), now.plus(LIFETIME));
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session a cookie names, if any. */
    Optional<Session> find(String cookie) {
        if (cookie == null || cookie.isEmpty()) {
            return Optional.empty();
        }
        Session session = sessions.get(cookie);
        if (session == null) {
            return Optional.empty();
        }
        if (!session.expires().isAfter(clock.instant())) {
            sessions.remove(cookie);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    /**
     * The session behind a form post, after checking the form's CSRF token.
     *
     * @throws AuthenticationRequiredException without a live session
     * @throws PermissionDeniedException when the form's token is not this session's
     */
    Session forWrite(String cookie, String csrf) {
        Session session = find(cookie)
                .orElseThrow(() -> new AuthenticationRequiredException(
                        "sign in as a curator first; the session has ended or was never opened"));
        if (csrf == null
                || !MessageDigest.isEqual(
                        session.csrf().getBytes(StandardCharsets.UTF_8), csrf.getBytes(StandardCharsets.UTF_8))) {
            throw new PermissionDeniedException(
                    "the form did not carry this session's CSRF token; reload the page " + "and try again");
        }
        return session;
    }

    void close(String id) {
        sessions.remove(id);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
