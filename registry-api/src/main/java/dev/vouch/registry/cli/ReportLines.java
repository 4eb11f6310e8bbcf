package dev.vouch.registry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** How the client commands print a publish report's checks and scanner findings, one per line. */
final class ReportLines {

    private ReportLines() {}

    static void checks(PrintWriter out, JsonNode checks) {
        for (JsonNode check : checks) {
            out.printf(
                    "  [%s] %s: %s%n",
                    check.path("passed").asBoolean() ? "pass" : "FAIL",
                    check.path("name").asText(),
                    check.path("detail").asText());
        }
    }

    /** Every finding of the report's {@code scan} section, with the tool it was found in. */
    static void findings(PrintWriter out, JsonNode scan) {
        for (JsonNode tool : scan.path("tools")) {
            for (JsonNode finding : tool.path("findings")) {
                out.printf(
                        "  finding %s [%s] %s in tool %s at %s: %s%n",
                        finding.path("ruleId").asText(),
                        finding.path("severity").asText(),
                        finding.path("family").asText(),
                        tool.path("name").asText(),
                        finding.path("pointer").asText(),
                        finding.path("evidence").asText());
            }
        }
    }
}
