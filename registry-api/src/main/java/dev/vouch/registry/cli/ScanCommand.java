package dev.vouch.registry.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.JsonErrors;
import dev.vouch.registry.domain.JsonMappers;
import dev.vouch.registry.domain.Utf8;
import dev.vouch.registry.publish.SharedToolName;
import dev.vouch.scanner.Finding;
import dev.vouch.scanner.ScanReport;
import dev.vouch.scanner.ScanReportJson;
import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.Signal;
import dev.vouch.scanner.ToolReport;
import dev.vouch.scanner.Verdict;
import dev.vouch.scanner.input.InvalidInputException;
import dev.vouch.scanner.input.ScanInput;
import dev.vouch.scanner.intent.InputMeanings;
import dev.vouch.scanner.intent.OtherTools;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vouch scan}: the scanner on local files, no server needed. Exit 0 when nothing is blocked,
 * 1 when something is, 2 when a file cannot be read as a tools list, server.json or publish envelope.
 * An unreadable file is reported on one line of stderr and the other files are still scanned. A FILE of {@code -}
 * is standard input. With {@code --beside}, every file is read beside the tools of those other servers, as a publish
 * is read beside the registry's, and its tools named like one of theirs are listed (an agent with both connected may
 * call either); one of them that cannot be read stops the scan before it starts.
 */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        description = "Scan tool definitions, a server.json or a publish envelope for tool poisoning, secrets "
                + "and hidden content.")
final class ScanCommand implements Callable<Integer> {

    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    /** The FILE that names standard input, as in other command-line tools: {@code … tools/list | vouch scan -}. */
    private static final String STANDARD_INPUT = "-";

    private static final ObjectMapper JSON = JsonMappers.STRICT_JSON;
    /** One value of a sequence: the next one is no trailing token. */
    private static final ObjectReader ONE_VALUE =
            JSON.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    enum Format {
        text,
        json
    }

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--summary", description = "One line per file instead of every finding.")
    boolean summary;

    @Option(
            names = "--beside",
            paramLabel = "FILE",
            description = "The tools of a server the agent has connected beside the scanned ones (the same forms as"
                    + " FILE; repeatable): a tool that steers one of them is read as shadowing it.")
    List<Path> beside = List.of();

    @Parameters(
            paramLabel = "FILE",
            arity = "1..*",
            description = "A tools list (array, tools/list result, Docker tools.json), a server.json, a publish "
                    + "envelope, or an MCP server's stdio messages one per line; - reads standard input.")
    List<Path> files;

