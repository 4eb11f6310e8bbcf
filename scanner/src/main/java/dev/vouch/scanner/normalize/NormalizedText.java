package dev.vouch.scanner.normalize;

import java.util.List;

/**
 * A text as the rules read it: NFKC, invisible characters and terminal escapes removed, whitespace
 * collapsed. {@code hidden} is the ASCII smuggled in tag characters and the text spelled in bits by invisible
 * characters ({@link InvisibleBits}), scanned as text of its own.
 */
public record NormalizedText(String text, String hidden, List<Anomaly> anomalies, boolean ascii) {

    /**
     * @param ascii whether {@code text} is known to be ASCII (the normaliser found it so): the checks for
     *     look-alike letters of other scripts need not read it. False says nothing.
     */
    public NormalizedText {
        // Most texts have none, and the copy of an empty list still copied its array.
        anomalies = anomalies.isEmpty() ? List.of() : List.copyOf(anomalies);
    }

    public NormalizedText(String text, String hidden, List<Anomaly> anomalies) {
        this(text, hidden, anomalies, false);
    }
}
