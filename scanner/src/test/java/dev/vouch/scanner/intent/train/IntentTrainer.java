package dev.vouch.scanner.intent.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.Verdict;
import dev.vouch.scanner.input.ScanInput;
import dev.vouch.scanner.intent.Feature;
import dev.vouch.scanner.intent.IntentFeatures;
import dev.vouch.scanner.intent.IntentFeatures.Vector;
import dev.vouch.scanner.intent.IntentModel;
import dev.vouch.scanner.intent.Lexicon;
import dev.vouch.scanner.intent.train.LabelledTools.Example;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fits the instruction model: an L2-regularised logistic regression (liblinear) over the features of
 * the train split, the regularisation chosen by cross-validation whose folds never split a template
 * family, and the two thresholds chosen on the out-of-fold scores so that few negatives are flagged.
 * Writes {@code intent-model.json} and prints the test split's figures.
 *
 * <pre>
 * mvn -B -q -pl scanner exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.vouch.scanner.intent.train.IntentTrainer
 * </pre>
 */
public final class IntentTrainer {

    static final Path MODEL_IN_MODULE = Path.of("src/main/resources/dev/vouch/scanner/rules/intent-model.json");
    private static final double[] REGULARISATION = {0.1, 0.3, 1, 3};
    private static final int FOLDS = 5;
    /** Review is a person's queue: at most this share of real tools may land in it (out of fold). */
    static final double MAX_REAL_REVIEW = 0.03;
    /**
     * ... and at most this share of the corpus's hard negatives, which are written to borrow the attacks'
     * words and are rare among real tools: bound more tightly, they hold the threshold above phrasings of
     * attacks no corpus holds, which score lower than the corpus's own.
     */
    static final double MAX_HARD_REVIEW = 0.10;
    /** Block refuses a publish: at most this share of the hard negatives (pushy vendor text included). */
    static final double MAX_HARD_BLOCKED = 0.03;
    /** ... and at most this share of real tools. */
    static final double MAX_REAL_BLOCKED = 0.004;

    static final Set<Feature> BLOCK_NEEDS = EnumSet.of(
            Feature.TAMPER_OTHER,
            Feature.TAMPER_ARGUMENT,
            Feature.CONCEAL,
            Feature.SENSITIVE_SINK,
            Feature.EXFIL_SINK,
            Feature.DESTRUCTIVE_STEER,
            Feature.SIDE_EFFECT_STEER,
            Feature.AUTHORITY_OVER_USER,
            Feature.OUTPUT_CONTROL,
            Feature.OVERRIDE,
            Feature.DECODED_DIRECTIVE,
            Feature.RULE_BLOCK,
            Feature.SENSITIVE_INTO_ARG,
            Feature.USER_VALUE_DEMOTED,
            Feature.FIXED_VALUE_OTHER,
            Feature.EXTERNAL_SINK,
            Feature.REASSURED_HARM);
    static final Set<Feature> REVIEW_NEEDS = EnumSet.of(
            Feature.TRIGGER_OTHER,
            Feature.TRIGGER_ANY,
            Feature.CALL_OTHER,
            Feature.CALL_FIRST,
            Feature.CALL_IDENTIFIER,
            Feature.MODAL_TRIGGER_STEER,
            Feature.STEER_SIBLING_WITH_HARM);

    /** One example's features and label. */
    record Row(Example example, double[] x) {}

    /** The fitted model and how it was chosen. */
    record Fit(
            double bias,
            double[] weights,
            double c,
            double review,
            double block,
            double oofRecall,
            double oofBlocked,
            double oofFlagged) {

        IntentModel model(String lexiconDigest) {
            return new IntentModel(bias, weights, review, block, BLOCK_NEEDS, REVIEW_NEEDS, lexiconDigest);
        }
    }

    private IntentTrainer() {}

