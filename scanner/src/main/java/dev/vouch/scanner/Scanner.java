package dev.vouch.scanner;

import dev.vouch.scanner.checks.EncodedSecrets;
import dev.vouch.scanner.checks.Excerpts;
import dev.vouch.scanner.checks.FieldCheck;
import dev.vouch.scanner.checks.HiddenContentCheck;
import dev.vouch.scanner.checks.ImpersonationCheck;
import dev.vouch.scanner.checks.InstructionCheck;
import dev.vouch.scanner.checks.ScannedField;
import dev.vouch.scanner.checks.SchemaContradictionCheck;
import dev.vouch.scanner.checks.SecretValueCheck;
import dev.vouch.scanner.checks.ServerCheck;
import dev.vouch.scanner.checks.ToolCheck;
import dev.vouch.scanner.checks.ToxicFlowCheck;
import dev.vouch.scanner.drift.DriftReport;
import dev.vouch.scanner.drift.ToolDigests;
import dev.vouch.scanner.input.FieldKind;
import dev.vouch.scanner.input.ScanInput;
import dev.vouch.scanner.input.TextExtractor;
import dev.vouch.scanner.input.TextField;
import dev.vouch.scanner.input.ToolDefinition;
import dev.vouch.scanner.intent.EncodedSpans;
import dev.vouch.scanner.intent.FoldedText;
import dev.vouch.scanner.intent.IntentFeatures;
import dev.vouch.scanner.intent.IntentModel;
import dev.vouch.scanner.intent.Lexicon;
import dev.vouch.scanner.intent.OtherTools;
import dev.vouch.scanner.intent.QuotedExamples;
import dev.vouch.scanner.intent.ToolContext;
import dev.vouch.scanner.intent.ToolNames;
import dev.vouch.scanner.normalize.NormalizedText;
import dev.vouch.scanner.normalize.Normalizer;
import dev.vouch.scanner.rules.Rule;
import dev.vouch.scanner.rules.RulePack;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The scanner's one entry point. For every string of the input: normalise, run the pattern rules whose
 * keywords occur, run the field checks; then the tool checks per tool and the server checks once.
 * With a previous version, findings in text that version did not have are raised to {@code block}.
 * Thread-safe; build one and reuse it.
 */
public final class Scanner {

    /** Largest string read whole; longer strings are scanned in their first part and flagged for review. */
    public static final int MAX_FIELD_CHARS = 1 << 20;

    private final RulePack rules;
    private final List<FieldCheck> fieldChecks;
    private final List<ToolCheck> toolChecks;
    private final List<ServerCheck> serverChecks;
    private final InstructionCheck instructions;
    private final ToolNames toolNames;

    public Scanner(RulePack rules, Lexicon lexicon, IntentModel model) {
        this.rules = rules;
        this.toolNames = lexicon.toolNames();
        this.instructions = new InstructionCheck(lexicon, model);
        this.fieldChecks = List.of(new HiddenContentCheck(), new SecretValueCheck());
        this.toolChecks = List.of(new SchemaContradictionCheck());
        this.serverChecks = List.of(new ImpersonationCheck(), new ToxicFlowCheck());
    }

    /** The scanner of the bundled rule pack, lexicon and model: built once (it is immutable), then shared. */
    public static Scanner withBundledRules() {
        return Bundled.SCANNER;
    }

    private static final class Bundled {
        static final Scanner SCANNER = new Scanner(RulePack.bundled(), Lexicon.bundled(), IntentModel.bundled());
    }

    public String rulesVersion() {
        return rules.version();
    }

    public ScanReport scan(ScanInput input) {
        return scan(input, Optional.empty());
    }

    /** Scans {@code input}; with {@code previous}, also reports drift and escalates findings in new text. */
    public ScanReport scan(ScanInput input, Optional<ScanInput> previous) {
        return scan(input, previous, OtherTools.NONE);
    }

