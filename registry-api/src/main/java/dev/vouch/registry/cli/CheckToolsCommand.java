package dev.vouch.registry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.registry.domain.JsonMappers;
import dev.vouch.registry.runtime.RunPolicy;
import dev.vouch.scanner.drift.ToolDigests;
import dev.vouch.scanner.input.InvalidInputException;
import dev.vouch.scanner.input.ScanInput;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code vouch check-tools}: what a runtime does at {@code tools/list} time. Compares the tools a server
 * offers live with the tool set Vouch vetted for that version (the run policy's {@code toolsDigest}) and
 * names every tool added, removed or changed. Exit 0 same tools, 1 drift, 2 usage, input or connection
 * error.
 */
@Command(
        name = "check-tools",
        mixinStandardHelpOptions = true,
        description =
                "Compare a server's live tools/list with the tools Vouch vetted for that version; exit 1 on drift.")
final class CheckToolsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = JsonMappers.JSON;

    @Parameters(index = "0", paramLabel = "NAME", description = "Server name, e.g. io.github.acme/weather")
    String name;

    @Parameters(index = "1", paramLabel = "VERSION", description = "The exact version the runtime runs")
    String version;

    @Parameters(
            index = "2",
            paramLabel = "TOOLS",
            description = "The live tools: a tools/list result (bare or in JSON-RPC), or a tools array")
    Path tools;

    @CommandLine.Mixin
    PublicReads reads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ScanInput live;
        try {
            live = ScanInput.fromJson(JSON.readTree(tools.toFile()));
        } catch (IOException | InvalidInputException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read tools from " + tools);
        }
        String path = "/v0.1/servers/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/versions/"
                + URLEncoder.encode(version, StandardCharsets.UTF_8);
        JsonNode served = json(reads.get(spec.commandLine(), path), name + "@" + version);
        JsonNode vetted = served.path("_meta").path(RunPolicy.META_KEY).path("toolsDigest");
        if (!vetted.isTextual()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), name + "@" + version + " carries no vetted tool-set digest");
        }
        Map<String, String> liveDigests = ToolDigests.byName(live.tools());
        String liveDigest = ToolDigests.toolSet(liveDigests);
        PrintWriter out = spec.commandLine().getOut();
        if (liveDigest.equals(vetted.asText())) {
            out.printf("same tools: %s@%s, %d tools, %s%n", name, version, liveDigests.size(), liveDigest);
            return VouchCommand.EXIT_OK;
        }
        out.printf("drift: %s@%s offers tools %s, vetted %s%n", name, version, liveDigest, vetted.asText());
        JsonNode report =
                json(reads.get(spec.commandLine(), path + "/report"), "the report of " + name + "@" + version);
        Map<String, String> vettedDigests = new TreeMap<>();
        report.path("scan")
                .path("tools")
                .forEach(tool -> vettedDigests.put(
                        tool.path("name").asText(), tool.path("digest").asText()));
        Set<String> names = new TreeSet<>(vettedDigests.keySet());
        names.addAll(liveDigests.keySet());
        for (String tool : names) {
            if (!vettedDigests.containsKey(tool)) {
                out.printf("  added   %s%n", tool);
            } else if (!liveDigests.containsKey(tool)) {
                out.printf("  removed %s%n", tool);
            } else if (!vettedDigests.get(tool).equals(liveDigests.get(tool))) {
                out.printf("  changed %s%n", tool);
            }
        }
        return VouchCommand.EXIT_CHECK_FAILED;
    }

    private JsonNode json(PublicReads.Answer answer, String what) {
        if (answer.status() != 200) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), what + ": registry answered HTTP " + answer.status());
        }
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), what + ": the answer is not JSON");
        }
    }
}
