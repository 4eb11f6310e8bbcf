package dev.vouch.scanner.checks;

import dev.vouch.scanner.Family;
import dev.vouch.scanner.Finding;
import dev.vouch.scanner.Severity;
import dev.vouch.scanner.Signal;
import dev.vouch.scanner.Verdict;
import dev.vouch.scanner.intent.InstructionAnalyzer;
import dev.vouch.scanner.intent.IntentFeatures;
import dev.vouch.scanner.intent.IntentModel;
import dev.vouch.scanner.intent.Lexicon;
import dev.vouch.scanner.intent.ToolContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The instruction check: reads every text of a tool as possible instructions aimed at the agent,
 * against the other tools of its set, and lets the fitted model decide. Its finding names the
 * features that decided, each with its span.
 */
public final class InstructionCheck {

    public static final String RULE_ID = "VR-INTENT-001";
    private static final int MAX_SIGNALS = 8;

    private static final ThreadLocal<IntentFeatures.Cells> CELLS = ThreadLocal.withInitial(IntentFeatures.Cells::new);

    private final IntentFeatures features;
    private final IntentModel model;

    public InstructionCheck(Lexicon lexicon, IntentModel model) {
        this.features = new IntentFeatures(new InstructionAnalyzer(lexicon));
        this.model = model;
    }

    /** The model's inputs for one tool; the trainer reads tools through this too. */
    public IntentFeatures.Vector vector(List<ScannedField> fields, ToolContext context, List<Finding> patternFindings) {
        return features.of(texts(fields), context, verdicts(patternFindings));
    }

    private static List<IntentFeatures.Text> texts(List<ScannedField> fields) {
        List<IntentFeatures.Text> texts = new ArrayList<>(fields.size());
        for (ScannedField field : fields) {
            texts.add(new IntentFeatures.Text(
                    field.field().pointer(),
                    field.field().kind(),
                    field.normalized().text(),
                    field.folded(),
                    field.decodings()));
            if (!field.normalized().hidden().isEmpty()) {
                texts.add(new IntentFeatures.Text(
                        field.field().pointer(),
                        field.field().kind(),
                        field.normalized().hidden()));
            }
        }
        return texts;
    }

    /**
     * Review findings of authority markup ({@code <important>}, notes to the model) and encoded blobs are
     * what honest vendors write too: the model weighs them with everything else, and they stand only when
     * it flags the tool. Blocks, and every other rule's and check's findings, always stand.
     */
    public static boolean defersToModel(Finding finding) {
        return finding.severity() == Severity.REVIEW
                && (INSTRUCTION_FAMILIES.contains(finding.family()) || DECODED_BY_THE_MODEL.contains(finding.ruleId()));
    }

    /** Encoded blobs: the model reads what they decode to, so the blob alone is no reason for review. */
    private static final Set<String> DECODED_BY_THE_MODEL = Set.of("VR-HIDDEN-BASE64", "VR-HIDDEN-HEX");

    private static final Set<Family> INSTRUCTION_FAMILIES = EnumSet.of(Family.PSEUDO_AUTHORITY);

    private static IntentFeatures.PatternVerdicts verdicts(List<Finding> findings) {
        boolean block = false;
        boolean instructionReview = false;
        boolean otherReview = false;
        for (Finding finding : findings) {
            block |= finding.severity() == Severity.BLOCK;
            instructionReview |= defersToModel(finding);
            otherReview |= finding.severity() == Severity.REVIEW && !defersToModel(finding);
        }
        return new IntentFeatures.PatternVerdicts(block, instructionReview, otherReview);
    }

    /**
     * The model's finding on a tool (or on the server's prose), given the pattern findings on the same
     * texts; the review findings that defer to the model are removed from {@code patternFindings} when
     * the model passes the tool.
     */
    public Optional<Finding> check(List<ScannedField> fields, ToolContext context, List<Finding> patternFindings) {
        // The vector does not outlive this call: its cells are lent, one set a thread.
        IntentFeatures.Vector vector =
                features.of(texts(fields), context, verdicts(patternFindings), model::mayFlag, CELLS.get());
        // A tool no gate holds for passes whatever its score: most tools, spared the words and the trees.
        IntentModel.Assessment assessment = vector.complete() ? model.assess(vector) : null;
        if (assessment == null || assessment.verdict() == Verdict.PASS) {
            patternFindings.removeIf(InstructionCheck::defersToModel);
            return Optional.empty();
        }
        List<Signal> signals = new ArrayList<>();
        for (IntentModel.Contribution contribution : assessment.contributions()) {
            IntentFeatures.Span span = vector.span(contribution.index());
            if (span != null && signals.size() < MAX_SIGNALS) {
                signals.add(new Signal(
                        span.name(contribution.index()),
                        round(contribution.weight()),
                        span.pointer(),
                        span.start(),
                        span.end(),
                        span.text(),
                        span.decodedFrom()));
            }
        }
        if (signals.isEmpty()) {
            // The model flagged the tool on inputs no sentence carries (the rules' own verdicts): the rule
            // findings it would have stood in for stay, so nothing the model flagged passes.
            return Optional.empty();
        }
        Signal strongest = signals.get(0);
        StringBuilder evidence = new StringBuilder("instruction to the agent, score ")
                .append(Decimals.twoPlaces(assessment.score()))
                .append(": ");
        for (int i = 0; i < Math.min(3, signals.size()); i++) {
            evidence.append(i == 0 ? "" : "; ").append(signals.get(i).feature());
        }
        evidence.append(" — «").append(Excerpts.of(strongest.sentence())).append("»");
        Severity severity = assessment.verdict() == Verdict.BLOCK ? Severity.BLOCK : Severity.REVIEW;
        return Optional.of(
                new Finding(RULE_ID, assessment.family(), severity, strongest.pointer(), evidence.toString(), signals));
    }

    private static double round(double weight) {
        return Math.round(weight * 100) / 100.0;
    }
}
