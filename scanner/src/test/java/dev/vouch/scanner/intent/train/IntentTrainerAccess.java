package dev.vouch.scanner.intent.train;

import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.intent.IntentModel;
import dev.vouch.scanner.intent.Lexicon;
import java.util.List;

/** Lets the model's tests refit it exactly as {@link IntentTrainer} does, without writing the file. */
public final class IntentTrainerAccess {

    private IntentTrainerAccess() {}

    public static IntentModel refit(Scanner scanner, List<LabelledTools.Example> examples) {
        return IntentTrainer.fit(IntentTrainer.rows(scanner, examples))
                .model(Lexicon.bundled().digest());
    }
}
