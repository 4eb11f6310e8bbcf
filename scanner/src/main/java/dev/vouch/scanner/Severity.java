package dev.vouch.scanner;

import java.util.Locale;

/** How serious a finding is: {@code review} sends it to a person, {@code block} refuses it. */
public enum Severity {
    REVIEW,
    BLOCK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