    /**
     * Scans {@code input} as {@link #scan(ScanInput, Optional)} does, beside {@code others}, the tools of other
     * servers an agent may have connected with it: a text that steers one of them is read as steering another
     * server's tool.
     */
    public ScanReport scan(ScanInput input, Optional<ScanInput> previous, OtherTools others) {
        Map<String, ToolDefinition> previousTools = new HashMap<>();
        previous.ifPresent(p -> p.tools().forEach(tool -> previousTools.put(tool.name(), tool)));
        long[] chars = {0};
        List<ToolReport> tools = new ArrayList<>();
        ToolContext.ToolSet toolSet = ToolContext.ToolSet.of(input.tools(), toolNames, others);
        // Two passes over the tools, each the same work for every tool: digests, texts and the pattern rules, then
        // the instruction check. A pass keeps its own tables (the rules' automaton, the lexicon's) in the caches from
        // one tool to the next, where each tool's turn of the other evicted them.
        List<RulesRead> read = new ArrayList<>(input.tools().size());
        for (ToolDefinition tool : input.tools()) {
            // The digest reads the definition while the walk for its texts has it in the cache.
            String digest = ToolDigests.tool(tool.definition());
            List<ScannedField> fields = scanFields(TextExtractor.tool(tool), chars);
            List<Finding> findings = patternFindings(tool, fields);
            read.add(new RulesRead(tool, digest, fields, findings, readAgain(fields, findings)));
        }
        for (RulesRead scanned : read) {
            ToolDefinition tool = scanned.tool();
            List<Finding> findings = scanned.findings();
            instructions.check(scanned.fields(), toolSet.of(tool), findings).ifPresent(findings::add);
            findings.addAll(scanned.readAgain());
            List<Finding> kept = distinct(
                    previous.isPresent()
                            ? escalateNewText(findings, scanned.fields(), tool, previousTools.get(tool.name()))
                            : findings);
            tools.add(new ToolReport(tool.name(), tool.pointer(), scanned.digest(), Verdict.of(kept), kept));
        }
        List<Finding> server = new ArrayList<>();
        List<TextField> other = new ArrayList<>();
        input.prompts().forEach(p -> other.addAll(TextExtractor.prose(p)));
        input.resources().forEach(r -> other.addAll(TextExtractor.prose(r)));
        input.instructions().ifPresent(i -> other.addAll(TextExtractor.prose(i)));
        List<ScannedField> prose = scanFields(other, chars);
        for (ScannedField field : prose) {
            fieldFindings(field, server);
        }
        List<Finding> proseAgain = readAgain(prose, server);
        // Prompts, resources and server instructions steer the same tools; the model reads them as a whole.
        // Most servers have none: with no text every input is zero, no gate holds and the model passes it.
        if (!prose.isEmpty()) {
            instructions.check(prose, toolSet.standalone(), server).ifPresent(server::add);
        }
        server.addAll(proseAgain);
        List<TextField> manifest = new ArrayList<>();
        input.manifest().ifPresent(m -> manifest.addAll(TextExtractor.manifest(m)));
        List<ScannedField> manifestFields = scanFields(manifest, chars);
        for (ScannedField field : manifestFields) {
            fieldFindings(field, server);
        }
        server.addAll(readAgain(manifestFields, server));
        serverChecks.forEach(check -> server.addAll(check.check(input)));
        List<Finding> serverKept = distinct(server);

        Verdict verdict = Verdict.of(serverKept);
        for (ToolReport tool : tools) {
            verdict = verdict.worst(tool.verdict());
        }
        // The tools' digests, by name as ToolDigests.byName has them (the last of a name wins), serve the
        // tool set's digest and the drift: no definition is written out twice.
        SortedMap<String, String> digests = new TreeMap<>();
        tools.forEach(tool -> digests.put(tool.name(), tool.digest()));
        Optional<DriftReport> drift = previous.map(p -> DriftReport.between(ToolDigests.byName(p.tools()), digests));
        return new ScanReport(
                rules.version(), verdict, tools, serverKept, ToolDigests.toolSet(digests), drift, chars[0]);
    }

