package dev.vouch.scanner.checks;

import dev.vouch.scanner.input.TextField;
import dev.vouch.scanner.intent.FoldedText;
import dev.vouch.scanner.normalize.NormalizedText;

/**
 * A field and its normalised text, as every check sees it, and the normalised text folded where the instruction
 * check reads it ({@link dev.vouch.scanner.intent.IntentFeatures#reads(dev.vouch.scanner.input.FieldKind, String)}),
 * or null: one folding serves the pattern rules' reading of disguised text and the instruction check.
 */
public record ScannedField(TextField field, NormalizedText normalized, FoldedText folded) {

    public ScannedField(TextField field, NormalizedText normalized) {
        this(field, normalized, null);
    }
}
