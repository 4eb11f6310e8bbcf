package dev.vouch.scanner.intent.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.scanner.Scanner;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntentTrainerTest {

    @Test
    void readsEveryToolAsTheScannerDoesWithoutTheBundledModel() throws IOException {
        // The trainer must start when the bundled model no longer loads (an edit changed the number of inputs),
        // so it reads features with a model of no trees: what it reads must not depend on the model.
        List<LabelledTools.Example> examples = LabelledTools.blind().subList(0, 400);

        List<double[]> trainer = IntentTrainerAccess.vectors(IntentTrainer.featureReader(), examples);
        List<double[]> scanner = IntentTrainerAccess.vectors(Scanner.withBundledRules(), examples);

        assertThat(trainer).hasSameSizeAs(scanner);
        for (int i = 0; i < trainer.size(); i++) {
            assertThat(trainer.get(i)).as(examples.get(i).id()).containsExactly(scanner.get(i));
        }
    }
}
