package dev.vouch.registry.publish;

/** One check of the publish pipeline: its name, whether it passed, and why. */
public record CheckResult(String name, boolean passed, String detail) {}
