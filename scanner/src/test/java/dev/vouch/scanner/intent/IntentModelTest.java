package dev.vouch.scanner.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.scanner.Family;
import dev.vouch.scanner.JsonMappers;
import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.Verdict;
import dev.vouch.scanner.intent.train.IntentTrainerAccess;
import dev.vouch.scanner.intent.train.LabelledTools;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
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
        Scanner scanner = Scanner.withBundledRules();
        List<LabelledTools.Example> examples = LabelledTools.all();
        IntentModel refitted = IntentTrainerAccess.refit(scanner, examples);

        assertThat(refitted.review()).isCloseTo(bundled.review(), within(1e-3));
        assertThat(refitted.block()).isCloseTo(bundled.block(), within(1e-3));
        for (double[] x : IntentTrainerAccess.vectors(scanner, examples)) {
            assertThat(refitted.score(x)).isCloseTo(bundled.score(x), within(1e-5));
        }
    }

    @Test
    void aModelFittedOnAnotherNumberOfInputsIsRefused() throws IOException {
        // Another word-bag width keeps the names of the word inputs ("words:1011") but not what they hold.
        ObjectNode model;
        try (InputStream in = IntentModel.class.getResourceAsStream(IntentModel.RESOURCE)) {
            model = (ObjectNode) JsonMappers.JSON.readTree(in);
        }
        assertThat(IntentModel.parse(model).review())
                .isEqualTo(IntentModel.bundled().review());

        model.put("inputCount", IntentFeatures.SIZE - WordBag.BUCKETS / 2);
        assertThatThrownBy(() -> IntentModel.parse(model))
                .isInstanceOf(IllegalArgumentException.class)
                .isInstanceOf(IntentModel.FittedOnOtherInputs.class)
                .hasMessageContaining("refit");
        model.remove("inputCount");
        assertThatThrownBy(() -> IntentModel.parse(model))
                .isInstanceOf(IllegalArgumentException.class)
                .isInstanceOf(IntentModel.FittedOnOtherInputs.class)
                .hasMessageContaining("does not say")
                .hasMessageContaining("refit");
        model.put("model", "linear");
        assertThatThrownBy(() -> IntentModel.parse(model))
                .as("another fault of a model is no call for a refit")
                .isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(IntentModel.FittedOnOtherInputs.class);
    }

    @Test
    void blockNeedsHarmAndReviewNeedsSteering() {
        // One stump: an agent directive scores high, anything else low.
        TreeEnsemble stump =
                TreeEnsemble.parse(TreeEnsembleTest.stump(Feature.AGENT_DIRECTIVE, -5, 5), IntentFeatures.inputNames());
        IntentModel model = new IntentModel(
                stump, 0.5, 0.9, Set.of(Feature.CONCEAL), Set.of(Feature.TRIGGER_OTHER), Set.of(), "test");
        double[] pushy = new double[IntentFeatures.SIZE];
        pushy[Feature.AGENT_DIRECTIVE.ordinal()] = 1;
        assertThat(model.assess(vector(pushy)).verdict()).isEqualTo(Verdict.PASS);
        pushy[Feature.TRIGGER_OTHER.ordinal()] = 1;
        assertThat(model.assess(vector(pushy)).verdict()).isEqualTo(Verdict.REVIEW);
        pushy[Feature.CONCEAL.ordinal()] = 1;
        IntentModel.Assessment blocked = model.assess(vector(pushy));
        assertThat(blocked.verdict()).isEqualTo(Verdict.BLOCK);
        // What raised the score first, then the harm that let it block, though it raised nothing.
        assertThat(blocked.contributions())
                .extracting(IntentModel.Contribution::name)
                .containsExactly(Feature.AGENT_DIRECTIVE.wireName(), Feature.CONCEAL.wireName());
    }

    @Test
    void aToolPuttingItselfInPlaceOfAnotherIsReviewedWhateverItsScore() {
        // The trees score it low; the feature that reviews whatever the score still sends it to a person, and names
        // itself as the reason. Harm is still what a block needs.
        TreeEnsemble stump =
                TreeEnsemble.parse(TreeEnsembleTest.stump(Feature.AGENT_DIRECTIVE, -5, 5), IntentFeatures.inputNames());
        IntentModel model = new IntentModel(
                stump,
                0.5,
                0.9,
                Set.of(Feature.CONCEAL),
                Set.of(Feature.TRIGGER_OTHER),
                Set.of(Feature.SUPERSEDES_OTHER),
                "test");
        double[] x = new double[IntentFeatures.SIZE];
        x[Feature.OTHER_TOOL.ordinal()] = 1;
        assertThat(model.mayFlag(x)).isFalse();
        x[Feature.SUPERSEDES_OTHER.ordinal()] = 1;
        assertThat(model.mayFlag(x)).isTrue();

        IntentModel.Assessment assessment = model.assess(vector(x));

        assertThat(assessment.score()).isLessThan(0.5);
        assertThat(assessment.verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(assessment.family()).isEqualTo(Family.CROSS_TOOL_SHADOWING);
        assertThat(assessment.contributions())
                .extracting(IntentModel.Contribution::name)
                .as("the reason comes first")
                .startsWith(Feature.SUPERSEDES_OTHER.wireName());
        x[Feature.AGENT_DIRECTIVE.ordinal()] = 1;
        assertThat(model.assess(vector(x)).verdict())
                .as("a high score without harm is a review, not a block")
                .isEqualTo(Verdict.REVIEW);
    }

    @Test
    void aBlockOnHarmTheTreesNeverReadNamesThatHarm() {
        TreeEnsemble stump =
                TreeEnsemble.parse(TreeEnsembleTest.stump(Feature.TRIGGER_OTHER, -5, 5), IntentFeatures.inputNames());
        IntentModel model = new IntentModel(
                stump, 0.5, 0.9, Set.of(Feature.WRITE_CALL_TRIGGERED), Set.of(Feature.TRIGGER_OTHER), Set.of(), "test");
        double[] x = new double[IntentFeatures.SIZE];
        x[Feature.TRIGGER_OTHER.ordinal()] = 1;
        x[Feature.WRITE_CALL_TRIGGERED.ordinal()] = 1;

        IntentModel.Assessment assessment = model.assess(vector(x));

        assertThat(assessment.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(assessment.family()).isEqualTo(Family.CROSS_TOOL_SHADOWING);
        assertThat(assessment.contributions())
                .extracting(IntentModel.Contribution::name)
                .containsExactly(Feature.TRIGGER_OTHER.wireName(), Feature.WRITE_CALL_TRIGGERED.wireName());
    }

    @Test
    void aToolFlaggedForWhatItLacksStillNamesTheHarmItHolds() {
        // The score rises when "protects the user" is absent; concealment, the harm the gate needs, is
        // there but splits nothing.
        TreeEnsemble lacking =
                TreeEnsemble.parse(TreeEnsembleTest.stump(Feature.PROTECTS_USER, 5, -5), IntentFeatures.inputNames());
        IntentModel model = new IntentModel(
                lacking, 0.5, 0.9, Set.of(Feature.CONCEAL), Set.of(Feature.TRIGGER_OTHER), Set.of(), "test");
        double[] x = new double[IntentFeatures.SIZE];
        x[Feature.CONCEAL.ordinal()] = 1;

        IntentModel.Assessment assessment = model.assess(vector(x));

        assertThat(assessment.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(assessment.contributions())
                .extracting(IntentModel.Contribution::name)
                .containsExactly(Feature.CONCEAL.wireName());
    }

    @Test
    void everyFlaggedToolShowsCuesThatRaisedItsScore() throws IOException {
        IntentModel bundled = IntentModel.bundled();
        Scanner scanner = Scanner.withBundledRules();
        for (double[] x : IntentTrainerAccess.vectors(scanner, LabelledTools.blind())) {
            IntentModel.Assessment assessment = bundled.assess(vector(x));
            if (assessment.verdict() != Verdict.PASS) {
                double shown = assessment.contributions().stream()
                        .mapToDouble(IntentModel.Contribution::weight)
                        .sum();
                assertThat(shown).as("the reasons shown raise the score").isPositive();
            }
        }
    }

    private static IntentFeatures.Vector vector(double[] x) {
        return new IntentFeatures.Vector(x, new IntentFeatures.Span[x.length]);
    }
}