    public static void main(String[] args) throws IOException {
        Scanner scanner = Scanner.withBundledRules();
        List<Row> rows = rows(scanner, LabelledTools.all());
        Fit fit = fit(rows);
        String digest = Lexicon.bundled().digest();
        Path out =
                Files.isDirectory(Path.of("scanner")) ? Path.of("scanner").resolve(MODEL_IN_MODULE) : MODEL_IN_MODULE;
        Files.writeString(out, json(fit, digest, rows));
        System.out.printf(
                Locale.ROOT,
                "fitted: C=%.2f review>=%.3f block>=%.3f; out-of-fold recall %.3f, blocked %.3f, "
                        + "hard negatives flagged %.4f%n",
                fit.c(),
                fit.review(),
                fit.block(),
                fit.oofRecall(),
                fit.oofBlocked(),
                fit.oofFlagged());
        Figures.print(fit.model(digest), rows, false);
        Figures.printBlind(fit.model(digest), rows(scanner, LabelledTools.blind()));
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** The features of every example, each tool set scanned once. */
    static List<Row> rows(Scanner scanner, List<Example> examples) {
        Map<ScanInput, List<Vector>> vectors = new IdentityHashMap<>();
        List<Row> rows = new ArrayList<>(examples.size());
        for (Example example : examples) {
            List<Vector> ofInput = vectors.computeIfAbsent(example.input(), scanner::instructionVectors);
            rows.add(new Row(example, ofInput.get(example.index()).values()));
        }
        return rows;
    }

    static Fit fit(List<Row> rows) {
        Linear.disableDebugOutput();
        List<Row> train = rows.stream().filter(r -> r.example().train()).toList();
        List<Fit> fits = new ArrayList<>();
        for (double c : REGULARISATION) {
            double[] oof = outOfFold(train, c);
            if (Boolean.getBoolean("vouch.train.hardest")) {
                System.out.printf(Locale.ROOT, "C=%.2f:%n", c);
                printHardest(train, oof);
            }
            fits.add(thresholds(train, oof, c, fitWeights(train, c)));
            Fit last = fits.get(fits.size() - 1);
            System.out.printf(
                    Locale.ROOT,
                    "C=%.2f: review>=%.5f block>=%.5f; out-of-fold recall %.3f, blocked %.3f%n",
                    c,
                    last.review(),
                    last.block(),
                    last.oofRecall(),
                    last.oofBlocked());
        }
        // Flagging and blocking count alike; the best fit out of fold. (Preferring the strongest
        // regularisation within a point of the best made the choice flip between neighbours on noise;
        // the grid stops at 3, past which scores saturate at 1 and no threshold separates.)
        return fits.stream()
                .max(java.util.Comparator.comparingDouble(IntentTrainer::merit))
                .orElseThrow();
    }

    /** The negatives scored highest out of fold, with their named features: what holds a threshold up. */
    private static void printHardest(List<Row> train, double[] oof) {
        List<Integer> negatives = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            if (!train.get(i).example().positive()) {
                negatives.add(i);
            }
        }
        negatives.sort((a, b) -> Double.compare(oof[b], oof[a]));
        for (int i : negatives.subList(0, Math.min(30, negatives.size()))) {
            StringBuilder named = new StringBuilder();
            for (Feature feature : Feature.values()) {
                if (train.get(i).x()[feature.ordinal()] != 0) {
                    named.append(' ').append(feature.wireName());
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "  hardest negative %.4f %s:%s%n",
                    oof[i],
                    train.get(i).example().id(),
                    named);
        }
    }

    private static double merit(Fit fit) {
        return (fit.oofRecall() + fit.oofBlocked()) / 2;
    }

    /** Scores of each train row from a model fitted without its fold; folds keep template families whole. */
    private static double[] outOfFold(List<Row> train, double c) {
        double[] scores = new double[train.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Row> in = new ArrayList<>();
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                if (foldOf(train.get(i)) == fold) {
                    out.add(i);
                } else {
                    in.add(train.get(i));
                }
            }
            double[] w = fitWeights(in, c);
            for (int i : out) {
                scores[i] = score(w, train.get(i).x());
            }
        }
        return scores;
    }

    private static int foldOf(Row row) {
        return Math.floorMod(row.example().group().hashCode() * 31 + 7, FOLDS);
    }