    private boolean standardInputRead;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Scanner scanner = Scanner.withBundledRules();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Verdict worst = Verdict.PASS;
        boolean unreadable = false;
        ObjectNode json = JSON.createObjectNode().put("rulesVersion", scanner.rulesVersion());
        ArrayNode results = json.putArray("files");
        List<String> connected = new ArrayList<>();
        Map<String, Path> connectedFrom = new HashMap<>();
        for (Path file : beside) {
            Optional<ScanInput> input = read(file, err);
            if (input.isEmpty()) {
                return VouchCommand.EXIT_USAGE;
            }
            input.get().tools().forEach(tool -> {
                connected.add(tool.name());
                SharedToolName.key(tool.name()).ifPresent(key -> connectedFrom.putIfAbsent(key, file));
            });
        }
        OtherTools others = OtherTools.of(connected);
        for (Path file : files) {
            Optional<ScanInput> input = read(file, err);
            if (input.isEmpty()) {
                unreadable = true;
                continue;
            }
            ScanReport report = scanner.scan(input.get(), Optional.empty(), others);
            worst = worst.worst(report.verdict());
            Map<String, Path> shared = new LinkedHashMap<>();
            for (ToolReport tool : report.tools()) {
                SharedToolName.key(tool.name())
                        .map(connectedFrom::get)
                        .ifPresent(from -> shared.putIfAbsent(tool.name(), from));
            }
            if (format == Format.json) {
                ObjectNode result = toJson(file, report);
                if (!beside.isEmpty()) {
                    ArrayNode names = result.putArray("sharedToolNames");
                    shared.forEach(
                            (tool, from) -> names.addObject().put("tool", tool).put("beside", from.toString()));
                }
                results.add(result);
            } else {
                printText(out, file, report);
                printShared(out, shared);
            }
        }
        if (format == Format.json) {
            out.println(json.toPrettyString());
        }
        out.flush();
        if (unreadable) {
            return VouchCommand.EXIT_USAGE;
        }
        return worst == Verdict.BLOCK ? VouchCommand.EXIT_CHECK_FAILED : VouchCommand.EXIT_OK;
    }

    /** The file's scan input, or empty after one line on stderr saying why it cannot be read. */
    private Optional<ScanInput> read(Path file, PrintWriter err) {
        String problem;
        try {
            if (STANDARD_INPUT.equals(file.toString())) {
                problem = standardInputRead ? "standard input was read already" : null;
                standardInputRead = true;
                // One byte over the limit says the input is larger, without reading the rest of it.
                byte[] bytes = problem == null ? System.in.readNBytes((int) MAX_FILE_BYTES + 1) : null;
                if (bytes != null && bytes.length > MAX_FILE_BYTES) {
                    problem = "larger than " + MAX_FILE_BYTES + " bytes";
                } else if (bytes != null) {
                    return Optional.of(ScanInput.fromJsonSequence(values(bytes, "standard input")));
                }
            } else if (Files.isDirectory(file)) {
                problem = "is a directory";
            } else if (Files.size(file) > MAX_FILE_BYTES) {
                problem = "larger than " + MAX_FILE_BYTES + " bytes";
            } else {
                return Optional.of(ScanInput.fromJsonSequence(values(Files.readAllBytes(file), "the file")));
            }
        } catch (JsonProcessingException e) {
            problem = "not valid JSON ("
                    + JsonErrors.describe(e, JSON.getFactory().streamReadConstraints()) + ")";
        } catch (NoSuchFileException e) {
            problem = "no such file";
        } catch (AccessDeniedException e) {
            problem = "permission denied";
        } catch (IOException e) {
            problem = "cannot be read";
        } catch (InvalidInputException | InvalidRequestException e) {
            problem = e.getMessage();
        }
        err.println("vouch scan: " + file + ": " + problem);
        return Optional.empty();
    }

    /**
     * The JSON values of {@code bytes}, one after another: one document, or the messages an MCP server's stdio
     * transport writes one per line (a captured {@code initialize} and {@code tools/list}).
     */
    private static List<JsonNode> values(byte[] bytes, String subject) throws IOException {
        // As a publish is: Jackson decodes some malformed UTF-8 leniently, so the scan would read other text than
        // the file holds.
        Utf8.requireWellFormed(bytes, subject);
        // A parser of values one after another, where a reader's readValues would take a top-level array's
        // elements for the sequence.
        List<JsonNode> values = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(bytes)) {
            while (parser.nextToken() != null) {
                values.add(ONE_VALUE.readTree(parser));
            }
        }
        return values;
    }

    private void printText(PrintWriter out, Path file, ScanReport report) {
        long blocked = report.tools().stream()
                .filter(t -> t.verdict() == Verdict.BLOCK)
                .count();
        long review = report.tools().stream()
                .filter(t -> t.verdict() == Verdict.REVIEW)
                .count();
        out.printf(
                "%s: %s (%d tools: %d blocked, %d review; rules %s)%n",
                file, report.verdict().wireName(), report.tools().size(), blocked, review, report.rulesVersion());
        if (summary) {
            return;
        }
        for (ToolReport tool : report.tools()) {
            if (!tool.findings().isEmpty()) {
                out.printf("  tool %s: %s%n", tool.name(), tool.verdict().wireName());
                tool.findings().forEach(finding -> printFinding(out, finding));
            }
        }
        if (!report.serverFindings().isEmpty()) {
            out.println("  server:");
            report.serverFindings().forEach(finding -> printFinding(out, finding));
        }
    }

    /** The tools named like a tool beside them, even in a summary: not a finding, but what a runtime must tell apart. */
    private static void printShared(PrintWriter out, Map<String, Path> shared) {
        if (!shared.isEmpty()) {
            StringBuilder line =
                    new StringBuilder("  named like tools beside it (an agent with both may call either):");
            shared.forEach((tool, from) ->
                    line.append(' ').append(tool).append(" (").append(from).append(')'));
            out.println(line);
        }
    }

    private static void printFinding(PrintWriter out, Finding finding) {
        out.printf(
                "    [%s] %s %s at %s: %s%n",
                finding.severity().wireName(),
                finding.ruleId(),
                finding.family().wireName(),
                finding.pointer().isEmpty() ? "/" : finding.pointer(),
                finding.evidence());
        for (Signal signal : finding.signals()) {
            out.printf(
                    Locale.ROOT,
                    "        %s (+%.2f): %s%n          at %s [%d,%d)%s: %s%n",
                    signal.feature(),
                    signal.weight(),
                    InputMeanings.of(signal.feature()),
                    signal.pointer(),
                    signal.start(),
                    signal.end(),
                    signal.decodedFrom() == null ? "" : " decoded from " + signal.decodedFrom(),
                    signal.sentence());
        }
    }

    private static ObjectNode toJson(Path file, ScanReport report) {
        ObjectNode node = JSON.createObjectNode().put("file", file.toString());
        node.setAll(ScanReportJson.of(report));
        return node;
    }
}
