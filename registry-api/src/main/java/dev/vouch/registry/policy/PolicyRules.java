package dev.vouch.registry.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vouch.registry.advisories.AdvisorySeverity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the operator decided for a namespace.
 *
 * @param scanReview          what a scanner {@code review} verdict does: hold for a curator, or publish
 *                            with a warning. A {@code block} verdict always rejects.
 * @param toolDrift           what changed tools (without new findings) do: allow, review or block
 * @param identities          accepted keyless signers (OIDC issuer exactly, subject exactly or by pattern)
 * @param trustedRoot         the Sigstore trusted root file; empty: the public-good root shipped with Vouch
 * @param requireSignature    reject unless a signature by an accepted identity is bound to the artifact
 * @param requireSbom         reject unless an SBOM attestation is bound to the artifact
 * @param requireProvenance   reject unless SLSA provenance from the manifest's repository is bound to it
 * @param builders            accepted SLSA builder ids; empty accepts any
 * @param maxAdvisorySeverity the highest advisory severity a component may have; unknown counts as high
 * @param vulnerable          what a component above that severity does: reject or hold
 */
public record PolicyRules(
        ScanReview scanReview,
        ToolDrift toolDrift,
        List<Identity> identities,
        Optional<String> trustedRoot,
        boolean requireSignature,
        boolean requireSbom,
        boolean requireProvenance,
        List<String> builders,
        AdvisorySeverity maxAdvisorySeverity,
        Vulnerable vulnerable) {

    public PolicyRules {
        identities = List.copyOf(identities);
        builders = List.copyOf(builders);
    }

    public enum ScanReview {
        HOLD, WARN;

        @JsonCreator
        static ScanReview parse(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public enum ToolDrift {
        ALLOW, REVIEW, BLOCK;

        @JsonCreator
        static ToolDrift parse(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public enum Vulnerable {
        REJECT, HOLD;

        @JsonCreator
        static Vulnerable parse(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** An accepted keyless signer: issuer exactly, and subject exactly or a regular expression. */
    public record Identity(@JsonProperty("issuer") String issuer, @JsonProperty("subject") String subject,
                           @JsonProperty("subjectPattern") String subjectPattern) {
    }

    /** The shipped default: anything doubtful waits for a person; evidence is welcome but not required. */
    public static PolicyRules safeDefault() {
        return new PolicyRules(ScanReview.HOLD, ToolDrift.REVIEW, List.of(), Optional.empty(), false, false, false,
                List.of(), AdvisorySeverity.MODERATE, Vulnerable.REJECT);
    }

    /** A partial rule set from the policy file; absent fields inherit. */
    record Override(
            @JsonProperty("scanReview") ScanReview scanReview,
            @JsonProperty("toolDrift") ToolDrift toolDrift,
            @JsonProperty("identities") List<Identity> identities,
            @JsonProperty("trustedRoot") String trustedRoot,
            @JsonProperty("require") Require require,
            @JsonProperty("builders") List<String> builders,
            @JsonProperty("maxAdvisorySeverity") String maxAdvisorySeverity,
            @JsonProperty("vulnerable") Vulnerable vulnerable) {

        record Require(@JsonProperty("signature") Boolean signature, @JsonProperty("sbom") Boolean sbom,
                       @JsonProperty("provenance") Boolean provenance) {
        }

        PolicyRules over(PolicyRules base) {
            Require req = require != null ? require : new Require(null, null, null);
            AdvisorySeverity max = base.maxAdvisorySeverity();
            if (maxAdvisorySeverity != null) {
                max = AdvisorySeverity.parse(maxAdvisorySeverity.toUpperCase(Locale.ROOT));
                if (max == AdvisorySeverity.UNKNOWN) {
                    throw new PolicyException("maxAdvisorySeverity must be low, moderate, high or critical");
                }
            }
            return new PolicyRules(
                    scanReview != null ? scanReview : base.scanReview(),
                    toolDrift != null ? toolDrift : base.toolDrift(),
                    identities != null ? identities : base.identities(),
                    trustedRoot != null ? Optional.of(trustedRoot) : base.trustedRoot(),
                    req.signature() != null ? req.signature() : base.requireSignature(),
                    req.sbom() != null ? req.sbom() : base.requireSbom(),
                    req.provenance() != null ? req.provenance() : base.requireProvenance(),
                    builders != null ? builders : base.builders(),
                    max,
                    vulnerable != null ? vulnerable : base.vulnerable());
        }
    }

    /** Whether a component whose worst advisory has this severity may be published without further ado. */
    public boolean allows(AdvisorySeverity worst) {
        return worst.compareTo(maxAdvisorySeverity) <= 0;
    }

    /** Fails closed on rules that could only ever accept everything or nothing by mistake. */
    void validate(String where) {
        boolean evidenceRequired = requireSignature || requireSbom || requireProvenance;
        if (evidenceRequired && identities.isEmpty()) {
            throw new PolicyException(where + ": evidence is required but no identity is accepted; an empty "
                    + "identity list would accept no one (or, worse, anyone)");
        }
        for (Identity identity : identities) {
            if (identity.issuer() == null || identity.issuer().isBlank()) {
                throw new PolicyException(where + ": every identity needs an issuer");
            }
            if ((identity.subject() == null) == (identity.subjectPattern() == null)) {
                throw new PolicyException(where + ": every identity needs exactly one of subject or subjectPattern");
            }
        }
    }
}
