package dev.vouch.scanner.intent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Gradient-boosted regression trees over the model's inputs, read from data: the score's log-odds are
 * the base margin plus one leaf value per tree. Each node sends an input below its threshold to
 * {@code yes}, the rest to {@code no}; nodes are in pre-order, so {@code yes} is the next node.
 *
 * <p>Each node also keeps the value a tool reaching it would expect (the mean of its leaves, weighted
 * by how many training rows reached them), so a score can be taken apart into what each input added
 * on the way down: the difference between the node an input's split led to and the node it left.
 * Summed, those parts and the roots' values give the margin back.
 */
public final class TreeEnsemble {

    // Every tree's nodes side by side, three ints a node (the input it splits on or -1 for a leaf, the
    // threshold's bits, the "no" child) with the "yes" child next in line, pre-order: a score walks a few
    // thousand nodes, and one small array keeps that walk in cache.
    private static final int STRIDE = 3;

    private final double baseMargin;
    private final int[] roots;
    private final int[] nodes;
    private final double[] value;

    private TreeEnsemble(double baseMargin, int[] roots, int[] nodes, double[] value) {
        this.baseMargin = baseMargin;
        this.roots = roots;
        this.nodes = nodes;
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
        int[] nodes = new int[total * STRIDE];
        double[] value = new double[total];
        int offset = 0;
        for (int t = 0; t < roots.length; t++) {
            JsonNode tree = trees.get(t);
            int count = tree.path("input").size();
            roots[t] = offset;
            for (int n = 0; n < count; n++) {
                int named = tree.path("input").get(n).asInt();
                int at = offset + n;
                int input = named < 0 ? -1 : toVector[named];
                int yes = offset + tree.path("yes").get(n).asInt();
                int no = offset + tree.path("no").get(n).asInt();
                if (input >= 0 && (yes != at + 1 || no <= yes || no >= offset + count)) {
                    // Pre-order, the "yes" child first, every child after its parent: a walk always ends,
                    // whatever the file says.
                    throw new IllegalArgumentException("tree " + t + " node " + n + " points outside or backwards");
                }
                nodes[at * STRIDE] = input;
                nodes[at * STRIDE + 1] = Float.floatToRawIntBits(
                        (float) tree.path("threshold").get(n).asDouble());
                nodes[at * STRIDE + 2] = no;
                value[at] = tree.path("value").get(n).asDouble();
            }
            offset += count;
        }
        return new TreeEnsemble(root.path("baseMargin").asDouble(), roots, nodes, value);
    }

    /** The log-odds of the inputs {@code x}. */
    public double margin(double[] x) {
        // Every tree is walked: finding first which trees split on a non-zero input (and taking the leaf an
        // all-zero tool reaches for the rest) read more than the walks it saved, a third of a score's time.
        double margin = baseMargin;
        for (int root : roots) {
            margin += value[leaf(x, root)];
        }
        return margin;
    }

    private int leaf(double[] x, int root) {
        int node = root;
        int input;
        while ((input = nodes[node * STRIDE]) >= 0) {
            node = below(x, input, node) ? node + 1 : nodes[node * STRIDE + 2];
        }
        return node;
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
            int input;
            while ((input = nodes[node * STRIDE]) >= 0) {
                int next = below(x, input, node) ? node + 1 : nodes[node * STRIDE + 2];
                parts[input] += value[next] - value[node];
                node = next;
            }
        }
        return parts;
    }

    /** Compared in single precision, as the trainer compared them: a score does not move by a rounding. */
    private boolean below(double[] x, int input, int node) {
        return (float) x[input] < Float.intBitsToFloat(nodes[node * STRIDE + 1]);
    }

    public int size() {
        return roots.length;
    }
}
