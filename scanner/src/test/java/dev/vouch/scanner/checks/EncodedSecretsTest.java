package dev.vouch.scanner.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.scanner.Finding;
import dev.vouch.scanner.intent.EncodedSpans;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncodedSecretsTest {

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRunThatDecodesToPrintableTextIsReturnedDecodedWithWhereItSits() {
        String run = base64("{\"auths\":{\"ghcr.io\":{\"auth\":\"x\"}}}");
        String text = "Registry config: " + run + " (from CI)";

        assertThat(EncodedSecrets.find(text)).singleElement().satisfies(decoded -> {
            assertThat(decoded.text()).isEqualTo("{\"auths\":{\"ghcr.io\":{\"auth\":\"x\"}}}");
            assertThat(text.substring(decoded.start(), decoded.end())).isEqualTo(run);
            assertThat(decoded.where()).isEqualTo("decoded base64 at characters 17-" + (17 + run.length()) + ": ");
        });
    }

    @Test
    void aKeyFilesEscapedLineBreaksAreReadAsLineBreaks() {
        String text = base64("{\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg\"}");

        assertThat(EncodedSecrets.find(text))
                .singleElement()
                .satisfies(decoded -> assertThat(decoded.text()).contains("KEY-----\nMIIE"));
    }

    @Test
    void runsThatDecodeToBytesOrAreNoBase64AreLeftAlone() {
        String binary = Base64.getEncoder().encodeToString(new byte[] {1, (byte) 0xff, 7, 0, 42, 9, 17, 3, 4, 5, 6, 7});

        assertThat(EncodedSecrets.find("Icon: " + binary)).isEmpty();
        assertThat(EncodedSecrets.find("Calls list_all_repository_branches_for_org and getAllUsersFromDatabase."))
                .isEmpty();
        assertThat(EncodedSecrets.find("Session 550e8400-e29b-41d4-a716-446655440000, sha 9f86d081884c7d659a2f"))
                .isEmpty();
    }

    /** The credentials {@link EncodedSecrets#credentials} finds in the one run of base64 {@code text} holds. */
    private static List<Finding> credentialsIn(String text) {
        List<EncodedSpans.Decoded> runs = EncodedSecrets.find(text);
        assertThat(runs).hasSize(1);
        return EncodedSecrets.credentials(text, runs.get(0), "/x");
    }

    @Test
    void aBasicHeadersPasswordIsASecretUnlessItIsAPlaceholderOrNoHeaderHoldsIt() {
        String userAndPassword = base64("deploy:Xy7#pQ2vLm9!zR");

        assertThat(credentialsIn("Send Authorization: Basic " + userAndPassword + " upstream."))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.ruleId()).isEqualTo("VR-SECRET-BASIC");
                    assertThat(finding.evidence()).contains("user 'deploy'").doesNotContain("pQ2vLm9");
                });
        assertThat(credentialsIn("Send Authorization: Basic " + base64("username:password") + " upstream."))
                .isEmpty();
        assertThat(credentialsIn("Session id " + userAndPassword + ".")).isEmpty();
    }

    @Test
    void aDecodedConfigurationsValueUnderAKeyLikeNameIsASecret() {
        String text = "Config: "
                + base64("{\"user\":\"deploy\",\"client_secret\":\"q8Zr!2vL#x9Tm4Kp7Wn\","
                        + "\"client_secret_hint\":\"changeme\"}");

        assertThat(credentialsIn(text)).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("VR-SECRET-ENTROPY");
            assertThat(finding.evidence())
                    .startsWith("decoded base64 at characters 8-")
                    .contains("'client_secret'")
                    .doesNotContain("x9Tm4Kp7Wn");
        });
    }

    @Test
    void aRegistryConfigsAuthIsAUserAndPasswordWrittenOutOrPassedInBase64Itself() {
        String config = "{\"auths\":{\"ghcr.io\":{\"auth\":\"" + base64("deploy:Xy7#pQ2vLm9!zR") + "\"}}}";

        assertThat(credentialsIn(config)).extracting(Finding::ruleId).containsExactly("VR-SECRET-BASIC");
        assertThat(credentialsIn("DOCKER_CONFIG_JSON: " + base64(config)))
                .singleElement()
                .satisfies(finding -> assertThat(finding.evidence())
                        .matches("decoded base64 at characters 20-\\d+: decoded base64 at characters "
                                + "\\d+-\\d+: the user 'deploy' and the password Xy7#….*"));
    }

    @Test
    void aUrlThatCarriesAPasswordIsASecretDecodedToo() {
        String text = "Mirror: " + base64("https://deploy:Zq8vR2mX9pL4@git.example.com/repo.git");

        assertThat(credentialsIn(text)).extracting(Finding::ruleId).containsExactly("VR-SECRET-URL");
    }
}
