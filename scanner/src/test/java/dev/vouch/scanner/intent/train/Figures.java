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

    /** Counts of one slice: how many, how many flagged (review or block), how many blocked. */
    record Slice(int total, int flagged, int blocked) {

        double flaggedRate() {
            return total == 0 ? 0 : (double) flagged / total;
        }

        double blockedRate() {
            return total == 0 ? 0 : (double) blocked / total;
        }

        Slice plus(Verdict verdict) {
            return new Slice(
                    total + 1,
                    flagged + (verdict != Verdict.PASS ? 1 : 0),
                    blocked + (verdict == Verdict.BLOCK ? 1 : 0));
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%5d tools  flagged %6.2f%%  blocked %6.2f%%",
                    total,
                    100 * flaggedRate(),
                    100 * blockedRate());
        }
    }

    private Figures() {}

    static Slice slice(IntentModel model, List<Row> rows, Predicate<Row> which) {
        Slice slice = new Slice(0, 0, 0);
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
                    + slice(model, rows, r -> isVouch(r, train) && r.example().positive()));
            System.out.println("  negatives            "
                    + slice(
                            model,
                            rows,
                            r -> isVouch(r, train)
                                    && !r.example().positive()
                                    && !"benign-pushy".equals(r.example().kind())));
            System.out.println("  negatives (pushy)    "
                    + slice(
                            model,
                            rows,
                            r -> isVouch(r, train)
                                    && "benign-pushy".equals(r.example().kind())));
            Map<String, Slice> byKind = new TreeMap<>();
            for (Row row : rows) {
                if (isVouch(row, train)) {
                    byKind.merge(
                            row.example().kind() + (row.example().positive() ? " (+)" : " (-)"),
                            new Slice(0, 0, 0).plus(verdict(model, row)),
                            (a, b) -> new Slice(
                                    a.total() + b.total(), a.flagged() + b.flagged(), a.blocked() + b.blocked()));
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
            System.out.println("docker benign, " + split + " half: "
                    + slice(
                            model,
                            rows,
                            r -> "docker".equals(r.example().source())
                                    && r.example().train() == train));
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
                    new Slice(0, 0, 0).plus(verdict(model, row)),
                    (a, b) -> new Slice(a.total() + b.total(), a.flagged() + b.flagged(), a.blocked() + b.blocked()));
        }
        byKind.forEach((kind, slice) -> System.out.printf(Locale.ROOT, "    %-28s %s%n", kind, slice));
    }

    private static boolean isHandwritten(Row row) {
        return "handwritten".equals(row.example().source());
    }

    private static boolean isVouch(Row row, boolean train) {
        return "vouch".equals(row.example().source()) && row.example().train() == train;
    }
}
