package dev.vouch.scanner.intent;

import dev.vouch.scanner.intent.InstructionAnalyzer.Sentence;
import dev.vouch.scanner.intent.IntentFeatures.Span;
import dev.vouch.scanner.intent.IntentFeatures.Text;

/** Sets features of one sentence, recording the span of the first of the named cues it holds. */
final class FeatureEmitter {
    private final Text field;
    private final String text;
    private final EncodedSpans.Decoded decoded;
    private final FoldedText folded;
    private final Sentence sentence;
    private final double[] values;
    private final Span[] spans;

    FeatureEmitter(
            Text field,
            String text,
            EncodedSpans.Decoded decoded,
            FoldedText folded,
            Sentence sentence,
            double[] values,
            Span[] spans) {
        this.field = field;
        this.text = text;
        this.decoded = decoded;
        this.folded = folded;
        this.sentence = sentence;
        this.values = values;
        this.spans = spans;
    }

    private static final Cue[] CUES = Cue.values();

    /**
     * Each scored cue of the sentence, and each pair of them, set in a whole vector's arrays: they are inputs of
     * the score alone, set only once a gate lets it matter. The bits of the sentence's mask give its cues
     * in ordinal order (the order its map iterates in) without copying the map's keys.
     */
    void cues(double[] into, Span[] intoSpans) {
        long mask = sentence.mask() & IntentFeatures.SCORED_MASK;
        for (long rest = mask; rest != 0; rest &= rest - 1) {
            int a = Long.numberOfTrailingZeros(rest);
            set(into, intoSpans, IntentFeatures.singleIndex(a), sentence.cues().get(CUES[a]));
            for (long later = rest & (rest - 1); later != 0; later &= later - 1) {
                set(into, intoSpans, IntentFeatures.pairIndex(a, Long.numberOfTrailingZeros(later)), null);
            }
        }
    }

    // Fixed-arity forms of when, the span that of the first cue the sentence holds: each varargs call
    // allocated its array whether the feature fired or not.
    void when(Feature feature, boolean fires, Cue a) {
        if (fires) {
            set(values, spans, feature.ordinal(), sentence.cues().get(a));
        }
    }

    void when(Feature feature, boolean fires, Cue a, Cue b) {
        if (fires) {
            set(values, spans, feature.ordinal(), first(first(null, a), b));
        }
    }

    void when(Feature feature, boolean fires, Cue a, Cue b, Cue c) {
        if (fires) {
            set(values, spans, feature.ordinal(), first(first(first(null, a), b), c));
        }
    }

    void when(Feature feature, boolean fires, Cue a, Cue b, Cue c, Cue d) {
        if (fires) {
            set(values, spans, feature.ordinal(), first(first(first(first(null, a), b), c), d));
        }
    }

    /** {@code found}, or failing it the span of {@code cue} in the sentence. */
    private int[] first(int[] found, Cue cue) {
        return found != null ? found : sentence.cues().get(cue);
    }

    void when(Feature feature, boolean fires, Cue... evidence) {
        if (!fires) {
            return;
        }
        int[] span = null;
        for (Cue cue : evidence) {
            span = sentence.cues().get(cue);
            if (span != null) {
                break;
            }
        }
        set(values, spans, feature.ordinal(), span);
    }

    private void set(double[] values, Span[] spans, int index, int[] cueSpan) {
        if (values[index] != 0) {
            return;
        }
        int start = cueSpan == null ? sentence.start() : cueSpan[0];
        int end = cueSpan == null ? sentence.end() : cueSpan[1];
        if (decoded == null && sentence.disguised()) {
            // "I g n o r e t h e u s e r", "1gn0re": a finding quotes the sentence as it was read, and
            // says it was disguised; its span is still where the text stands.
            String reading = folded.foldedOf(sentence.start(), sentence.end());
            fire(
                    values,
                    spans,
                    index,
                    new Span(field.pointer(), start, end, reading, 0, reading.length(), IntentFeatures.FOLDED));
            return;
        }
        fire(
                values,
                spans,
                index,
                decoded == null
                        ? new Span(field.pointer(), start, end, text, sentence.start(), sentence.end(), null)
                        : new Span(
                                field.pointer(),
                                decoded.start(),
                                decoded.end(),
                                text,
                                sentence.start(),
                                sentence.end(),
                                decoded.encoding()));
    }

    /** Sets an input once; its span is the first that fired it. */
    static void fire(double[] values, Span[] spans, int index, Span span) {
        values[index] = 1;
        if (spans[index] == null) {
            spans[index] = span;
        }
    }
}
