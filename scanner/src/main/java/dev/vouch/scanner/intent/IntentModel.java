package dev.vouch.scanner.intent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.scanner.Family;
import dev.vouch.scanner.JsonMappers;
import dev.vouch.scanner.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The instruction model: gradient-boosted trees over {@link IntentFeatures} ({@link TreeEnsemble}),
 * fitted on the labelled corpora by {@code IntentTrainer}, with two thresholds and two gates, all data in
 * {@code intent-model.json}. Trees rather than one weight per input because whether a cue matters
 * depends on the others: a fixed value is harmless in a precondition and harmful beside a trigger on
 * another tool and a claim of authority.
 *
 * <p>The score says how much a tool's text reads as an instruction aimed at the agent. The gates say
 * what it must also hold: {@code block} needs harm (tampering with another tool's arguments,
 * exfiltration, destructive or side-effecting calls, concealment, credential or personal-data targets,
 * authority over the user's request); {@code review} needs harm or the steering of other tools. So a
 * pushy but honest vendor note ("call this first") is at most {@code review}, and only when it steers.
 * A few features send a tool to review whatever its score: a tool that puts itself in place of another tool
 * of its set hijacks that tool's calls, which the "call me instead" attacks do and honest tools
 * almost never say, and too few labelled tools say it for the trees to learn it.
 */
public final class IntentModel {

    public static final String RESOURCE = "/dev/vouch/scanner/rules/intent-model.json";

    /** One input's part in a score: its index in the vector, its wire name, what it added to the log-odds. */
    public record Contribution(int index, String name, double weight) {}

    /** What the model makes of one tool; a passed tool's contributions are not worked out (empty). */
    public record Assessment(double score, Verdict verdict, Family family, List<Contribution> contributions) {}

    private final TreeEnsemble trees;
    private final double review;
    private final double block;
    private final Set<Feature> blockNeeds;
    private final Set<Feature> reviewNeeds;
    private final Set<Feature> reviewWhateverTheScore;
    // The gates as input indices: asked of every tool, where an EnumSet's iterator showed in the profile.
    private final int[] blockInputs;
    private final int[] reviewInputs;
    private final int[] floorInputs;
    private final String lexiconDigest;

    public IntentModel(
            TreeEnsemble trees,
            double review,
            double block,
            Set<Feature> blockNeeds,
            Set<Feature> reviewNeeds,
            Set<Feature> reviewWhateverTheScore,
            String lexiconDigest) {
        this.trees = trees;
        this.review = review;
        this.block = block;
        this.blockNeeds = EnumSet.copyOf(blockNeeds);
        this.reviewNeeds = EnumSet.copyOf(reviewNeeds);
        this.reviewWhateverTheScore = reviewWhateverTheScore.isEmpty()
                ? EnumSet.noneOf(Feature.class)
                : EnumSet.copyOf(reviewWhateverTheScore);
        this.blockInputs = ordinals(this.blockNeeds);
        this.reviewInputs = ordinals(this.reviewNeeds);
        this.floorInputs = ordinals(this.reviewWhateverTheScore);
        this.lexiconDigest = lexiconDigest;
    }

    public static IntentModel bundled() {
        try (InputStream in = IntentModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return parse(JsonMappers.JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static IntentModel parse(JsonNode root) {
        if (!"gradient-boosted-trees".equals(root.path("model").asText())) {
            throw new IllegalArgumentException(
                    "not a tree model: " + root.path("model").asText());
        }
        // The word inputs are named by bucket ("words:1011"), and the same names exist at another word-bag
        // width where they hold other words: such a model would parse and score at random. Refuse it.
        JsonNode inputCount = root.path("inputCount");
        if (!inputCount.canConvertToInt() || inputCount.asInt() != IntentFeatures.SIZE) {
            throw new FittedOnOtherInputs((inputCount.canConvertToInt()
                            ? "the model was fitted on " + inputCount.asInt() + " inputs"
                            : "the model does not say how many inputs it was fitted on")
                    + ", the scanner reads " + IntentFeatures.SIZE + ": refit it (IntentTrainer)");
        }
        return new IntentModel(
                TreeEnsemble.parse(root, IntentFeatures.inputNames()),
                root.path("thresholds").path("review").asDouble(),
                root.path("thresholds").path("block").asDouble(),
                features(root.path("blockNeedsOneOf")),
                features(root.path("reviewNeedsOneOf")),
                features(root.path("reviewWhateverTheScore")),
                root.path("lexiconSha256").asText());
    }

    /**
     * A model fitted on another number of inputs than the scanner reads: an edit added or removed a cue or feature,
     * and the model is due a refit. Its own type, so that a tool that reads features before that refit
     * ({@code FeatureCensus}) can go on without scores and still stop on any other fault of the model.
     */
    public static final class FittedOnOtherInputs extends IllegalArgumentException {
        FittedOnOtherInputs(String message) {
            super(message);
        }
    }

    private static Set<Feature> features(JsonNode names) {
        Set<Feature> set = EnumSet.noneOf(Feature.class);
        names.forEach(name -> set.add(feature(name.asText())));
        return set;
    }

    static Feature feature(String wireName) {
        return Feature.valueOf(wireName.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public String lexiconDigest() {
        return lexiconDigest;
    }

    public double review() {
        return review;
    }

    public double block() {
        return block;
    }

    /** The same trees and gates with other thresholds: what a threshold trades, for the sweep. */
    public IntentModel withThresholds(double review, double block) {
        return new IntentModel(trees, review, block, blockNeeds, reviewNeeds, reviewWhateverTheScore, lexiconDigest);
    }

    /** The probability that the tool instructs the agent against its user. */
    public double score(double[] x) {
        return 1 / (1 + Math.exp(-trees.margin(x)));
    }

    /**
     * Whether some gate holds for inputs {@code x}: without one, every score passes the tool, so the
     * score (and the words, which feed it alone) need not be worked out.
     */
    public boolean mayFlag(double[] x) {
        return holdsAny(x, blockInputs) || holdsAny(x, reviewInputs) || holdsAny(x, floorInputs);
    }

    public Assessment assess(IntentFeatures.Vector vector) {
        if (!vector.complete()) {
            throw new IllegalArgumentException("a vector of the named features alone cannot be scored");
        }
        double[] x = vector.values();
        double score = score(x);
        boolean harm = holdsAny(x, blockInputs);
        boolean steers = holdsAny(x, reviewInputs);
        Verdict verdict = gate(score, review, block, harm, steers, holdsAny(x, floorInputs));
        if (verdict == Verdict.PASS) {
            // Nothing shows a passed tool's reasons: most tools pass, so they are not worked out.
            return new Assessment(score, verdict, Family.AGENT_INSTRUCTION, List.of());
        }
        double[] parts = trees.parts(x);
        int[] present = strongestFirst(x, parts);
        // An input that is absent can still raise the score (no "protects the user"): the reasons shown are
        // the cues that were there, those that raised it first. Should none have, the cues there are shown
        // all the same, strongest first: a flagged tool always names what it holds (the gates' harm).
        int raised = 0;
        while (raised < present.length && parts[present[raised]] > 0) {
            raised++;
        }
        int shown = raised > 0 ? raised : present.length;
        List<String> names = IntentFeatures.inputNames();
        List<Contribution> contributions = new ArrayList<>(shown);
        for (int k = 0; k < shown; k++) {
            contributions.add(new Contribution(present[k], names.get(present[k]), parts[present[k]]));
        }
        if (verdict == Verdict.BLOCK && raised > 0) {
            addHarmThatRaisedNothing(x, parts, contributions);
        }
        if (gate(score, review, block, harm, steers, false) == Verdict.PASS) {
            putFloorFirst(x, parts, contributions);
        }
        return new Assessment(score, verdict, family(contributions), List.copyOf(contributions));
    }

    /**
     * The gates, the one place they are written (the trainer sets its thresholds through them too): {@code block}
     * needs a score over the block threshold and harm; {@code review} a score over the review threshold and harm
     * or steering, or a feature that reviews whatever the score.
     */
    public static Verdict gate(
            double score, double review, double block, boolean harm, boolean steers, boolean reviewWhateverTheScore) {
        if (score >= block && harm) {
            return Verdict.BLOCK;
        }
        return score >= review && (harm || steers) || reviewWhateverTheScore ? Verdict.REVIEW : Verdict.PASS;
    }

    /**
     * A block needs harm: the harm the gate found is shown even where it raised the score by nothing, as a
     * feature the gate reads alone ({@code write-call-triggered}) never does. Only what raised the score was
     * shown so far, so the harm not shown is the harm that raised nothing.
     */
    private void addHarmThatRaisedNothing(double[] x, double[] parts, List<Contribution> contributions) {
        List<String> names = IntentFeatures.inputNames();
        for (int input : blockInputs) {
            if (x[input] > 0 && parts[input] <= 0) {
                contributions.add(new Contribution(input, names.get(input), parts[input]));
            }
        }
    }

    /**
     * A review the score did not reach was decided by a feature that reviews whatever the score: that feature is
     * the reason, and is shown first, whatever it added to the score.
     */
    private void putFloorFirst(double[] x, double[] parts, List<Contribution> contributions) {
        List<String> names = IntentFeatures.inputNames();
        List<Contribution> floor = new ArrayList<>();
        for (int input : floorInputs) {
            if (x[input] > 0) {
                floor.add(new Contribution(input, names.get(input), parts[input]));
                contributions.removeIf(shown -> shown.index() == input);
            }
        }
        contributions.addAll(0, floor);
    }

    /**
     * The inputs {@code x} holds, by what they added to the score, largest first and in input order among
     * equals: a contribution is made only for those shown, not boxed for each input held and sorted.
     */
    private static int[] strongestFirst(double[] x, double[] parts) {
        int count = 0;
        for (int i = IntentFeatures.nextNonZero(x, 0); i >= 0; i = IntentFeatures.nextNonZero(x, i + 1)) {
            count++;
        }
        int[] order = new int[count];
        int n = 0;
        for (int i = IntentFeatures.nextNonZero(x, 0); i >= 0; i = IntentFeatures.nextNonZero(x, i + 1)) {
            // Insertion keeps equals in input order; a flagged tool holds a few dozen inputs.
            int at = n++;
            while (at > 0 && Double.compare(parts[order[at - 1]], parts[i]) < 0) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = i;
        }
        return order;
    }

    private static boolean holdsAny(double[] x, int[] inputs) {
        for (int input : inputs) {
            if (x[input] > 0) {
                return true;
            }
        }
        return false;
    }

    private static int[] ordinals(Set<Feature> features) {
        return features.stream().mapToInt(Feature::ordinal).toArray();
    }

    /** The family of the strongest feature that names a kind of attack. */
    private static Family family(List<Contribution> contributions) {
        Feature[] named = Feature.values();
        for (Contribution contribution : contributions) {
            Family family = contribution.index() < named.length ? FAMILIES.get(named[contribution.index()]) : null;
            if (family != null) {
                return family;
            }
        }
        return Family.AGENT_INSTRUCTION;
    }

    private static final Map<Feature, Family> FAMILIES = new EnumMap<>(Map.ofEntries(
            Map.entry(Feature.TAMPER_OTHER, Family.CROSS_TOOL_SHADOWING),
            Map.entry(Feature.TAMPER_ARGUMENT, Family.CROSS_TOOL_SHADOWING),
            Map.entry(Feature.TRIGGER_OTHER, Family.CROSS_TOOL_SHADOWING),
            Map.entry(Feature.CALL_OTHER, Family.CROSS_TOOL_SHADOWING),
            Map.entry(Feature.SIDE_EFFECT_STEER, Family.CROSS_TOOL_SHADOWING),
            Map.entry(Feature.DESTRUCTIVE_STEER, Family.CROSS_TOOL_SHADOWING),
            Map.entry(Feature.WRITE_CALL_TRIGGERED, Family.CROSS_TOOL_SHADOWING),
            Map.entry(Feature.SUPERSEDES_OTHER, Family.CROSS_TOOL_SHADOWING),
            Map.entry(Feature.CALL_FIRST, Family.COERCIVE_ORDERING),
            Map.entry(Feature.FIRST_CALL_WITH_EFFECT, Family.COERCIVE_ORDERING),
            Map.entry(Feature.TRIGGER_ANY, Family.COERCIVE_ORDERING),
            Map.entry(Feature.CONCEAL, Family.CONCEALMENT),
            Map.entry(Feature.SENSITIVE_SINK, Family.EXFILTRATION),
            Map.entry(Feature.EXFIL_SINK, Family.EXFILTRATION),
            Map.entry(Feature.SENSITIVE_TO_SELF, Family.EXFILTRATION),
            Map.entry(Feature.ADDRESS_INTO_FIELD, Family.EXFILTRATION),
            Map.entry(Feature.OUTPUT_CONTROL, Family.INSTRUCTION_OVERRIDE),
            Map.entry(Feature.OUTCOME_REPORTED, Family.INSTRUCTION_OVERRIDE),
            Map.entry(Feature.ANSWER_FIXED, Family.INSTRUCTION_OVERRIDE),
            Map.entry(Feature.ALL_WELL_TOLD, Family.INSTRUCTION_OVERRIDE),
            Map.entry(Feature.WITHHELD_FROM_USER, Family.INSTRUCTION_OVERRIDE),
            Map.entry(Feature.ROLE_SWITCH, Family.INSTRUCTION_OVERRIDE),
            Map.entry(Feature.GUIDANCE_DISMISSED, Family.INSTRUCTION_OVERRIDE),
            Map.entry(Feature.OVERRIDE, Family.INSTRUCTION_OVERRIDE),
            Map.entry(Feature.AUTHORITY_OVER_USER, Family.PSEUDO_AUTHORITY),
            Map.entry(Feature.REQUEST_SET_ASIDE, Family.PSEUDO_AUTHORITY),
            Map.entry(Feature.REQUEST_REPLACED, Family.PSEUDO_AUTHORITY),
            Map.entry(Feature.DECODED_DIRECTIVE, Family.HIDDEN_CONTENT),
            Map.entry(Feature.DISGUISED_DIRECTIVE, Family.HIDDEN_CONTENT)));
}