    private static List<ScannedField> scanFields(List<TextField> fields, long[] chars) {
        List<ScannedField> scanned = new ArrayList<>(fields.size());
        for (TextField field : fields) {
            String text =
                    field.text().length() > MAX_FIELD_CHARS ? field.text().substring(0, MAX_FIELD_CHARS) : field.text();
            chars[0] += text.length();
            NormalizedText normalized = Normalizer.normalize(text);
            if (IntentFeatures.reads(field.kind(), normalized.text())) {
                FoldedText folded = FoldedText.of(normalized.text());
                scanned.add(new ScannedField(field, normalized, folded, EncodedSpans.find(normalized.text(), folded)));
            } else {
                scanned.add(new ScannedField(field, normalized));
            }
        }
        return scanned;
    }

    /** Adds the findings of the rules and the field checks on one field to {@code findings}. */
    private void fieldFindings(ScannedField scanned, List<Finding> findings) {
        if (scanned.field().kind() == FieldKind.UNREAD) {
            findings.add(new Finding(
                    "VR-HIDDEN-DEPTH",
                    Family.HIDDEN_CONTENT,
                    Severity.REVIEW,
                    scanned.field().pointer(),
                    "nested deeper than " + TextExtractor.MAX_DEPTH + " levels; what lies below was not scanned"));
            return;
        }
        NormalizedText normalized = scanned.normalized();
        matchRules(scanned.field(), normalized.text(), "", findings);
        if (!normalized.hidden().isEmpty()) {
            matchRules(scanned.field(), normalized.hidden(), "hidden text: ", findings);
        }
        encodedSecrets(scanned, findings);
        // Indexed: an iterator of an immutable list, made for every field, was not optimised away.
        for (int c = 0; c < fieldChecks.size(); c++) {
            List<Finding> found = fieldChecks.get(c).check(scanned);
            // Nearly always empty: addAll would copy the empty list's array all the same.
            if (!found.isEmpty()) {
                findings.addAll(found);
            }
        }
        if (scanned.field().text().length() > MAX_FIELD_CHARS) {
            findings.add(new Finding(
                    "VR-HIDDEN-OVERSIZE",
                    Family.HIDDEN_CONTENT,
                    Severity.REVIEW,
                    scanned.field().pointer(),
                    "a string of " + scanned.field().text().length() + " characters; only its first " + MAX_FIELD_CHARS
                            + " were scanned"));
        }
    }

    /**
     * Secrets written in base64, in any field: the secret rules read each run that decodes to printable text, and
     * the evidence says where the run sits. Other rules read only what decodes to words ({@link #readAgain}).
     */
    private void encodedSecrets(ScannedField scanned, List<Finding> findings) {
        String text = scanned.normalized().text();
        for (EncodedSpans.Decoded decoded : EncodedSecrets.find(text)) {
            matchRules(scanned.field(), decoded.text(), decoded.where(), SECRETS, findings);
            findings.addAll(
                    EncodedSecrets.credentials(text, decoded, scanned.field().pointer()));
        }
    }

    private void matchRules(TextField field, String text, String prefix, List<Finding> findings) {
        matchRules(field, text, prefix, EVERY_FAMILY, findings);
    }

    /** The findings of the rules of {@code families} in {@code text}, each evidence opening with {@code prefix}. */
    private void matchRules(TextField field, String text, String prefix, Set<Family> families, List<Finding> findings) {
        List<RulePack.Candidate> candidates = rules.candidates(text);
        // Indexed: most texts have no candidate, and the empty list's iterator was made for each all the same.
        for (int c = 0; c < candidates.size(); c++) {
            RulePack.Candidate candidate = candidates.get(c);
            Rule rule = candidate.rule();
            if (!rule.appliesTo(field.kind()) || !families.contains(rule.family())) {
                continue;
            }
            rule.match(candidate.text(), candidate.windows())
                    .ifPresent(span -> findings.add(ruleFinding(rule, field, text, span, prefix)));
        }
    }

