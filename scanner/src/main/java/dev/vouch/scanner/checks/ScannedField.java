package dev.vouch.scanner.checks;

import dev.vouch.scanner.input.TextField;
import dev.vouch.scanner.intent.EncodedSpans;
import dev.vouch.scanner.intent.FoldedText;
import dev.vouch.scanner.normalize.NormalizedText;
import java.util.List;

/**
 * A field and its normalised text, as every check sees it, and where the instruction check reads the text
 * ({@link dev.vouch.scanner.intent.IntentFeatures#reads(dev.vouch.scanner.input.FieldKind, String)}) its folding and
 * what it decodes to (otherwise null and empty): one reading serves the pattern rules and the instruction check.
 */
public record ScannedField(
        TextField field, NormalizedText normalized, FoldedText folded, List<EncodedSpans.Decoded> decodings) {

    public ScannedField(TextField field, NormalizedText normalized) {
        this(field, normalized, null, List.of());
    }
}
