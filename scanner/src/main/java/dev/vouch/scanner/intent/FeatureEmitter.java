package dev.vouch.scanner.intent;

import dev.vouch.scanner.intent.InstructionAnalyzer.Sentence;
import dev.vouch.scanner.intent.IntentFeatures.Span;
import dev.vouch.scanner.intent.IntentFeatures.Text;

/** Sets features of one sentence, recording the span of the first of the named cues it holds. */
final class FeatureEmitter {
    private final Text field;
    private final String text;
    private final EncodedSpans.Decoded decoded;
    private final Sentence sentence;
    private final double[] values;
    private final Span[] spans;

    FeatureEmitter(
            Text field, String text, EncodedSpans.Decoded decoded, Sentence sentence, double[] values, Span[] spans) {
        this.field = field;
        this.text = text;
        this.decoded = decoded;
        this.sentence = sentence;
        this.values = values;
        this.spans = spans;
    }

    /** Each cue of the sentence, and each pair of them. */
    void cues() {
        Cue[] present = sentence.cues().keySet().toArray(new Cue[0]);
        for (int i = 0; i < present.length; i++) {
            set(IntentFeatures.SINGLES + present[i].ordinal(), sentence.cues().get(present[i]));
            for (int j = i + 1; j < present.length; j++) {
                int a = Math.min(present[i].ordinal(), present[j].ordinal());
                int b = Math.max(present[i].ordinal(), present[j].ordinal());
                set(IntentFeatures.pairIndex(a, b), null);
            }
        }
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
        set(feature.ordinal(), span);
    }

    private void set(int index, int[] cueSpan) {
        if (values[index] != 0) {
            return;
        }
        int start = cueSpan == null ? sentence.start() : cueSpan[0];
        int end = cueSpan == null ? sentence.end() : cueSpan[1];
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
