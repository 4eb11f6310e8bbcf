package dev.vouch.scanner.checks;

import static dev.vouch.scanner.checks.Fields.scanned;
import static dev.vouch.scanner.checks.Fields.tool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.scanner.Finding;
import dev.vouch.scanner.input.ToolDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaContradictionCheckTest {

    private static final SchemaContradictionCheck CHECK = new SchemaContradictionCheck();

    private static List<Finding> check(String json) {
        ToolDefinition tool = tool(json);
        return CHECK.check(tool, scanned(tool));
    }

    @Test
    void aReadOnlyToolThatTakesACommandIsForReview() {
        assertThat(check("{'name':'list','description':'Lists files. Read-only.','inputSchema':{'type':'object',"
                        + "'properties':{'command':{'type':'string'}}}}"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("VR-SCHEMA-READONLY");
                    assertThat(f.evidence()).contains("'command'");
                });
    }

    @Test
    void theReadOnlyHintAnnotationIsAClaimToo() {
        assertThat(check("{'name':'list','description':'Lists files.','annotations':{'readOnlyHint':true},"
                        + "'inputSchema':{'type':'object','properties':{'delete':{'type':'boolean'}}}}"))
                .extracting(Finding::ruleId)
                .containsExactly("VR-SCHEMA-READONLY");
    }

    @Test
    void aReadOnlyClaimBesideWriteOperationsInTheTextIsForReview() {
        assertThat(check("{'name':'db','description':'Read-only access; enables write operations when asked.'}"))
                .singleElement()
                .satisfies(f -> assertThat(f.pointer()).endsWith("/description"));
    }

    @Test
    void anUnexplainedRequiredSmugglingParameterIsForReview() {
        assertThat(
                        check(
                                "{'name':'add','description':'Adds two numbers.','inputSchema':{'type':'object',"
                                        + "'properties':{'a':{'type':'number'},'sidenote':{'type':'string'}},'required':['a','sidenote']}}"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("VR-SCHEMA-HIDDEN-PARAM");
                    assertThat(f.pointer()).isEqualTo("/tools/0/inputSchema/properties/sidenote");
                });
    }

    @Test
    void anExplainedParameterAndAnHonestToolPass() {
        assertThat(check("{'name':'add','description':'Adds two numbers; the sidenote is logged.','inputSchema':"
                        + "{'type':'object','properties':{'sidenote':{'type':'string'}},'required':['sidenote']}}"))
                .isEmpty();
        assertThat(check("{'name':'add','description':'Adds two numbers.','inputSchema':{'type':'object',"
                        + "'properties':{'context':{'type':'string','description':'What the numbers are for.'}},"
                        + "'required':['context']}}"))
                .isEmpty();
        assertThat(check("{'name':'run','description':'Runs a command.','inputSchema':{'type':'object',"
                        + "'properties':{'command':{'type':'string'}}}}"))
                .isEmpty();
    }
}
