package dev.vouch.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.registry.domain.rules.ManifestValidator;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ManifestValidator VALIDATOR = ManifestValidator.official();

    static JsonNode example(String file) throws IOException {
        try (InputStream in = ManifestValidatorTest.class.getResourceAsStream("/manifests/valid/" + file)) {
            return JSON.readTree(in);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "01-npm-basic-brave-search.json",
                "02-npm-monorepo-subfolder.json",
                "03-nuget-constant-arguments.json",
                "04-multi-package-filesystem.json",
                "05-oci-quay.json",
                "06-remote-sse-streamable.json",
                "07-pypi-weather.json",
                "08-cargo-widget.json",
                "09-nuget-knapcode.json",
                "10-oci-docker-complex-args.json",
                "11-remote-and-package-hybrid.json",
                "12-mcpb-text-editor.json",
                "13-npm-embedded-cli-snyk.json",
                "14-custom-install-path.json",
                "15-remote-url-template-multitenant.json",
                "16-remote-url-template-events.json",
                "17-local-url-template-configurable.json"
            })
    void officialExamplesAreValid(String file) throws IOException {
        assertThat(VALIDATOR.validate(example(file))).isEmpty();
    }

    static ObjectNode base() {
        ObjectNode server = JSON.createObjectNode()
                .put("$schema", ManifestValidator.SUPPORTED_SCHEMA)
                .put("name", "io.github.acme/weather")
                .put("description", "Weather")
                .put("version", "1.0.0");
        return server;
    }

    static Stream<Arguments> invalidManifests() {
        return Stream.of(
                Arguments.of("missing $schema", base().without("$schema"), "/$schema"),
                Arguments.of("unknown $schema", base().put("$schema", "https://example.com/s.json"), "/$schema"),
                Arguments.of("two slashes", base().put("name", "io.github.acme/a/b"), "/name"),
                Arguments.of("no slash", base().put("name", "weather"), "/name"),
                Arguments.of("bad namespace", base().put("name", "io github/x"), "/name"),
                Arguments.of("name too long", base().put("name", "a/" + "b".repeat(199)), "/name"),
                Arguments.of("long description", base().put("description", "d".repeat(101)), "/description"),
                Arguments.of("latest reserved", base().put("version", "latest"), "/version"),
                Arguments.of("caret range", base().put("version", "^1.2.3"), "/version"),
                Arguments.of("tilde range", base().put("version", "~1.2"), "/version"),
                Arguments.of("comparison range", base().put("version", ">=1.0.0"), "/version"),
                Arguments.of("x wildcard", base().put("version", "1.x"), "/version"),
                Arguments.of("star wildcard", base().put("version", "1.*"), "/version"),
                Arguments.of("or range", base().put("version", "1.0.0 || 2.0.0"), "/version"),
                Arguments.of("hyphen range", base().put("version", "1.0.0 - 2.0.0"), "/version"),
                Arguments.of("package range", withPackage("^2.0.0"), "/packages/0/version"),
                Arguments.of("mcpb without digest", withMcpb(), "/packages/0/fileSha256"),
                Arguments.of("http remote", withRemote("http://mcp.example.com/mcp"), "/remotes/0/url"),
                Arguments.of("loopback remote", withRemote("https://127.0.0.1/mcp"), "/remotes/0/url"),
                Arguments.of("localhost remote", withRemote("https://localhost:8443/mcp"), "/remotes/0/url"),
                Arguments.of("private remote", withRemote("https://10.1.2.3/mcp"), "/remotes/0/url"),
                Arguments.of("private 192.168 remote", withRemote("https://192.168.0.10/mcp"), "/remotes/0/url"),
                Arguments.of("link-local remote", withRemote("https://169.254.169.254/latest"), "/remotes/0/url"),
                Arguments.of("ipv6 loopback remote", withRemote("https://[::1]/mcp"), "/remotes/0/url"),
                Arguments.of("ipv6 unique-local remote", withRemote("https://[fd00::1]/mcp"), "/remotes/0/url"),
                Arguments.of("decimal ip remote", withRemote("https://2130706433/mcp"), "/remotes/0/url"),
                Arguments.of("hex ip remote", withRemote("https://0x7f.0.0.1/mcp"), "/remotes/0/url"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidManifests")
    void invalidManifestIsReportedAtItsPointer(String label, JsonNode manifest, String pointer) {
        List<Violation> violations = VALIDATOR.validate(manifest);

        assertThat(violations).extracting(Violation::pointer).contains(pointer);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://mcp.example.com/mcp",
                "https://{tenant}.example.com/mcp",
                "https://93.184.216.34/mcp",
                "https://[2606:2800:220:1::1]/mcp"
            })
    void publicHttpsRemotesAreAccepted(String url) {
        assertThat(VALIDATOR.validate(withRemote(url))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0", "2.1.0-alpha.1", "1.0.0+20130313144700", "2025.4.24", "0.0.0-git.abc123"})
    void exactVersionsAreAccepted(String version) {
        assertThat(VALIDATOR.validate(base().put("version", version))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void everyViolationIsReportedNotJustTheFirst() {
        ObjectNode manifest =
                withRemote("http://localhost/mcp").put("version", "^1").without("$schema");

        assertThat(VALIDATOR.validate(manifest))
                .extracting(Violation::pointer)
                .contains("/$schema", "/version", "/remotes/0/url");
    }

    static ObjectNode withPackage(String version) {
        ObjectNode server = base();
        ObjectNode pkg = server.putArray("packages")
                .addObject()
                .put("registryType", "npm")
                .put("identifier", "@acme/weather")
                .put("version", version);
        pkg.putObject("transport").put("type", "stdio");
        return server;
    }

    static ObjectNode withMcpb() {
        ObjectNode server = base();
        ObjectNode pkg = server.putArray("packages")
                .addObject()
                .put("registryType", "mcpb")
                .put("identifier", "https://example.com/weather.mcpb");
        pkg.putObject("transport").put("type", "stdio");
        return server;
    }

    static ObjectNode withRemote(String url) {
        ObjectNode server = base();
        server.putArray("remotes").addObject().put("type", "streamable-http").put("url", url);
        return server;
    }
}
