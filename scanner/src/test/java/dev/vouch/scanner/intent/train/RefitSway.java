package dev.vouch.scanner.intent.train;

import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.intent.IntentModel;
import dev.vouch.scanner.intent.Lexicon;
import dev.vouch.scanner.intent.train.BoostedTrees.Shape;
import dev.vouch.scanner.intent.train.IntentTrainer.Row;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How far a refit sways the figures when its inputs barely move. A refit gives the same trees under any seed, but an
 * edit to a rule, a reading or a lexicon line changes the inputs of a few rows, and the trees fitted to them move
 * further than those rows: the review line lands elsewhere, and tools far from the edit cross it both ways. This
 * fits the bundled shape again N times (the first argument, 3 by default), each time without a different twentieth
 * of the fitted groups (template families, hand-written sets, Docker's and npm's servers), and prints each fit's
 * figures and their spread. A change whose figures move well inside the spread is not shown to help or harm by one
 * refit.
 *
 * <pre>
 * mvn -B -q -pl scanner exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.vouch.scanner.intent.train.RefitSway -Dexec.args="3"
 * </pre>
 *
 * Each fit takes as long as the trainer's quick fit (about eight minutes on two cores).
 */
public final class RefitSway {

    /**
     * The share of the fitted groups each refit leaves out. A group is a template family, a hand-written set or a real
     * server, so a refit drops about two whole hand-written sets: more than an edit of a few rows moves, and the spread
     * is a bound on a refit's sway rather than the sway of any one edit.
     */
    private static final double LEFT_OUT = 0.05;

    private RefitSway() {}

    public static void main(String[] args) throws IOException {
        int refits = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Scanner scanner = IntentTrainer.featureReader();
        List<Row> rows = IntentTrainer.rows(scanner, LabelledTools.all());
        List<Row> blind = IntentTrainer.rows(scanner, LabelledTools.blind());
        Shape shape = IntentTrainer.bundledShape();
        String digest = Lexicon.bundled().digest();
        List<String> groups = rows.stream()
                .filter(row -> row.example().train())
                .map(row -> row.example().group())
                .distinct()
                .sorted()
                .toList();
        Map<String, List<Double>> byFigure = new LinkedHashMap<>();
        for (int refit = 0; refit < refits; refit++) {
            Set<String> leftOut = leftOut(groups, new Random(refit));
            List<Row> kept = rows.stream()
                    .filter(row -> !row.example().train()
                            || !leftOut.contains(row.example().group()))
                    .toList();
            IntentModel model = IntentTrainer.fit(kept, List.of(shape)).model(digest);
            System.out.printf(
                    Locale.ROOT,
                    "refit %d: %d of %d groups left out, %d rows fitted, review>=%.3f block>=%.3f%n",
                    refit,
                    leftOut.size(),
                    groups.size(),
                    kept.stream().filter(row -> row.example().train()).count(),
                    model.review(),
                    model.block());
            figures(model, rows, blind).forEach((figure, value) -> {
                System.out.printf(Locale.ROOT, "  %-40s %6.2f%%%n", figure, 100 * value);
                byFigure.computeIfAbsent(figure, k -> new ArrayList<>()).add(value);
            });
        }
        System.out.println("spread over " + refits + " refits (lowest, highest, difference):");
        byFigure.forEach((figure, values) -> {
            double low = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double high = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            System.out.printf(
                    Locale.ROOT,
                    "  %-40s %6.2f%% %6.2f%% %5.2f points%n",
                    figure,
                    100 * low,
                    100 * high,
                    100 * (high - low));
        });
    }

    /** The groups one refit leaves out: each with chance {@link #LEFT_OUT}, drawn in name order. */
    static Set<String> leftOut(List<String> groups, Random random) {
        return groups.stream().filter(group -> random.nextDouble() < LEFT_OUT).collect(Collectors.toSet());
    }

    /** The figures the README reports for a rule pack, as shares. */
    static Map<String, Double> figures(IntentModel model, List<Row> rows, List<Row> blind) {
        Map<String, Double> figures = new LinkedHashMap<>();
        Slice attacks = Figures.slice(
                model,
                rows,
                row -> Figures.isFrom(row, "vouch", false) && row.example().positive());
        figures.put("test split, attacks flagged", attacks.flaggedRate());
        figures.put("test split, attacks blocked", attacks.blockedRate());
        figures.put(
                "test split, hard negatives flagged",
                Figures.slice(model, rows, row -> Figures.isHardNegative(row, false))
                        .flaggedRate());
        Slice blindAttacks = Figures.slice(model, blind, row -> row.example().positive());
        figures.put("blind sets, attacks flagged", blindAttacks.flaggedRate());
        figures.put("blind sets, attacks blocked", blindAttacks.blockedRate());
        figures.put(
                "blind sets, clean tools flagged",
                Figures.slice(model, blind, row -> !row.example().positive()).flaggedRate());
        figures.put(
                "Docker's unseen half, flagged",
                Figures.slice(model, rows, row -> Figures.isFrom(row, "docker", false))
                        .flaggedRate());
        figures.put(
                "npm's unseen halves, flagged",
                Figures.slice(model, rows, row -> Figures.isFrom(row, "npm", false))
                        .flaggedRate());
        return figures;
    }
}