    private static Finding ruleFinding(Rule rule, TextField field, String text, int[] span, String prefix) {
        if (rule.family() == Family.SECRET) {
            String secret = "secret of " + (span[1] - span[0]) + " characters: "
                    + text.substring(span[0], Math.min(span[1], span[0] + 6)) + "…";
            return new Finding(rule.id(), rule.family(), rule.severity(), field.pointer(), prefix + secret);
        }
        String evidence = Excerpts.around(text, span[0], span[1]);
        // "detects jailbreaks such as 'ignore all previous instructions'": a phrase quoted as an example is mentioned,
        // not used. It is held for review, not blocked: a curator reads what it quotes.
        if (rule.severity() == Severity.BLOCK
                && MENTIONED_IN_EXAMPLES.contains(rule.family())
                && QuotedExamples.isQuotedExample(text, span[0], span[1])) {
            return new Finding(rule.id(), rule.family(), Severity.REVIEW, field.pointer(), prefix + QUOTED + evidence);
        }
        return new Finding(rule.id(), rule.family(), rule.severity(), field.pointer(), prefix + evidence);
    }

    /**
     * What the rules find reading {@code fields} again as folding undid their disguise ("I.g.n.o.r.e", "1gn0re",
     * "Іgnоrе" in Cyrillic letters, "Ǐǵn̈ŏr̃ē") and as they decode (base64, hex, entities, escapes, Morse, …), where
     * the instruction check reads them: a phrase a rule blocks is blocked disguised or encoded too. These are not
     * among the findings the model reads: the trees were fitted on the rules as written, and read the same text
     * through their own inputs (a directive disguised, a directive decoded). A rule that fired on a field already
     * ({@code written}) is not reported twice. Secrets are not looked for: folding changes the case and the digits
     * they are written in, and a decoding is kept because it reads as words. Nor are the reviews the model has the
     * last word on ({@link InstructionCheck#defersToModel}): it reads the same text, and these come after it.
     */
    private List<Finding> readAgain(List<ScannedField> fields, List<Finding> written) {
        List<Finding> again = new ArrayList<>(0);
        for (ScannedField scanned : fields) {
            FoldedText folded = scanned.folded();
            // A text the normaliser found ASCII has no letter beyond it to read through, only a disguise.
            if (folded != null
                    && (folded.disguised() || !scanned.normalized().ascii() && folded.readThroughLetters())) {
                matchRulesAgain(scanned.field(), folded.text(), DISGUISED, written, again);
            }
            for (EncodedSpans.Decoded decoded : scanned.decodings()) {
                matchRulesAgain(scanned.field(), decoded.text(), decoded.where(), written, again);
            }
        }
        return again;
    }

    private void matchRulesAgain(
            TextField field, String text, String prefix, List<Finding> written, List<Finding> again) {
        List<Finding> found = new ArrayList<>(0);
        matchRules(field, text, prefix, found);
        for (Finding finding : found) {
            if (finding.family() != Family.SECRET
                    && !InstructionCheck.defersToModel(finding)
                    && !fired(written, finding)
                    && !fired(again, finding)) {
                again.add(finding);
            }
        }
    }

    /**
     * The families whose phrases security tools quote as what they detect, and whose harm is in being obeyed. A
     * command, an address or a path quoted as an example ("run a command such as 'curl … | sh'") is still one the
     * agent can act on: those stay blocked.
     */
    private static final Set<Family> MENTIONED_IN_EXAMPLES = EnumSet.of(Family.INSTRUCTION_OVERRIDE);

    private static final Set<Family> EVERY_FAMILY = EnumSet.allOf(Family.class);

