package dev.vouch.scanner.intent.train;

import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.intent.IntentModel;
import dev.vouch.scanner.intent.Lexicon;
import java.io.IOException;
import java.util.List;

/** Lets the model's tests refit it exactly as {@link IntentTrainer} does, without writing the file. */
public final class IntentTrainerAccess {

    private IntentTrainerAccess() {}

    /** Refits with the tree shape the bundled model records (the grid's choice), as the trainer would. */
    public static IntentModel refit(Scanner scanner, List<LabelledTools.Example> examples) throws IOException {
        return IntentTrainer.fit(IntentTrainer.rows(scanner, examples), List.of(IntentTrainer.bundledShape()))
                .model(Lexicon.bundled().digest());
    }

    /** The model's inputs for each example, as the trainer reads them. */
    public static List<double[]> vectors(Scanner scanner, List<LabelledTools.Example> examples) {
        return IntentTrainer.rows(scanner, examples).stream()
                .map(IntentTrainer.Row::x)
                .toList();
    }
}
