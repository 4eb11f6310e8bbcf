package dev.vouch.scanner.normalize;

import java.util.List;

/**
 * A text as the rules read it: NFKC, invisible characters and terminal escapes removed, whitespace
 * collapsed. {@code hidden} is the ASCII smuggled in tag characters, scanned as text of its own.
 */
public record NormalizedText(String text, String hidden, List<Anomaly> anomalies) {

    public NormalizedText {
        anomalies = List.copyOf(anomalies);
    }
}
