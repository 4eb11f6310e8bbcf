package dev.vouch.registry.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.provenance.fixtures.FakeSigstore;
import dev.vouch.registry.domain.ServerName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTest {

    static final ServerName ACME = new ServerName("io.github.acme", "weather");
    static final ServerName OTHER = new ServerName("io.github.other", "tool");

    @TempDir
    Path dir;

    Policy load(String yaml) throws Exception {
        return Policy.load(Files.writeString(dir.resolve("policy.yaml"), yaml));
    }

    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static PublicKey newKey() {
        return FakeSigstore.ecKeys().getPublic();
    }

    @Test
    void keysAndTrustedRootResolveAgainstThePolicyFilesDirectory() throws Exception {
        PublicKey key = newKey();
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve("keys/acme.pub"), pem(key));

        Policy policy = load("""
                namespaces:
                  "io.github.acme/*":
                    require: {signature: true}
                    trustedRoot: roots/trusted_root.json
                    keys:
                      - {name: acme-release, file: keys/acme.pub}
                """);

        PolicyRules rules = policy.rulesFor(ACME);
        assertThat(rules.keys()).singleElement().satisfies(trusted -> {
            assertThat(trusted.name()).isEqualTo("acme-release");
            assertThat(trusted.is(key)).isTrue();
            assertThat(trusted.requireLog()).isTrue();
        });
        assertThat(rules.trustedRoot())
                .contains(
                        dir.toAbsolutePath().resolve("roots/trusted_root.json").toString());
        assertThat(policy.rulesFor(OTHER).keys()).isEmpty();
    }

    @Test
    void anInlinePemKeyAloneSatisfiesARequiredSignature() throws Exception {
        String indented = pem(newKey()).replace("\n", "\n          ");

        Policy policy =
                load("default:\n  require: {signature: true}\n  keys:\n    - name: ops\n      pem: |\n          "
                        + indented + "\n");

        assertThat(policy.rulesFor(OTHER).acceptsAnySigner()).isTrue();
    }

    @Test
    void aKeyWrittenTwiceIsRefusedRatherThanTheLaterSilentlyWinning() {
        assertThatThrownBy(() -> load("default:\n  require: {sbom: true}\n  require: {}\n"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("require");
    }

    @Test
    void requiredEvidenceWithNoIdentityOrKeyIsRefused() {
        assertThatThrownBy(() -> load("default:\n  require: {sbom: true}\n"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("no identity or key");
    }

    @Test
    void aKeyThatCannotBeReadIsRefusedNamingIt() throws Exception {
        Files.writeString(dir.resolve("bad.pub"), "not a key");

        assertThatThrownBy(() -> load("default:\n  keys:\n    - {name: broken, file: bad.pub}\n"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("broken");
        assertThatThrownBy(() -> load("default:\n  keys:\n    - {name: missing, file: nowhere.pub}\n"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("cannot read");
        assertThatThrownBy(() -> load("default:\n  keys:\n    - {name: both, file: bad.pub, pem: x}\n"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("exactly one of file or pem");
        Files.writeString(dir.resolve("good.pub"), pem(newKey()));
        assertThatThrownBy(() -> load("default:\n  keys:\n    - {name: lax, file: good.pub, transparencyLog: never}\n"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("required or optional");
    }

    @Test
    void twoKeysWithOneNameAreRefused() throws Exception {
        Files.writeString(dir.resolve("a.pub"), pem(newKey()));

        assertThatThrownBy(
                        () -> load("default:\n  keys:\n    - {name: a, file: a.pub}\n    - {name: a, file: a.pub}\n"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("share a name");
    }

    @Test
    void anIdentityNeedsExactlyOneOfSubjectOrPattern() {
        assertThatThrownBy(() -> load("""
                default:
                  identities:
                    - issuer: https://token.actions.githubusercontent.com
                """))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("exactly one of subject or subjectPattern");
    }

    @Test
    void theMostSpecificPatternWins() throws Exception {
        Policy policy = load("""
                default: {scanReview: hold}
                namespaces:
                  "*": {toolDrift: allow}
                  "io.github.acme/*": {toolDrift: block}
                  "io.github.acme/weather": {scanReview: warn}
                """);

        assertThat(policy.rulesFor(ACME).scanReview()).isEqualTo(PolicyRules.ScanReview.WARN);
        assertThat(policy.rulesFor(new ServerName("io.github.acme", "maps")).toolDrift())
                .isEqualTo(PolicyRules.ToolDrift.BLOCK);
        assertThat(policy.rulesFor(OTHER).toolDrift()).isEqualTo(PolicyRules.ToolDrift.ALLOW);
    }

    @Test
    void toolsNamedLikeAnotherPublishersAreAllowedUnlessThePolicySaysOtherwise() throws Exception {
        Policy policy = load("""
                namespaces:
                  "io.github.acme/*": {sharedToolNames: review}
                """);

        assertThat(Policy.safeDefault().rulesFor(ACME).sharedToolNames()).isEqualTo(PolicyRules.SharedToolNames.ALLOW);
        assertThat(policy.rulesFor(ACME).sharedToolNames()).isEqualTo(PolicyRules.SharedToolNames.REVIEW);
        assertThat(policy.rulesFor(OTHER).sharedToolNames()).isEqualTo(PolicyRules.SharedToolNames.ALLOW);
        assertThatThrownBy(() -> load("default: {sharedToolNames: sometimes}\n"))
                .isInstanceOf(PolicyException.class);
    }

    @Test
    void anUnknownFieldIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> load("default:\n  requireSignature: true\n")).isInstanceOf(PolicyException.class);
    }
}
