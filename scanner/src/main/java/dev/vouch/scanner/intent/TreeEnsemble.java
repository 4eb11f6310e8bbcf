package dev.vouch.scanner.intent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Gradient-boosted regression trees over the model's inputs, read from data: the score's log-odds are
 * the base margin plus one leaf value per tree. Each node sends an input below its threshold to
 * {@code yes}, the rest to {@code no}.
 *
 * <p>Each node also keeps the value a tool reaching it would expect (the mean of its leaves, weighted
 * by how many training rows reached them), so a score can be taken apart into what each input added
 * on the way down: the difference between the node an input's split led to and the node it left.
 * Summed, those parts and the roots' values give the margin back.
 */
public final class TreeEnsemble {

    /** One tree in flat arrays: node {@code i} splits on {@code input[i]}, or is a leaf where that is -1. */
    private record Tree(int[] input, float[] threshold, int[] yes, int[] no, double[] value) {

        int leaf(double[] x) {
            int node = 0;
            while (input[node] >= 0) {
                node = below(x, node) ? yes[node] : no[node];
            }
            return node;
        }

        /** Compared in single precision, as the trainer compared them: a score does not move by a rounding. */
        boolean below(double[] x, int node) {
            return (float) x[input[node]] < threshold[node];
        }
    }

    private final double baseMargin;
    private final Tree[] trees;

    private TreeEnsemble(double baseMargin, Tree[] trees) {
        this.baseMargin = baseMargin;
        this.trees = trees;
    }

    /**
     * Reads {@code {"baseMargin", "inputs": [wire names], "trees": [{"input", "threshold", "yes", "no",
     * "value"}]}}, where a tree's {@code input} indexes {@code inputs} and -1 marks a leaf.
     */
    public static TreeEnsemble parse(JsonNode root, List<String> inputNames) {
        JsonNode names = root.path("inputs");
        int[] toVector = new int[names.size()];
        for (int i = 0; i < toVector.length; i++) {
            toVector[i] = inputNames.indexOf(names.get(i).asText());
            if (toVector[i] < 0) {
                throw new IllegalArgumentException(
                        "the model splits on an unknown input: " + names.get(i).asText());
            }
        }
        JsonNode treesNode = root.path("trees");
        Tree[] trees = new Tree[treesNode.size()];
        for (int t = 0; t < trees.length; t++) {
            JsonNode tree = treesNode.get(t);
            int nodes = tree.path("input").size();
            int[] input = new int[nodes];
            float[] threshold = new float[nodes];
            int[] yes = new int[nodes];
            int[] no = new int[nodes];
            double[] value = new double[nodes];
            for (int n = 0; n < nodes; n++) {
                int named = tree.path("input").get(n).asInt();
                input[n] = named < 0 ? -1 : toVector[named];
                threshold[n] = (float) tree.path("threshold").get(n).asDouble();
                yes[n] = tree.path("yes").get(n).asInt();
                no[n] = tree.path("no").get(n).asInt();
                value[n] = tree.path("value").get(n).asDouble();
                if (input[n] >= 0 && (yes[n] <= n || no[n] <= n || yes[n] >= nodes || no[n] >= nodes)) {
                    // Children after their parent: a walk always ends, whatever the file says.
                    throw new IllegalArgumentException("tree " + t + " node " + n + " points outside or backwards");
                }
            }
            trees[t] = new Tree(input, threshold, yes, no, value);
        }
        return new TreeEnsemble(root.path("baseMargin").asDouble(), trees);
    }

    /** The log-odds of the inputs {@code x}. */
    public double margin(double[] x) {
        double margin = baseMargin;
        for (Tree tree : trees) {
            margin += tree.value[tree.leaf(x)];
        }
        return margin;
    }

    /** The margin a tool gets before any input is looked at: the base and every tree's root value. */
    public double expectedMargin() {
        double margin = baseMargin;
        for (Tree tree : trees) {
            margin += tree.value[0];
        }
        return margin;
    }

    /** What each input added to the margin of {@code x}, by index; with {@link #expectedMargin()} they sum to it. */
    public double[] parts(double[] x) {
        double[] parts = new double[x.length];
        for (Tree tree : trees) {
            int node = 0;
            while (tree.input[node] >= 0) {
                int next = tree.below(x, node) ? tree.yes[node] : tree.no[node];
                parts[tree.input[node]] += tree.value[next] - tree.value[node];
                node = next;
            }
        }
        return parts;
    }

    public int size() {
        return trees.length;
    }
}
