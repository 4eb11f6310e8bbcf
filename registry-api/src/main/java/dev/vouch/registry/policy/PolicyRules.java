package dev.vouch.registry.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.keys.PublicKeys;
import dev.vouch.registry.advisories.AdvisorySeverity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the operator decided for a namespace.
 *
 * @param scanReview          what a scanner {@code review} verdict does: hold for a curator, or publish
 *                            with a warning. A {@code block} verdict always rejects.
 * @param toolDrift           what changed tools (without new findings) do: allow, review or block
 * @param sharedToolNames     what a tool named like a tool of another publisher's server does: allow (the report
 *                            lists it), review or block
 * @param identities          accepted keyless signers (OIDC issuer exactly, subject exactly or by pattern)
 * @param keys                accepted signing keys (cosign {@code --key}), by name
 * @param trustedRoot         the Sigstore trusted root file; empty: the public-good root shipped with Vouch
 * @param requireSignature    reject unless a signature by an accepted identity or key is bound to the artifact
 * @param requireSbom         reject unless an SBOM attestation is bound to the artifact
 * @param requireProvenance   reject unless SLSA provenance from the manifest's repository is bound to it
 * @param builders            accepted SLSA builder ids; empty accepts any
 * @param maxAdvisorySeverity the highest advisory severity a component may have; unknown counts as high
 * @param vulnerable          what a component above that severity does: reject or hold
 */