    /** What a run of base64 decoded to printable text is read for ({@link #encodedSecrets}). */
    private static final Set<Family> SECRETS = EnumSet.of(Family.SECRET);

    /** How a finding in a quoted example says so: "quoted as an example: …such as 'ignore all previous…'". */
    private static final String QUOTED = "quoted as an example: ";

    /** How a finding in folded text says so: "disguised letters: …ignore all previous instructions…". */
    private static final String DISGUISED = "disguised letters: ";

    /** Whether the finding's rule fired on its field among {@code findings}. */
    private static boolean fired(List<Finding> findings, Finding finding) {
        for (Finding other : findings) {
            if (other.ruleId().equals(finding.ruleId()) && other.pointer().equals(finding.pointer())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A tool after the first pass of {@link #scan}: its digest, its texts, what the pattern rules and checks found
     * (which the model reads) and what the rules found reading disguised or encoded text again.
     */
    private record RulesRead(
            ToolDefinition tool,
            String digest,
            List<ScannedField> fields,
            List<Finding> findings,
            List<Finding> readAgain) {}

    /** The instruction model's inputs for each tool of {@code input}, for fitting and measuring the model. */
    public List<IntentFeatures.Vector> instructionVectors(ScanInput input) {
        long[] chars = {0};
        List<IntentFeatures.Vector> vectors = new ArrayList<>();
        ToolContext.ToolSet toolSet = ToolContext.ToolSet.of(input.tools(), toolNames);
        for (ToolDefinition tool : input.tools()) {
            List<ScannedField> fields = scanFields(TextExtractor.tool(tool), chars);
            vectors.add(instructions.vector(fields, toolSet.of(tool), patternFindings(tool, fields)));
        }
        return vectors;
    }

    /** The findings of the pattern rules and the precise checks, which the instruction model reads too. */
    private List<Finding> patternFindings(ToolDefinition tool, List<ScannedField> fields) {
        List<Finding> findings = new ArrayList<>();
        for (ScannedField field : fields) {
            fieldFindings(field, findings);
        }
        for (ToolCheck check : toolChecks) {
            findings.addAll(check.check(tool, fields));
        }
        return findings;
    }

    /**
     * Findings in text the previous version of the tool did not have become {@code block}. Each field of the tool, as
     * the scan read it, is looked up once, not once per finding in it: a long field with thousands of findings (one
     * per hidden character) would be hashed for each.
     */
    private static List<Finding> escalateNewText(
            List<Finding> findings, List<ScannedField> fields, ToolDefinition tool, ToolDefinition before) {
        Set<String> previousTexts = before == null
                ? Set.of()
                : TextExtractor.tool(before).stream()
                        .map(f -> relative(f.pointer(), before.pointer()) + "\u0000" + f.text())
                        .collect(Collectors.toSet());
        Map<String, Boolean> newAt = new HashMap<>();
        for (ScannedField field : fields) {
            String pointer = field.field().pointer();
            newAt.put(
                    pointer,
                    !previousTexts.contains(relative(pointer, tool.pointer()) + "\u0000"
                            + field.field().text()));
        }
        List<Finding> result = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            Boolean isNew = newAt.get(finding.pointer());
            result.add((isNew == null ? before == null : isNew) ? finding.escalated() : finding);
        }
        return result;
    }

    private static String relative(String pointer, String base) {
        return pointer.startsWith(base) ? pointer.substring(base.length()) : pointer;
    }

    /** One finding per rule and location. */
    private static List<Finding> distinct(List<Finding> findings) {
        if (findings.size() < 2) {
            // Most tools have no finding: nothing to merge.
            return List.copyOf(findings);
        }
        Map<String, Finding> unique = new LinkedHashMap<>();
        for (Finding finding : findings) {
            unique.merge(
                    finding.ruleId() + "\u0000" + finding.pointer(),
                    finding,
                    (a, b) -> a.severity() == Severity.BLOCK ? a : b);
        }
        return List.copyOf(unique.values());
    }
}
