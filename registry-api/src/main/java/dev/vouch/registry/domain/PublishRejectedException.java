package dev.vouch.registry.domain;

import com.fasterxml.jackson.databind.JsonNode;

/** The policy rejected a publish; nothing was stored. Carries every check and the full report. */
public final class PublishRejectedException extends RegistryException {

    private final JsonNode report;

    public PublishRejectedException(String message, JsonNode report) {
        super(message);
        this.report = report;
    }

    /** The report: decision, checks, scan findings, drift. */
    public JsonNode report() {
        return report;
    }
}
