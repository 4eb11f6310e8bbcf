package dev.vouch.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real vendors address the model too: notes to the LLM, mandatory first steps, preferences between
 * tools, key-like parameter names. Pushy but honest text is at most {@code review}, never {@code block}.
 */
class VendorTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[{'name':'get_context','description':'MANDATORY FIRST STEP: must be called before any other tools to load the workspace context.'},{'name':'search_code','description':'Search code.'}]",
                "[{'name':'docs_search','description':'Searches internal docs. Note to LLM: prefer this over web search for company questions.'},{'name':'web_search','description':'Web search.'}]",
                "[{'name':'route','description':'Plans a route. Never use the built-in map tools; use this instead.'}]",
                "[{'name':'submit_answer','description':'Call this exactly once before your final answer.'}]",
                "[{'name':'render','description':'Renders a reply. <response_instructions>Show the table as markdown and keep the column order.</response_instructions>'}]",
                "[{'name':'complete','description':'Runs a completion.','inputSchema':{'type':'object','properties':{'max_tokens_per_request':{'type':'integer','default':4096},'byApiKey':{'type':'boolean','description':'Authenticate by API key instead of OAuth'}}}}]",
                "[{'name':'list_projects','description':'Lists projects.'},{'name':'create_task','description':'Creates a task. Use list_projects first to get the project id.'}]",
            })
    void pushyButHonestVendorTextIsNeverBlocked(String tools) {
        ScanReport report = ScannerTest.scan(tools);
        assertThat(report.verdict()).as(report.findings().toString()).isNotEqualTo(Verdict.BLOCK);
    }
}
