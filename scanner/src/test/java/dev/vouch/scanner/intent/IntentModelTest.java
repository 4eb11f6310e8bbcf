package dev.vouch.scanner.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.intent.train.IntentTrainerAccess;
import dev.vouch.scanner.intent.train.LabelledTools;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The bundled model is what the trainer fits on the bundled lexicon and corpora: no hand edits, no drift. */
class IntentModelTest {

    @Test
    void theBundledModelWasFittedWithTheBundledLexicon() {
        assertThat(IntentModel.bundled().lexiconDigest())
                .as("the lexicon changed since the model was fitted: rerun IntentTrainer (README, scanner section)")
                .isEqualTo(Lexicon.bundled().digest());
    }

    @Test
    void refittingOnTheCorporaReproducesTheBundledModel() throws IOException {
        IntentModel bundled = IntentModel.bundled();
        IntentModel refitted = IntentTrainerAccess.refit(Scanner.withBundledRules(), LabelledTools.all());

        assertThat(refitted.review()).isCloseTo(bundled.review(), within(1e-3));
        assertThat(refitted.block()).isCloseTo(bundled.block(), within(1e-3));
        assertThat(refitted.bias()).isCloseTo(bundled.bias(), within(1e-3));
        double[] expected = bundled.weights();
        double[] actual = refitted.weights();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as(IntentFeatures.inputNames().get(i)).isCloseTo(expected[i], within(1e-3));
        }
    }

    @Test
    void blockNeedsHarmAndReviewNeedsSteering() {
        double[] weights = new double[IntentFeatures.SIZE];
        weights[Feature.AGENT_DIRECTIVE.ordinal()] = 10;
        IntentModel model = new IntentModel(
                0,
                weights,
                0.5,
                0.9,
                java.util.Set.of(Feature.CONCEAL),
                java.util.Set.of(Feature.TRIGGER_OTHER),
                "test");
        double[] pushy = new double[IntentFeatures.SIZE];
        pushy[Feature.AGENT_DIRECTIVE.ordinal()] = 1;
        assertThat(model.assess(new IntentFeatures.Vector(pushy, new IntentFeatures.Span[pushy.length]))
                        .verdict())
                .isEqualTo(dev.vouch.scanner.Verdict.PASS);
        pushy[Feature.TRIGGER_OTHER.ordinal()] = 1;
        assertThat(model.assess(new IntentFeatures.Vector(pushy, new IntentFeatures.Span[pushy.length]))
                        .verdict())
                .isEqualTo(dev.vouch.scanner.Verdict.REVIEW);
        pushy[Feature.CONCEAL.ordinal()] = 1;
        assertThat(model.assess(new IntentFeatures.Vector(pushy, new IntentFeatures.Span[pushy.length]))
                        .verdict())
                .isEqualTo(dev.vouch.scanner.Verdict.BLOCK);
    }
}