    /** Weights (bias last) of a logistic regression on {@code rows}, classes weighted to balance. */
    private static double[] fitWeights(List<Row> rows, double c) {
        int features = IntentFeatures.SIZE;
        Problem problem = new Problem();
        problem.l = rows.size();
        problem.n = features + 1;
        problem.bias = 1;
        problem.x = new de.bwaldvogel.liblinear.Feature[rows.size()][];
        problem.y = new double[rows.size()];
        long positives = 0;
        for (int i = 0; i < rows.size(); i++) {
            double[] x = rows.get(i).x();
            List<de.bwaldvogel.liblinear.Feature> nodes = new ArrayList<>();
            for (int j = 0; j < features; j++) {
                if (x[j] != 0) {
                    nodes.add(new de.bwaldvogel.liblinear.FeatureNode(j + 1, x[j]));
                }
            }
            nodes.add(new de.bwaldvogel.liblinear.FeatureNode(features + 1, 1));
            problem.x[i] = nodes.toArray(new de.bwaldvogel.liblinear.Feature[0]);
            problem.y[i] = rows.get(i).example().positive() ? 1 : 0;
            positives += rows.get(i).example().positive() ? 1 : 0;
        }
        Parameter parameter = new Parameter(SolverType.L2R_LR, c, 1e-6);
        double balance = (double) (rows.size() - positives) / Math.max(1, positives);
        parameter.setWeights(new double[] {balance, 1}, new int[] {1, 0});
        Model model = Linear.train(problem, parameter);
        double[] raw = model.getFeatureWeights();
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        double[] weights = new double[features + 1];
        for (int j = 0; j <= features; j++) {
            weights[j] = sign * raw[j];
        }
        return weights;
    }

