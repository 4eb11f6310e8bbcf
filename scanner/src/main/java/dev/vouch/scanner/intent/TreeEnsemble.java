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

    // Every tree's nodes side by side in one set of arrays, each tree's root at roots[t]: a score walks
    // a few thousand nodes, and contiguous arrays keep that walk in cache.
    private final double baseMargin;
    private final int[] roots;
    private final int[] input;
    private final float[] threshold;
    private final int[] yes;
    private final int[] no;
    private final double[] value;

    private TreeEnsemble(
            double baseMargin, int[] roots, int[] input, float[] threshold, int[] yes, int[] no, double[] value) {
        this.baseMargin = baseMargin;
        this.roots = roots;
        this.input = input;
        this.threshold = threshold;
        this.yes = yes;
        this.no = no;
        this.value = value;
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
        JsonNode trees = root.path("trees");
        int total = 0;
        for (JsonNode tree : trees) {
            total += tree.path("input").size();
        }
        int[] roots = new int[trees.size()];
        int[] input = new int[total];
        float[] threshold = new float[total];
        int[] yes = new int[total];
        int[] no = new int[total];
        double[] value = new double[total];
        int offset = 0;
        for (int t = 0; t < roots.length; t++) {
            JsonNode tree = trees.get(t);
            int nodes = tree.path("input").size();
            roots[t] = offset;
            for (int n = 0; n < nodes; n++) {
                int named = tree.path("input").get(n).asInt();
                int at = offset + n;
                input[at] = named < 0 ? -1 : toVector[named];
                threshold[at] = (float) tree.path("threshold").get(n).asDouble();
                yes[at] = offset + tree.path("yes").get(n).asInt();
                no[at] = offset + tree.path("no").get(n).asInt();
                value[at] = tree.path("value").get(n).asDouble();
                if (input[at] >= 0
                        && (yes[at] <= at || no[at] <= at || yes[at] >= offset + nodes || no[at] >= offset + nodes)) {
                    // Children after their parent: a walk always ends, whatever the file says.
                    throw new IllegalArgumentException("tree " + t + " node " + n + " points outside or backwards");
                }
            }
            offset += nodes;
        }
        return new TreeEnsemble(root.path("baseMargin").asDouble(), roots, input, threshold, yes, no, value);
    }

    /** The log-odds of the inputs {@code x}. */
    public double margin(double[] x) {
        double margin = baseMargin;
        for (int root : roots) {
            int node = root;
            while (input[node] >= 0) {
                node = below(x, node) ? yes[node] : no[node];
            }
            margin += value[node];
        }
        return margin;
    }

    /** The margin a tool gets before any input is looked at: the base and every tree's root value. */
    public double expectedMargin() {
        double margin = baseMargin;
        for (int root : roots) {
            margin += value[root];
        }
        return margin;
    }

    /** What each input added to the margin of {@code x}, by index; with {@link #expectedMargin()} they sum to it. */
    public double[] parts(double[] x) {
        double[] parts = new double[x.length];
        for (int root : roots) {
            int node = root;
            while (input[node] >= 0) {
                int next = below(x, node) ? yes[node] : no[node];
                parts[input[node]] += value[next] - value[node];
                node = next;
            }
        }
        return parts;
    }

    /** Compared in single precision, as the trainer compared them: a score does not move by a rounding. */
    private boolean below(double[] x, int node) {
        return (float) x[input[node]] < threshold[node];
    }

    public int size() {
        return roots.length;
    }
}
