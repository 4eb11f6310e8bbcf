package dev.vouch.registry.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.domain.ServerName;
import dev.vouch.registry.fuzz.Mutations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the policy loader on a bounded budget: any file either loads into a policy that answers for
 * any server, or is refused with a {@link PolicyException} naming the file; nothing else escapes.
 */
class PolicyLoaderFuzzTest {

    static final String POLICY = """
            default:
              scanReview: hold
              toolDrift: review
              maxAdvisorySeverity: moderate
              vulnerable: reject
            namespaces:
              "io.github.acme/*":
                scanReview: warn
                require: {signature: false, sbom: false, provenance: false}
                identities:
                  - issuer: https://token.actions.githubusercontent.com
                    subjectPattern: ^https://github\\.com/acme/[^/]+/\\.github/workflows/release\\.yml@refs/tags/v.*$
                builders: [https://github.com/actions/runner/github-hosted]
              "io.github.acme/weather":
                toolDrift: block
            """;

    static Path dir;
    static Path file;

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("vouch-policy-fuzz");
        file = dir.resolve("policy.yaml");
    }

    @AfterContainer
    static void close() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Property(tries = 500)
    void mutatedPoliciesLoadOrAreRefusedByName(@ForAll("mutatedPolicies") byte[] yaml) throws IOException {
        loadsOrIsRefused(yaml);
    }

    @Property(tries = 300)
    void arbitraryTextLoadsOrIsRefusedByName(@ForAll @StringLength(max = 2000) String text) throws IOException {
        loadsOrIsRefused(text.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<byte[]> mutatedPolicies() {
        return Mutations.of(POLICY.getBytes(StandardCharsets.UTF_8));
    }

    private static void loadsOrIsRefused(byte[] yaml) throws IOException {
        Files.write(file, yaml);
        try {
            Policy policy = Policy.load(file);
            assertThat(policy.rulesFor(new ServerName("io.github.acme", "weather"))).isNotNull();
        } catch (PolicyException refused) {
            assertThat(refused.getMessage()).startsWith(file.toString());
        }
    }
}
