package dev.vouch.scanner.intent.train;

import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.intent.IntentModel;
import dev.vouch.scanner.intent.train.IntentTrainer.Row;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Prints what the bundled model's review threshold trades: for each candidate threshold, the test
 * split's recall and false alarms, Docker's and ATR's. A tool for choosing, not a test.
 */
public final class ThresholdSweep {

    private ThresholdSweep() {}

    public static void main(String[] args) throws IOException {
        IntentModel bundled = IntentModel.bundled();
        List<Row> rows = IntentTrainer.rows(Scanner.withBundledRules(), LabelledTools.all());
        for (double review : new double[] {0.5, 0.7, 0.8, 0.9, 0.95, bundled.review()}) {
            IntentModel model = bundled.withThresholds(review, Math.max(review, bundled.block()));
            System.out.printf(
                    Locale.ROOT,
                    "review >= %.3f: test positives %s | test negatives %s | docker %s | atr+ %s | atr- %s%n",
                    review,
                    Figures.slice(
                            model, rows, r -> isVouchTest(r) && r.example().positive()),
                    Figures.slice(
                            model,
                            rows,
                            r -> isVouchTest(r)
                                    && !r.example().positive()
                                    && !"benign-pushy".equals(r.example().kind())),
                    Figures.slice(model, rows, r -> "docker".equals(r.example().source())),
                    Figures.slice(
                            model,
                            rows,
                            r -> "atr".equals(r.example().source())
                                    && r.example().positive()),
                    Figures.slice(
                            model,
                            rows,
                            r -> "atr".equals(r.example().source())
                                    && !r.example().positive()));
        }
    }

    private static boolean isVouchTest(Row row) {
        return "vouch".equals(row.example().source()) && !row.example().train();
    }
}
