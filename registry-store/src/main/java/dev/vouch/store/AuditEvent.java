package dev.vouch.store;

import java.time.Instant;

/**
 * Something that changed the registry: who did what to which subject.
 *
 * @param detail a JSON document with the specifics (the digest published, the old and new status...)
 */
public record AuditEvent(Instant at, String actor, String action, String subject, String detail) {}
