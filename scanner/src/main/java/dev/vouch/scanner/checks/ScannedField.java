package dev.vouch.scanner.checks;

import dev.vouch.scanner.input.TextField;
import dev.vouch.scanner.normalize.NormalizedText;

/** A field and its normalised text, as every check sees it. */
public record ScannedField(TextField field, NormalizedText normalized) {}
