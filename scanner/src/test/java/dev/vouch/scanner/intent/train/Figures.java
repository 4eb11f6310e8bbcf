package dev.vouch.scanner.intent.train;

import dev.vouch.scanner.Verdict;
import dev.vouch.scanner.intent.IntentModel;
import dev.vouch.scanner.intent.train.IntentTrainer.Row;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Confusion figures of a model over labelled rows, by split, source and kind. */
final class Figures {

    private Figures() {}

    static Slice slice(IntentModel model, List<Row> rows, Predicate<Row> which) {
        Slice slice = Slice.EMPTY;
        for (Row row : rows) {
            if (which.test(row)) {
                slice = slice.plus(verdict(model, row));
            }
        }
        return slice;
    }

    static Verdict verdict(IntentModel model, Row row) {
        return IntentTrainer.verdict(row.x(), model.score(row.x()), model.review(), model.block());
    }

    static void print(IntentModel model, List<Row> rows, boolean testOnly) {
        for (boolean train : testOnly ? new boolean[] {false} : new boolean[] {true, false}) {
            String split = train ? "train" : "test";
            System.out.println("vouch-labelled " + split + " split:");
            System.out.println("  positives            "
                    + slice(
                            model,
                            rows,
                            r -> isFrom(r, "vouch", train) && r.example().positive()));
            System.out.println("  negatives            " + slice(model, rows, r -> isHardNegative(r, train)));
            System.out.println("  negatives (pushy)    "
                    + slice(
                            model,
                            rows,
                            r -> isFrom(r, "vouch", train) && r.example().pushy()));
            Map<String, Slice> byKind = new TreeMap<>();
            for (Row row : rows) {
                if (isFrom(row, "vouch", train)) {
                    byKind.merge(
                            row.example().kind() + (row.example().positive() ? " (+)" : " (-)"),
                            Slice.EMPTY.plus(verdict(model, row)),
                            Slice::plus);
                }
            }
            byKind.forEach((kind, slice) -> System.out.printf(Locale.ROOT, "    %-28s %s%n", kind, slice));
            if (train) {
                System.out.println("hand-written sets (fitted on): positives "
                        + slice(
                                model,
                                rows,
                                r -> isHandwritten(r) && r.example().positive())
                        + " | negatives "
                        + slice(
                                model,
                                rows,
                                r -> isHandwritten(r) && !r.example().positive()));
            }
            System.out.println(
                    "docker benign, " + split + " half: " + slice(model, rows, r -> isFrom(r, "docker", train)));
            System.out.println("npm benign, " + split + " half: " + slice(model, rows, r -> isFrom(r, "npm", train)));
            if (train) {
                continue;
            }
            System.out.println("ATR (never fitted on), positives: "
                    + slice(
                            model,
                            rows,
                            r -> "atr".equals(r.example().source())
                                    && r.example().train() == train
                                    && r.example().positive()));
            System.out.println("ATR (never fitted on), negatives: "
                    + slice(
                            model,
                            rows,
                            r -> "atr".equals(r.example().source())
                                    && r.example().train() == train
                                    && !r.example().positive()));
        }
    }

    /** The blind set's figures: another hand's tools, never fitted on, by kind. */
    static void printBlind(IntentModel model, List<Row> blind) {
        System.out.println("blind sets (never fitted on):");
        System.out.println(
                "  positives            " + slice(model, blind, r -> r.example().positive()));
        System.out.println("  negatives            "
                + slice(model, blind, r -> !r.example().positive()));
        for (String set : new java.util.TreeSet<>(
                blind.stream().map(r -> r.example().set()).toList())) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-20s positives %s | negatives %s%n",
                    set,
                    slice(
                            model,
                            blind,
                            r -> r.example().positive()
                                    && set.equals(r.example().set())),
                    slice(
                            model,
                            blind,
                            r -> !r.example().positive()
                                    && set.equals(r.example().set())));
        }
        Map<String, Slice> byKind = new TreeMap<>();
        for (Row row : blind) {
            byKind.merge(
                    row.example().kind() + (row.example().positive() ? " (+)" : " (-)"),
                    Slice.EMPTY.plus(verdict(model, row)),
                    Slice::plus);
        }
        byKind.forEach((kind, slice) -> System.out.printf(Locale.ROOT, "    %-28s %s%n", kind, slice));
    }

    /** One of the labelled corpus's honest tools of the {@code train} or test split, pushy vendor text apart. */
    static boolean isHardNegative(Row row, boolean train) {
        return isFrom(row, "vouch", train)
                && !row.example().positive()
                && !row.example().pushy();
    }

    private static boolean isHandwritten(Row row) {
        return "handwritten".equals(row.example().source());
    }

    /**
     * One of {@code source}'s tools of its fitted part ({@code train}) or of its unseen part: the labelled
     * corpus's train or test split, Docker's or npm's fitted or unseen half of the servers.
     */
    static boolean isFrom(Row row, String source, boolean train) {
        return source.equals(row.example().source()) && row.example().train() == train;
    }
}
