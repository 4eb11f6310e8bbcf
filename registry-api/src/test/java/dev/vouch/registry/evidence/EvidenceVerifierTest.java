package dev.vouch.registry.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.provenance.Digest;
import dev.vouch.provenance.sigstore.DetachedSignature;
import dev.vouch.registry.advisories.AdvisorySeverity;
import dev.vouch.registry.policy.PolicyRules;
import dev.vouch.registry.policy.TrustedKey;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The verifier's refusals that need no Sigstore material: each is reported as invalid evidence (which
 * the policy rejects), never as a pass and never as an exception. Real signatures are verified end to
 * end in EvidencePipelineTest.
 */
class EvidenceVerifierTest {

    private static final EvidenceTarget TARGET = new EvidenceTarget(
            "ghcr.io/acme/weather@sha256:" + "ab".repeat(32),
            Digest.parse("sha256:" + "ab".repeat(32)),
            Optional.empty(),
            Optional.empty());
    private static final PolicyRules.Identity ACME = new PolicyRules.Identity(
            "https://token.actions.githubusercontent.com", null, "https://github\\.com/acme/.*");

    private static PolicyRules rules(List<PolicyRules.Identity> identities, List<TrustedKey> keys) {
        return new PolicyRules(
                PolicyRules.ScanReview.HOLD,
                PolicyRules.ToolDrift.REVIEW,
                PolicyRules.SharedToolNames.ALLOW,
                identities,
                keys,
                Optional.empty(),
                false,
                false,
                false,
                List.of(),
                AdvisorySeverity.MODERATE,
                PolicyRules.Vulnerable.REJECT);
    }

    private static PublicKey key() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair().getPublic();
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static DetachedSignature signature(Optional<String> certificate) {
        return new DetachedSignature(
                Optional.empty(),
                "sig".getBytes(StandardCharsets.UTF_8),
                certificate,
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void keylessEvidenceUnderAPolicyWithNoIdentityIsInvalid() {
        EvidenceVerifier verifier = new EvidenceVerifier(rules(List.of(), List.of()), new VerifierCache());

        verifier.signature(TARGET, "publish envelope", signature(Optional.of("CERT")), Optional.empty());

        assertThat(verifier.verified()).isEmpty();
        assertThat(verifier.invalid()).singleElement().asString().contains("the policy accepts no identity");
    }

    @Test
    void keyedEvidenceUnderAPolicyWithNoKeyIsInvalid() {
        EvidenceVerifier verifier = new EvidenceVerifier(rules(List.of(ACME), List.of()), new VerifierCache());

        verifier.signature(TARGET, "publish envelope", signature(Optional.empty()), Optional.empty());

        assertThat(verifier.invalid())
                .singleElement()
                .asString()
                .contains("signed by a key, and the policy accepts no key");
    }

    @Test
    void aSignatureNamingAKeyThePolicyDoesNotAcceptIsInvalidBeforeAnyVerification() throws Exception {
        TrustedKey accepted = new TrustedKey("release", key(), true);
        EvidenceVerifier verifier = new EvidenceVerifier(rules(List.of(), List.of(accepted)), new VerifierCache());

        verifier.signature(TARGET, "publish envelope", signature(Optional.empty()), Optional.of(pem(key())));
        verifier.signature(TARGET, "publish envelope", signature(Optional.empty()), Optional.of("not a key"));

        assertThat(verifier.verified()).isEmpty();
        assertThat(verifier.invalid())
                .hasSize(2)
                .anySatisfy(problem -> assertThat(problem).contains("a key the policy does not accept"))
                .anySatisfy(problem -> assertThat(problem).contains("names an unreadable key"));
    }

    @Test
    void aBundleThatIsNotABundleIsInvalidAndNamesItsSource() {
        EvidenceVerifier verifier = new EvidenceVerifier(rules(List.of(ACME), List.of()), new VerifierCache());

        verifier.bundle(TARGET, "oci-referrers", "{\"not\":\"a bundle\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(verifier.verified()).isEmpty();
        assertThat(verifier.invalid()).singleElement().asString().contains("from oci-referrers not verified");
    }

    @Test
    void aTrustedRootThatCannotBeReadRefusesTheEvidenceInsteadOfPassingIt() {
        PolicyRules rules = new PolicyRules(
                PolicyRules.ScanReview.HOLD,
                PolicyRules.ToolDrift.REVIEW,
                PolicyRules.SharedToolNames.ALLOW,
                List.of(ACME),
                List.of(),
                Optional.of("/nonexistent/trusted_root.json"),
                false,
                false,
                false,
                List.of(),
                AdvisorySeverity.MODERATE,
                PolicyRules.Vulnerable.REJECT);
        EvidenceVerifier verifier = new EvidenceVerifier(rules, new VerifierCache());

        verifier.signature(TARGET, "publish envelope", signature(Optional.of("CERT")), Optional.empty());

        assertThat(verifier.invalid()).singleElement().asString().contains("trusted root unusable");
    }
}
