package dev.vouch.registry.auth;

import java.time.Instant;

/** A short-lived token issued for a proven identity, and the moment it stops authenticating. */
public record ExchangedToken(IssuedToken token, Instant expiresAt) {}
