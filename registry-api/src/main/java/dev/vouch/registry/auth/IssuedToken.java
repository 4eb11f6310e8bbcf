package dev.vouch.registry.auth;

/** A newly created token: the only moment its secret exists outside the caller's hands. */
public record IssuedToken(String id, String secret, Principal principal) {}
