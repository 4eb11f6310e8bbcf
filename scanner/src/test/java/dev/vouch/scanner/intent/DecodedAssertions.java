package dev.vouch.scanner.intent;

import static org.assertj.core.api.Assertions.assertThat;

/** What the decoder tests assert of a text that hides one encoded payload. */
final class DecodedAssertions {

    private DecodedAssertions() {}

    /** {@code text} holds one decoding, by {@code encoding}, of {@code decoded}, at the span {@code payload} fills. */
    static void assertDecodedAt(String text, String payload, String encoding, String decoded) {
        assertThat(EncodedSpans.find(text)).as(text).singleElement().satisfies(found -> {
            assertThat(found.encoding()).isEqualTo(encoding);
            assertThat(found.text()).isEqualTo(decoded);
            assertThat(text.substring(found.start(), found.end())).isEqualTo(payload);
        });
    }
}
