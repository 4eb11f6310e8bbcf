package dev.vouch.registry.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.domain.ServerName;
import dev.vouch.registry.fuzz.Fuzz;
import dev.vouch.registry.fuzz.Gen;
import dev.vouch.registry.fuzz.Mutations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    @BeforeAll
    static void open() throws IOException {
        dir = Files.createTempDirectory("vouch-policy-fuzz");
        file = dir.resolve("policy.yaml");
    }

    @AfterAll
    static void close() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void mutatedPoliciesLoadOrAreRefusedByName() {
        Fuzz.forAll(
                "PolicyLoaderFuzzTest.mutatedPoliciesLoadOrAreRefusedByName",
                500,
                Mutations.of(POLICY.getBytes(StandardCharsets.UTF_8)),
                PolicyLoaderFuzzTest::loadsOrIsRefused);
    }

    @Test
    void arbitraryTextLoadsOrIsRefusedByName() {
        Fuzz.forAll(
                "PolicyLoaderFuzzTest.arbitraryTextLoadsOrIsRefusedByName",
                300,
                Gen.strings(0, 2000),
                text -> loadsOrIsRefused(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void loadsOrIsRefused(byte[] yaml) throws IOException {
        Files.write(file, yaml);
        try {
            Policy policy = Policy.load(file);
            assertThat(policy.rulesFor(new ServerName("io.github.acme", "weather")))
                    .isNotNull();
        } catch (PolicyException refused) {
            assertThat(refused.getMessage()).startsWith(file.toString());
        }
    }
}
