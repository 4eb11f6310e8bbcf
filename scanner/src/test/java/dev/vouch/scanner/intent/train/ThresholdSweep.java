package dev.vouch.scanner.intent.train;

import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.intent.IntentModel;
import dev.vouch.scanner.intent.train.IntentTrainer.Row;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Prints what the bundled model's review threshold trades: for each candidate threshold, the test
 * split's recall and false alarms, Docker's, npm's unseen half's, ATR's and the blind sets'. The test split's aim (at most 1%
 * of its hard negatives flagged) and the held-out aim (90% of unseen attacks flagged) pull the threshold
 * opposite ways; the blind sets show what the second costs. Below the bundled threshold it shows the other
 * side: what flagging 90% of the weakest blind sets' attacks costs in Docker's unseen half (the held-out review
 * budget is 5% of real tools) and in honest tools in other languages. A tool for choosing, not a test.
 */
public final class ThresholdSweep {

    private ThresholdSweep() {}

    public static void main(String[] args) throws IOException {
        IntentModel bundled = IntentModel.bundled();
        Scanner scanner = Scanner.withBundledRules();
        List<Row> rows = IntentTrainer.rows(scanner, LabelledTools.all());
        List<Row> blind = IntentTrainer.rows(scanner, LabelledTools.blind());
        List<Row> translated = IntentTrainer.rows(scanner, LabelledTools.translatedDocker("unread"));
        for (double review :
                new double[] {0.30, 0.32, 0.34, 0.36, bundled.review(), 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9}) {
            IntentModel model = bundled.withThresholds(review, Math.max(review, bundled.block()));
            System.out.printf(
                    Locale.ROOT,
                    "review >= %.3f: test positives %s | test negatives %s | docker %s | docker unseen %s | npm unseen %s"
                            + " | atr+ %s"
                            + " | atr- %s | blind+ %s | blind- %s | -j+ %s | -k+ %s | translated unread %s%n",
                    review,
                    Figures.slice(
                            model,
                            rows,
                            r -> Figures.isFrom(r, "vouch", false)
                                    && r.example().positive()),
                    Figures.slice(model, rows, r -> Figures.isHardNegative(r, false)),
                    Figures.slice(model, rows, r -> "docker".equals(r.example().source())),
                    Figures.slice(model, rows, r -> Figures.isFrom(r, "docker", false)),
                    Figures.slice(model, rows, r -> Figures.isFrom(r, "npm", false)),
                    Figures.slice(
                            model,
                            rows,
                            r -> "atr".equals(r.example().source())
                                    && r.example().positive()),
                    Figures.slice(
                            model,
                            rows,
                            r -> "atr".equals(r.example().source())
                                    && !r.example().positive()),
                    Figures.slice(model, blind, r -> r.example().positive()),
                    Figures.slice(model, blind, r -> !r.example().positive()),
                    Figures.slice(model, blind, r -> isBlindAttack(r, "vouch-blind-j")),
                    Figures.slice(model, blind, r -> isBlindAttack(r, "vouch-blind-k")),
                    Figures.slice(model, translated, r -> true));
        }
    }

    private static boolean isBlindAttack(Row row, String set) {
        return set.equals(row.example().set()) && row.example().positive();
    }
}
