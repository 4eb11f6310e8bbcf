package dev.vouch.scanner.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import dev.vouch.scanner.Family;
import dev.vouch.scanner.Finding;
import dev.vouch.scanner.Severity;
import dev.vouch.scanner.input.Pointers;
import dev.vouch.scanner.input.ToolDefinition;
import dev.vouch.scanner.match.CaseFolding;
import dev.vouch.scanner.rules.OpeningWords;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Family 12: a tool whose schema contradicts its description. A tool that claims to be read-only but
 * takes a command, a script or a write switch; a required parameter with a smuggling name that the
 * description never explains. Review only: contradictions are often carelessness, not attack.
 */
public final class SchemaContradictionCheck implements ToolCheck {

    private static final List<String> READ_ONLY_CLAIMS = List.of(
            "read-only",
            "read only",
            "readonly",
            "does not modify",
            "does not change",
            "does not write",
            "no side effects",
            "no side-effects",
            "non-destructive",
            "nondestructive",
            "non destructive");
    /**
     * A word that each claim holds: a description that holds none of them (most) makes no claim, and is
     * searched four times rather than once for each claim.
     */
    private static final List<String> CLAIM_ROOTS = heldByEveryClaim("read", "does not ", "side", "destructive");

    private static final Pattern WRITE_PARAMETER = Pattern.compile(
            "(?i)^(command|cmd|shell|exec|execute|script|code|eval|write_?mode|write|delete|overwrite|drop|sudo|raw_exec)$");
    private static final String WRITE_IN_TEXT_SOURCE =
            "\\b(write_?mode|enables? write|write operations?|write[- ]back)\\b";
    private static final Pattern WRITE_IN_TEXT = Pattern.compile(WRITE_IN_TEXT_SOURCE, Pattern.CASE_INSENSITIVE);
    /** Where a match may begin: RE2/J runs there, not over the whole description ("does not write" is common). */
    private static final OpeningWords WRITE_IN_TEXT_OPENINGS = OpeningWords.of(WRITE_IN_TEXT_SOURCE, WRITE_IN_TEXT);

    private static final Pattern SMUGGLING_NAME = Pattern.compile(
            "(?i)^(_.*|side_?note|notes?|feedback|context|extra|metadata|debug\\w*|reasoning|memo|comment|annotation|payload|data_?blob|backdoor)$");

    @Override
    public List<Finding> check(ToolDefinition tool, List<ScannedField> fields) {
        List<Finding> findings = new ArrayList<>();
        JsonNode schema = tool.definition().path("inputSchema");
        String description = tool.description();
        String lower = CaseFolding.lower(description);
        boolean claimsReadOnly = containsAny(lower, CLAIM_ROOTS) && containsAny(lower, READ_ONLY_CLAIMS)
                || tool.definition().path("annotations").path("readOnlyHint").asBoolean(false);
        if (claimsReadOnly) {
            for (String property : propertyNames(tool)) {
                if (WRITE_PARAMETER.matcher(property).matches()) {
                    findings.add(new Finding(
                            "VR-SCHEMA-READONLY",
                            Family.SCHEMA_CONTRADICTION,
                            Severity.REVIEW,
                            tool.pointer(),
                            "claims to be read-only but takes a '" + property + "' parameter"));
                    break;
                }
            }
            // Every alternative of WRITE_IN_TEXT contains "write": most descriptions need no automaton.
            int[] write = findings.isEmpty() && lower.contains("write")
                    ? WRITE_IN_TEXT_OPENINGS
                            .search(description, 0, description.length())
                            .next(0)
                    : null;
            if (write != null) {
                findings.add(new Finding(
                        "VR-SCHEMA-READONLY",
                        Family.SCHEMA_CONTRADICTION,
                        Severity.REVIEW,
                        tool.pointer() + "/description",
                        "claims to be read-only but describes " + Excerpts.around(description, write[0], write[1])));
            }
        }
        for (JsonNode required : schema.path("required")) {
            String name = required.asText();
            JsonNode property = schema.path("properties").path(name);
            boolean explained = lower.contains(CaseFolding.lower(name))
                    || property.path("description").asText("").length() >= 12;
            // Nearly every required parameter is explained: the name's automaton runs only for the rest.
            if (!explained && SMUGGLING_NAME.matcher(name).matches()) {
                findings.add(new Finding(
                        "VR-SCHEMA-HIDDEN-PARAM",
                        Family.SCHEMA_CONTRADICTION,
                        Severity.REVIEW,
                        tool.pointer() + "/inputSchema/properties/" + Pointers.escape(name),
                        "required parameter '" + name + "' is not explained anywhere"));
            }
        }
        return findings;
    }

    private static List<String> propertyNames(ToolDefinition tool) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it =
                        tool.definition().path("inputSchema").path("properties").fieldNames();
                it.hasNext(); ) {
            names.add(it.next());
        }
        tool.definition()
                .path("arguments")
                .forEach(argument -> names.add(argument.path("name").asText()));
        return names;
    }

    private static List<String> heldByEveryClaim(String... roots) {
        for (String claim : READ_ONLY_CLAIMS) {
            if (!containsAny(claim, List.of(roots))) {
                throw new IllegalStateException("no root for the claim '" + claim + "'");
            }
        }
        return List.of(roots);
    }

    /** A loop rather than a stream: this runs for every tool of every scan. */
    private static boolean containsAny(String text, List<String> phrases) {
        for (String phrase : phrases) {
            if (text.contains(phrase)) {
                return true;
            }
        }
        return false;
    }
}
