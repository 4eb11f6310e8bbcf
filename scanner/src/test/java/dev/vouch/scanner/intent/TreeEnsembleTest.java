package dev.vouch.scanner.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.scanner.JsonMappers;
import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.intent.train.IntentTrainerAccess;
import dev.vouch.scanner.intent.train.LabelledTools;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TreeEnsembleTest {

    @Test
    void theInputsPartsAndTheExpectedMarginAddUpToTheMargin() throws IOException {
        TreeEnsemble trees = bundledTrees();
        for (double[] x : IntentTrainerAccess.vectors(Scanner.withBundledRules(), LabelledTools.blind())) {
            double parts = Arrays.stream(trees.parts(x)).sum();
            assertThat(trees.expectedMargin() + parts).isCloseTo(trees.margin(x), within(1e-6));
        }
    }

    @Test
    void aNodeThatPointsBackwardsIsRefusedSoAWalkAlwaysEnds() {
        ObjectNode root = stump();
        ((com.fasterxml.jackson.databind.node.ArrayNode)
                        root.path("trees").get(0).path("no"))
                .set(0, 0);

        assertThatThrownBy(() -> TreeEnsemble.parse(root, IntentFeatures.inputNames()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("points outside or backwards");
    }

    @Test
    void aSplitOnAnInputTheScannerDoesNotHaveIsRefused() {
        ObjectNode root = stump();
        root.putArray("inputs").add("no-such-input");

        assertThatThrownBy(() -> TreeEnsemble.parse(root, IntentFeatures.inputNames()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-input");
    }

    @Test
    void anInputBelowTheThresholdGoesYesAndTheRestNo() {
        TreeEnsemble trees = TreeEnsemble.parse(stump(), IntentFeatures.inputNames());
        double[] x = new double[IntentFeatures.SIZE];

        assertThat(trees.margin(x)).isEqualTo(-1);
        x[Feature.CONCEAL.ordinal()] = 1;
        assertThat(trees.margin(x)).isEqualTo(2);
        assertThat(trees.parts(x)[Feature.CONCEAL.ordinal()]).isEqualTo(1.5);
    }

    private static ObjectNode stump() {
        return stump(Feature.CONCEAL, -1, 2);
    }

    /** One split on {@code feature} at 0.5: {@code below} under it, {@code above} over it. */
    static ObjectNode stump(Feature feature, double below, double above) {
        ObjectNode root = JsonMappers.JSON.createObjectNode().put("baseMargin", 0);
        root.putArray("inputs").add(feature.wireName());
        ObjectNode tree = root.putArray("trees").addObject();
        tree.putArray("input").add(0).add(-1).add(-1);
        tree.putArray("threshold").add(0.5).add(0).add(0);
        tree.putArray("yes").add(1).add(0).add(0);
        tree.putArray("no").add(2).add(0).add(0);
        tree.putArray("value").add((below + above) / 2).add(below).add(above);
        return root;
    }

    private static TreeEnsemble bundledTrees() throws IOException {
        try (InputStream in = IntentModel.class.getResourceAsStream(IntentModel.RESOURCE)) {
            JsonNode root = JsonMappers.JSON.readTree(in);
            return TreeEnsemble.parse(root, IntentFeatures.inputNames());
        }
    }
}
