package dev.vouch.scanner.checks;

import com.google.re2j.Pattern;
import dev.vouch.scanner.Family;
import dev.vouch.scanner.Finding;
import dev.vouch.scanner.Severity;
import dev.vouch.scanner.input.ScanInput;
import dev.vouch.scanner.input.ToolDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Family 15, the "lethal trifecta": one server that reads untrusted content, reaches private data and
 * can send to a public sink lets injected text move private data out. A server-level review warning,
 * never a block on its own: many legitimate servers have all three.
 */
public final class ToxicFlowCheck implements ServerCheck {

    private static final Pattern UNTRUSTED_INPUT = Pattern.compile(
            "(?i)\\b(fetch(es)?\\s+(a\\s+)?(url|web|page)|browse|web\\s*search|search the web|scrape|read\\w*\\s+(\\w+\\s+)?(emails?|inbox|messages|issues?|comments?|pull requests?|tickets?|web ?pages?)|incoming|rss|crawl)");
    private static final Pattern PRIVATE_DATA = Pattern.compile(
            "(?i)\\b(read\\w*\\s+(\\w+\\s+)?(files?|documents?|database|records|repositor(y|ies)|calendar|contacts|drive)|private|query\\s+(the\\s+)?database|credentials|customer data|personal data|file ?system)");
    private static final Pattern PUBLIC_SINK = Pattern.compile(
            "(?i)\\b(send\\w*\\s+(\\w+\\s+)?(emails?|messages?|sms|requests?)|post\\w*\\s+(\\w+\\s+)?(to|messages?|comments?|tweets?)|create\\w*\\s+(\\w+\\s+)?(issues?|comments?|gists?|pull requests?|posts?)|publish|upload|webhook|http request|share)");

    @Override
    public List<Finding> check(ScanInput input) {
        Optional<String> untrusted = first(input.tools(), UNTRUSTED_INPUT);
        Optional<String> privateData = first(input.tools(), PRIVATE_DATA);
        Optional<String> sink = first(input.tools(), PUBLIC_SINK);
        List<Finding> findings = new ArrayList<>();
        if (untrusted.isPresent() && privateData.isPresent() && sink.isPresent()) {
            findings.add(new Finding("VR-TOXIC-FLOW", Family.TOXIC_FLOW, Severity.REVIEW, "",
                    "untrusted input (" + untrusted.get() + "), private data (" + privateData.get()
                            + ") and a public sink (" + sink.get() + ") in one server"));
        }
        return findings;
    }

    private static Optional<String> first(List<ToolDefinition> tools, Pattern pattern) {
        for (ToolDefinition tool : tools) {
            if (pattern.matcher(tool.name().replace('_', ' ') + " " + tool.description()).find()) {
                return Optional.of(tool.name());
            }
        }
        return Optional.empty();
    }
}