public record PolicyRules(
        ScanReview scanReview,
        ToolDrift toolDrift,
        SharedToolNames sharedToolNames,
        List<Identity> identities,
        List<TrustedKey> keys,
        Optional<String> trustedRoot,
        boolean requireSignature,
        boolean requireSbom,
        boolean requireProvenance,
        List<String> builders,
        AdvisorySeverity maxAdvisorySeverity,
        Vulnerable vulnerable) {

    public PolicyRules {
        identities = List.copyOf(identities);
        keys = List.copyOf(keys);
        builders = List.copyOf(builders);
    }

    public enum ScanReview {
        HOLD,
        WARN
    }

    public enum ToolDrift {
        ALLOW,
        REVIEW,
        BLOCK
    }

    /**
     * Allow by default: a name of two words or more that another server's tool also has is common among honest
     * servers (109 of the 248 in Docker's catalog share one with another), so holding every such publish would
     * hold half of them. A registry whose servers a curator knows one by one may hold them instead.
     */
    public enum SharedToolNames {
        ALLOW,
        REVIEW,
        BLOCK
    }

    public enum Vulnerable {
        REJECT,
        HOLD
    }

    /** An accepted keyless signer: issuer exactly, and subject exactly or a regular expression. */
    public record Identity(
            @JsonProperty("issuer") String issuer,
            @JsonProperty("subject") String subject,
            @JsonProperty("subjectPattern") String subjectPattern) {}

    /**
     * A signing key in the policy file: a name, a PEM file (relative to the policy file) or inline PEM,
     * and whether its signatures need a transparency log entry ({@code required}, the default, or
     * {@code optional}).
     */
    record KeySource(
            @JsonProperty("name") String name,
            @JsonProperty("file") String file,
            @JsonProperty("pem") String pem,
            @JsonProperty("transparencyLog") String transparencyLog) {

        TrustedKey load(Path policyDirectory, String where) {
            if (name == null || name.isBlank()) {
                throw new PolicyException(where + ": every key needs a name");
            }
            if ((file == null) == (pem == null)) {
                throw new PolicyException(where + ": key '" + name + "' needs exactly one of file or pem");
            }
            String text = pem;
            if (file != null) {
                Path path = policyDirectory.resolve(file);
                try {
                    text = Files.readString(path, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new PolicyException(where + ": key '" + name + "': cannot read " + path);
                }
            }
            boolean requireLog = transparencyLog == null || "required".equals(transparencyLog);
            if (!requireLog && !"optional".equals(transparencyLog)) {
                throw new PolicyException(where + ": key '" + name + "': transparencyLog must be required or optional");
            }
            try {
                return new TrustedKey(name, PublicKeys.fromPem(text), requireLog);
            } catch (VerificationException e) {
                throw new PolicyException(where + ": key '" + name + "': " + e.getMessage());
            }
        }
    }

    /** The shipped default: anything doubtful waits for a person; evidence is welcome but not required. */
    public static PolicyRules safeDefault() {
        return new PolicyRules(
                ScanReview.HOLD,
                ToolDrift.REVIEW,
                SharedToolNames.ALLOW,
                List.of(),
                List.of(),
                Optional.empty(),
                false,
                false,
                false,
                List.of(),
                AdvisorySeverity.MODERATE,
                Vulnerable.REJECT);
    }

    /** Whether some signature could be verified under these rules: an identity or a key is accepted. */
    public boolean acceptsAnySigner() {
        return !identities.isEmpty() || !keys.isEmpty();
    }

    /** A partial rule set from the policy file; absent fields inherit. */
    record Override(
            @JsonProperty("scanReview") ScanReview scanReview,
            @JsonProperty("toolDrift") ToolDrift toolDrift,
            @JsonProperty("sharedToolNames") SharedToolNames sharedToolNames,
            @JsonProperty("identities") List<Identity> identities,
            @JsonProperty("keys") List<KeySource> keys,
            @JsonProperty("trustedRoot") String trustedRoot,
            @JsonProperty("require") Require require,
            @JsonProperty("builders") List<String> builders,
            @JsonProperty("maxAdvisorySeverity") String maxAdvisorySeverity,
            @JsonProperty("vulnerable") Vulnerable vulnerable) {

        record Require(
                @JsonProperty("signature") Boolean signature,
                @JsonProperty("sbom") Boolean sbom,
                @JsonProperty("provenance") Boolean provenance) {}

        /**
         * These rules over {@code base}; key files and the trusted root resolve against the policy
         * file's directory, so a policy reads the same whatever directory the server starts in.
         */
        PolicyRules over(PolicyRules base, Path policyDirectory, String where) {
            Require req = require != null ? require : new Require(null, null, null);
            AdvisorySeverity max = base.maxAdvisorySeverity();
            if (maxAdvisorySeverity != null) {
                max = AdvisorySeverity.parse(maxAdvisorySeverity.toUpperCase(Locale.ROOT));
                if (max == AdvisorySeverity.UNKNOWN) {
                    throw new PolicyException(where + ": maxAdvisorySeverity must be low, moderate, high or critical");
                }
            }
            return new PolicyRules(
                    scanReview != null ? scanReview : base.scanReview(),
                    toolDrift != null ? toolDrift : base.toolDrift(),
                    sharedToolNames != null ? sharedToolNames : base.sharedToolNames(),
                    identities != null ? identities : base.identities(),
                    keys != null ? loadKeys(policyDirectory, where) : base.keys(),
                    trustedRoot != null
                            ? Optional.of(policyDirectory.resolve(trustedRoot).toString())
                            : base.trustedRoot(),
                    req.signature() != null ? req.signature() : base.requireSignature(),
                    req.sbom() != null ? req.sbom() : base.requireSbom(),
                    req.provenance() != null ? req.provenance() : base.requireProvenance(),
                    builders != null ? builders : base.builders(),
                    max,
                    vulnerable != null ? vulnerable : base.vulnerable());
        }

        private List<TrustedKey> loadKeys(Path policyDirectory, String where) {
            List<TrustedKey> loaded = new java.util.ArrayList<>();
            for (KeySource key : keys) {
                if (key == null) {
                    throw new PolicyException(where + ": an empty entry in keys");
                }
                loaded.add(key.load(policyDirectory, where));
            }
            return loaded;
        }
    }

    /** Whether a component whose worst advisory has this severity may be published without further ado. */
    public boolean allows(AdvisorySeverity worst) {
        return worst.compareTo(maxAdvisorySeverity) <= 0;
    }

    /** Fails closed on rules that could only ever accept everything or nothing by mistake. */
    void validate(String where) {
        boolean evidenceRequired = requireSignature || requireSbom || requireProvenance;
        if (evidenceRequired && !acceptsAnySigner()) {
            throw new PolicyException(where + ": evidence is required but no identity or key is accepted; an empty "
                    + "signer list would accept no one (or, worse, anyone)");
        }
        if (keys.stream().map(TrustedKey::name).distinct().count() != keys.size()) {
            throw new PolicyException(where + ": two keys share a name");
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
