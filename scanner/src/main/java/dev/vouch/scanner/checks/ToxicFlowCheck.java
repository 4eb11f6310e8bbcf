package dev.vouch.scanner.checks;

import dev.vouch.scanner.Family;
import dev.vouch.scanner.Finding;
import dev.vouch.scanner.Severity;
import dev.vouch.scanner.input.ScanInput;
import dev.vouch.scanner.input.ToolDefinition;
import dev.vouch.scanner.match.CaseFolding;
import dev.vouch.scanner.match.KeywordAutomaton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Family 15, the "lethal trifecta": one server that reads untrusted content, reaches private data and
 * can send to a public sink lets injected text move private data out. A server-level review warning,
 * never a block on its own: many legitimate servers have all three.
 */
public final class ToxicFlowCheck implements ServerCheck {

    // Phrases of a tool's stated purpose, matched on its lower-cased name and first sentences.
    private static final List<String> UNTRUSTED_INPUT = List.of(
            "fetch url",
            "fetches a url",
            "fetch a url",
            "fetch the url",
            "web page",
            "webpage",
            "browse",
            "web search",
            "search the web",
            "scrape",
            "crawl",
            "read email",
            "reads email",
            "read emails",
            "inbox",
            "incoming",
            "rss",
            "comments",
            "pull request",
            "issue",
            "ticket",
            "messages from",
            "read messages",
            "channel history");
    private static final List<String> PRIVATE_DATA = List.of(
            "read file",
            "reads file",
            "read the file",
            "file system",
            "filesystem",
            "local file",
            "documents",
            "database",
            "query the",
            "records",
            "repository",
            "repositories",
            "calendar",
            "contacts",
            "drive",
            "private",
            "credentials",
            "customer",
            "personal data");
    private static final List<String> PUBLIC_SINK = List.of(
            "send email",
            "sends email",
            "send an email",
            "send a message",
            "sends a message",
            "send message",
            "post a",
            "posts a",
            "post message",
            "publish",
            "create issue",
            "create an issue",
            "create comment",
            "add comment",
            "create a comment",
            "tweet",
            "upload",
            "webhook",
            "http request",
            "share",
            "create pull request",
            "create gist");

    private static final int PURPOSE_CHARS = 200;

    private static final int UNTRUSTED = 1;
    private static final int PRIVATE = 2;
    private static final int SINK = 4;

    /** Every phrase, valued by the lists that hold it: one pass over a purpose finds all three. */
    private static final KeywordAutomaton<Integer> PHRASES = phrases();

    private static KeywordAutomaton<Integer> phrases() {
        Map<String, Integer> kinds = new HashMap<>();
        UNTRUSTED_INPUT.forEach(phrase -> kinds.merge(phrase, UNTRUSTED, (a, b) -> a | b));
        PRIVATE_DATA.forEach(phrase -> kinds.merge(phrase, PRIVATE, (a, b) -> a | b));
        PUBLIC_SINK.forEach(phrase -> kinds.merge(phrase, SINK, (a, b) -> a | b));
        return new KeywordAutomaton<>(kinds, false);
    }

    @Override
    public List<Finding> check(ScanInput input) {
        int[] kinds = new int[input.tools().size()];
        for (int i = 0; i < kinds.length; i++) {
            int[] found = {0};
            PHRASES.parse(purpose(input.tools().get(i)), (begin, end, kind) -> found[0] |= kind);
            kinds[i] = found[0];
        }
        Optional<String> untrusted = first(input.tools(), kinds, UNTRUSTED);
        Optional<String> privateData = first(input.tools(), kinds, PRIVATE);
        Optional<String> sink = first(input.tools(), kinds, SINK);
        List<Finding> findings = new ArrayList<>();
        if (untrusted.isPresent() && privateData.isPresent() && sink.isPresent()) {
            findings.add(new Finding(
                    "VR-TOXIC-FLOW",
                    Family.TOXIC_FLOW,
                    Severity.REVIEW,
                    "",
                    "untrusted input (" + untrusted.get() + "), private data (" + privateData.get()
                            + ") and a public sink (" + sink.get() + ") in one server"));
        }
        return findings;
    }

    /**
     * A tool's lower-cased name and first sentences. The purpose is stated up front; classifying on it
     * keeps this check cheap on long descriptions.
     */
    private static char[] purpose(ToolDefinition tool) {
        String name = tool.name();
        String description = tool.description();
        int purposeLength = Math.min(description.length(), PURPOSE_CHARS);
        char[] chars = new char[name.length() + 1 + purposeLength];
        // ASCII, nearly every tool, is lowered in place; other text as String.toLowerCase lowers it.
        if (!lowerAscii(name, name.length(), chars, 0)
                || !lowerAscii(description, purposeLength, chars, name.length() + 1)) {
            String purpose = description.substring(0, purposeLength);
            return CaseFolding.lower(name.replace('_', ' ') + " " + purpose).toCharArray();
        }
        for (int i = 0; i < name.length(); i++) {
            if (chars[i] == '_') {
                chars[i] = ' ';
            }
        }
        chars[name.length()] = ' ';
        return chars;
    }

    /** The first {@code length} chars of {@code text} lower-cased into {@code out} at {@code at}; false if one is not ASCII. */
    private static boolean lowerAscii(String text, int length, char[] out, int at) {
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            out[at + i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return true;
    }

    /** The first tool whose purpose (its phrases' lists indexed like {@code tools}) holds a phrase of {@code kind}. */
    private static Optional<String> first(List<ToolDefinition> tools, int[] kinds, int kind) {
        for (int i = 0; i < tools.size(); i++) {
            if ((kinds[i] & kind) != 0) {
                return Optional.of(tools.get(i).name());
            }
        }
        return Optional.empty();
    }
}