    static double score(double[] weights, double[] x) {
        double z = weights[weights.length - 1];
        for (int j = 0; j < x.length; j++) {
            z += weights[j] * x[j];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * The thresholds, on out-of-fold scores. {@code review} sends a tool to a person: it is the lowest
     * threshold that sends at most {@link #MAX_REAL_REVIEW} of the real tools (Docker's) and at most
     * {@link #MAX_HARD_REVIEW} of the corpus's hard negatives (which borrow the attacks' words) there.
     * {@code block} refuses a publish: the lowest threshold, not below review, that blocks at most
     * {@link #MAX_HARD_BLOCKED} of the hard negatives (pushy vendor text included) and
     * {@link #MAX_REAL_BLOCKED} of the real tools. Negatives the rules already flag do not move them.
     */
    private static Fit thresholds(List<Row> train, double[] oof, double c, double[] weights) {
        double[] candidates = java.util.Arrays.stream(oof)
                .map(v -> Math.round(v * 100_000) / 100_000.0)
                .distinct()
                .sorted()
                .toArray();
        java.util.function.Predicate<Row> real =
                r -> "docker".equals(r.example().source());
        java.util.function.Predicate<Row> hard = r -> "vouch".equals(r.example().source())
                || "handwritten".equals(r.example().source());
        java.util.function.Predicate<Row> hardHonest =
                hard.and(r -> !"benign-pushy".equals(r.example().kind()));
        double review = 1;
        double block = 1;
        for (int i = candidates.length - 1; i >= 0; i--) {
            double t = candidates[i];
            if (negatives(train, oof, t, t, false, real) > MAX_REAL_REVIEW
                    || negatives(train, oof, t, t, false, hardHonest) > MAX_HARD_REVIEW) {
                break;
            }
            review = t;
        }
        for (int i = candidates.length - 1; i >= 0 && candidates[i] >= review; i--) {
            double t = candidates[i];
            if (negatives(train, oof, review, t, true, hard) > MAX_HARD_BLOCKED
                    || negatives(train, oof, review, t, true, real) > MAX_REAL_BLOCKED) {
                break;
            }
            block = t;
        }
        double recall = 0;
        double blocked = 0;
        int positives = 0;
        for (int i = 0; i < train.size(); i++) {
            if (train.get(i).example().positive()) {
                positives++;
                Verdict verdict = verdict(train.get(i).x(), oof[i], review, block);
                recall += verdict != Verdict.PASS ? 1 : 0;
                blocked += verdict == Verdict.BLOCK ? 1 : 0;
            }
        }
        double flagged = negatives(train, oof, review, block, false, hardHonest);
        double[] w = new double[weights.length - 1];
        System.arraycopy(weights, 0, w, 0, w.length);
        return new Fit(
                round(weights[weights.length - 1]),
                round(w),
                c,
                review,
                block,
                recall / Math.max(1, positives),
                blocked / Math.max(1, positives),
                flagged);
    }

    /** Share of the chosen negatives, not already flagged by the rules, that the model flags (or blocks). */
    private static double negatives(
            List<Row> rows,
            double[] scores,
            double review,
            double block,
            boolean blocked,
            java.util.function.Predicate<Row> which) {
        int total = 0;
        int hit = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.example().positive() || !which.test(row) || decidedByRules(row.x())) {
                continue;
            }
            total++;
            Verdict verdict = verdict(row.x(), scores[i], review, block);
            hit += blocked ? (verdict == Verdict.BLOCK ? 1 : 0) : (verdict != Verdict.PASS ? 1 : 0);
        }
        return total == 0 ? 0 : (double) hit / total;
    }

    /** The tool's verdict: the model's, gated, or the pattern rules' when worse. */
    static Verdict verdict(double[] x, double score, double review, double block) {
        boolean harm = holds(x, BLOCK_NEEDS);
        Verdict model = score >= block && harm
                ? Verdict.BLOCK
                : score >= review && (harm || holds(x, REVIEW_NEEDS)) ? Verdict.REVIEW : Verdict.PASS;
        Verdict rules = x[Feature.RULE_BLOCK.ordinal()] > 0
                ? Verdict.BLOCK
                : x[Feature.RULE_REVIEW_OTHER.ordinal()] > 0 ? Verdict.REVIEW : Verdict.PASS;
        return model.worst(rules);
    }

    private static boolean decidedByRules(double[] x) {
        return x[Feature.RULE_BLOCK.ordinal()] > 0 || x[Feature.RULE_REVIEW_OTHER.ordinal()] > 0;
    }

    private static boolean holds(double[] x, Set<Feature> features) {
        for (Feature feature : features) {
            if (x[feature.ordinal()] > 0) {
                return true;
            }
        }
        return false;
    }

    private static double[] round(double[] values) {
        double[] rounded = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            rounded[i] = round(values[i]);
        }
        return rounded;
    }

    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }

    static String json(Fit fit, String lexiconDigest, List<Row> rows) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("model", "logistic-regression");
        root.put("fittedBy", "dev.vouch.scanner.intent.train.IntentTrainer (liblinear L2R_LR)");
        root.put("lexiconSha256", lexiconDigest);
        root.put("bias", fit.bias());
        ObjectNode weights = root.putObject("weights");
        List<String> names = IntentFeatures.inputNames();
        for (int i = 0; i < names.size(); i++) {
            if (fit.weights()[i] != 0) {
                weights.put(names.get(i), fit.weights()[i]);
            }
        }
        root.putObject("thresholds").put("review", fit.review()).put("block", fit.block());
        ArrayNode block = root.putArray("blockNeedsOneOf");
        BLOCK_NEEDS.forEach(f -> block.add(f.wireName()));
        ArrayNode review = root.putArray("reviewNeedsOneOf");
        REVIEW_NEEDS.forEach(f -> review.add(f.wireName()));
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("regularisation", fit.c());
        training.put("trainRows", rows.stream().filter(r -> r.example().train()).count());
        training.put(
                "trainPositives",
                rows.stream()
                        .filter(r -> r.example().train() && r.example().positive())
                        .count());
        training.put("outOfFoldRecall", round(fit.oofRecall()));
        training.put("outOfFoldBlocked", round(fit.oofBlocked()));
        training.put("outOfFoldNegativesFlagged", round(fit.oofFlagged()));
        root.set("training", json.valueToTree(training));
        return json.writeValueAsString(root) + "\n";
    }
}
