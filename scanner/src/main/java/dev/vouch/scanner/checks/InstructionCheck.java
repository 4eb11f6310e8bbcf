package dev.vouch.scanner.checks;

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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The instruction check: reads every text of a tool as possible instructions aimed at the agent,
 * against the other tools of its set, and lets the fitted model decide. Its finding names the
 * features that decided, each with its span.
 */
public final class InstructionCheck {

    public static final String RULE_ID = "VR-INTENT-001";
    private static final int MAX_SIGNALS = 8;

    private final IntentFeatures features;
    private final IntentModel model;

    public InstructionCheck(Lexicon lexicon, IntentModel model) {
        this.features = new IntentFeatures(new InstructionAnalyzer(lexicon));
        this.model = model;
    }

    /** The model's inputs for one tool; the trainer reads tools through this too. */
    public IntentFeatures.Vector vector(List<ScannedField> fields, ToolContext context, boolean ruleBlock,
                                        boolean ruleReview) {
        List<IntentFeatures.Text> texts = new ArrayList<>(fields.size());
        for (ScannedField field : fields) {
            texts.add(new IntentFeatures.Text(field.field().pointer(), field.field().kind(), field.normalized().text()));
            if (!field.normalized().hidden().isEmpty()) {
                texts.add(new IntentFeatures.Text(field.field().pointer(), field.field().kind(),
                        field.normalized().hidden()));
            }
        }
        return features.of(texts, context, ruleBlock, ruleReview);
    }

    public Optional<Finding> check(List<ScannedField> fields, ToolContext context, boolean ruleBlock, boolean ruleReview) {
        IntentFeatures.Vector vector = vector(fields, context, ruleBlock, ruleReview);
        IntentModel.Assessment assessment = model.assess(vector);
        if (assessment.verdict() == Verdict.PASS) {
            return Optional.empty();
        }
        List<Signal> signals = new ArrayList<>();
        for (IntentModel.Contribution contribution : assessment.contributions()) {
            for (IntentFeatures.Span span : vector.spans().getOrDefault(contribution.feature(), List.of())) {
                if (signals.size() < MAX_SIGNALS) {
                    signals.add(new Signal(contribution.feature().wireName(), round(contribution.weight()), span.pointer(),
                            span.start(), span.end(), span.text(), span.decodedFrom()));
                }
                break;
            }
        }
        if (signals.isEmpty()) {
            return Optional.empty();
        }
        Signal strongest = signals.get(0);
        StringBuilder evidence = new StringBuilder(String.format(Locale.ROOT, "instruction to the agent, score %.2f: ",
                assessment.score()));
        for (int i = 0; i < Math.min(3, signals.size()); i++) {
            evidence.append(i == 0 ? "" : "; ").append(signals.get(i).feature());
        }
        evidence.append(" — «").append(Excerpts.of(strongest.sentence())).append("»");
        Severity severity = assessment.verdict() == Verdict.BLOCK ? Severity.BLOCK : Severity.REVIEW;
        return Optional.of(new Finding(RULE_ID, assessment.family(), severity, strongest.pointer(), evidence.toString(),
                signals));
    }

    private static double round(double weight) {
        return Math.round(weight * 100) / 100.0;
    }
}
