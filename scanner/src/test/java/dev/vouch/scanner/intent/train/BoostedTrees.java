package dev.vouch.scanner.intent.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.scanner.intent.Feature;
import dev.vouch.scanner.intent.IntentFeatures;
import dev.vouch.scanner.intent.train.IntentTrainer.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Fits gradient-boosted trees with XGBoost and writes them in the form {@code TreeEnsemble} reads. One
 * thread and a fixed seed, so a refit on the same rows gives the same trees.
 */
final class BoostedTrees {

    /**
     * How deep the trees grow, how fast they learn, how many there are, how much training weight a leaf
     * needs, and what share of the inputs each split may look at.
     */
    record Shape(int depth, double eta, int rounds, double minChildWeight, double columns) {

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "depth %d, eta %.2f, %d rounds, leaf weight %.0f, columns %.2f",
                    depth,
                    eta,
                    rounds,
                    minChildWeight,
                    columns);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private BoostedTrees() {}

    /** A booster fitted on {@code rows}, positives weighted so both classes count alike. */
    static Booster fit(List<Row> rows, Shape shape) {
        long positives = rows.stream().filter(r -> r.example().positive()).count();
        float balance = (float) (rows.size() - positives) / Math.max(1, positives);
        try {
            DMatrix matrix = matrix(rows);
            float[] labels = new float[rows.size()];
            float[] weights = new float[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                boolean positive = rows.get(i).example().positive();
                labels[i] = positive ? 1 : 0;
                weights[i] = positive ? balance : 1;
            }
            matrix.setLabel(labels);
            matrix.setWeight(weights);
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("objective", "binary:logistic");
            parameters.put("base_score", 0.5);
            parameters.put("max_depth", shape.depth());
            parameters.put("eta", shape.eta());
            parameters.put("lambda", 1.0);
            parameters.put("min_child_weight", shape.minChildWeight());
            parameters.put("colsample_bynode", shape.columns());
            parameters.put("tree_method", "hist");
            parameters.put("nthread", 1);
            // Another seed samples other columns, for a shape that samples them (the grid's shapes do not).
            parameters.put("seed", Integer.getInteger("vouch.train.seed", 0));
            parameters.put("verbosity", 0);
            Booster booster = XGBoost.train(matrix, parameters, shape.rounds(), Map.of(), null, null);
            matrix.dispose();
            return booster;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
        }
    }

    /** The probabilities the booster gives {@code rows}. */
    static double[] predict(Booster booster, List<Row> rows) {
        try {
            DMatrix matrix = matrix(rows);
            float[][] predictions = booster.predict(matrix);
            matrix.dispose();
            double[] scores = new double[rows.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = predictions[i][0];
            }
            return scores;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
        }
    }

    private static DMatrix matrix(List<Row> rows) throws XGBoostError {
        int width = IntentFeatures.SIZE;
        float[] data = new float[rows.size() * width];
        for (int i = 0; i < rows.size(); i++) {
            double[] x = rows.get(i).x();
            for (int j = 0; j < width; j++) {
                data[i * width + j] = (float) x[j];
            }
            for (Feature gateOnly : IntentTrainer.GATE_ONLY) {
                data[i * width + gateOnly.ordinal()] = 0;
            }
        }
        // NaN marks a missing value; an absent cue is a zero, which the trees split on like any value.
        return new DMatrix(data, rows.size(), width, Float.NaN);
    }

    /**
     * The booster's trees as {@code {"baseMargin", "inputs", "trees"}}: nodes numbered in pre-order,
     * each inner node with the cover-weighted mean of its leaves, so a score can be taken apart.
     */
    static ObjectNode export(Booster booster) {
        List<JsonNode> dumps = new ArrayList<>();
        TreeSet<Integer> used = new TreeSet<>();
        try {
            for (String dump : booster.getModelDump((String) null, true, "json")) {
                JsonNode tree = JSON.readTree(dump);
                dumps.add(tree);
                collectInputs(tree, used);
            }
        } catch (XGBoostError | java.io.IOException e) {
            throw new IllegalStateException("cannot read the booster's trees: " + e.getMessage(), e);
        }
        List<Integer> inputs = new ArrayList<>(used);
        ObjectNode root = JSON.createObjectNode();
        root.put("baseMargin", 0.0);
        ArrayNode names = root.putArray("inputs");
        inputs.forEach(i -> names.add(IntentFeatures.inputNames().get(i)));
        ArrayNode trees = root.putArray("trees");
        for (JsonNode dump : dumps) {
            Flat flat = new Flat();
            flat.add(dump, inputs);
            ObjectNode tree = trees.addObject();
            ArrayNode input = tree.putArray("input");
            ArrayNode threshold = tree.putArray("threshold");
            ArrayNode yes = tree.putArray("yes");
            ArrayNode no = tree.putArray("no");
            ArrayNode value = tree.putArray("value");
            for (int n = 0; n < flat.input.size(); n++) {
                input.add(flat.input.get(n));
                threshold.add(flat.threshold.get(n));
                yes.add(flat.yes.get(n));
                no.add(flat.no.get(n));
                value.add(round(flat.value.get(n)));
            }
        }
        return root;
    }

    private static void collectInputs(JsonNode node, TreeSet<Integer> used) {
        if (node.has("split")) {
            used.add(column(node));
            node.path("children").forEach(child -> collectInputs(child, used));
        }
    }

    private static int column(JsonNode node) {
        return Integer.parseInt(node.path("split").asText().substring(1));
    }

    /** One tree in pre-order arrays, built from XGBoost's nested dump. */
    private static final class Flat {
        final List<Integer> input = new ArrayList<>();
        final List<Float> threshold = new ArrayList<>();
        final List<Integer> yes = new ArrayList<>();
        final List<Integer> no = new ArrayList<>();
        final List<Double> value = new ArrayList<>();

        /** Adds {@code node} and its subtree; returns its index and leaves its expected value in place. */
        int add(JsonNode node, List<Integer> inputs) {
            int index = input.size();
            input.add(-1);
            threshold.add(0f);
            yes.add(0);
            no.add(0);
            value.add(0.0);
            if (!node.has("split")) {
                value.set(index, node.path("leaf").asDouble());
                return index;
            }
            JsonNode yesNode = child(node, node.path("yes").asInt());
            JsonNode noNode = child(node, node.path("no").asInt());
            int yesIndex = add(yesNode, inputs);
            int noIndex = add(noNode, inputs);
            double yesCover = yesNode.path("cover").asDouble();
            double noCover = noNode.path("cover").asDouble();
            input.set(index, inputs.indexOf(column(node)));
            threshold.set(index, (float) node.path("split_condition").asDouble());
            yes.set(index, yesIndex);
            no.set(index, noIndex);
            value.set(index, (yesCover * value.get(yesIndex) + noCover * value.get(noIndex)) / (yesCover + noCover));
            return index;
        }

        private static JsonNode child(JsonNode node, int id) {
            for (JsonNode child : node.path("children")) {
                if (child.path("nodeid").asInt() == id) {
                    return child;
                }
            }
            throw new IllegalStateException("node " + node.path("nodeid") + " has no child " + id);
        }
    }

    private static double round(double value) {
        return Math.round(value * 1e7) / 1e7;
    }
}
