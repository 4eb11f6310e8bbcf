package dev.vouch.registry.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.vouch.registry.auth.NamespaceGrant;
import dev.vouch.registry.domain.JsonMappers;
import dev.vouch.registry.domain.ServerName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's publish policy: a default and per-namespace overrides, read from YAML.
 *
 * <pre>
 * default:
 *   scanReview: hold            # hold | warn
 *   toolDrift: review           # allow | review | block
 *   sharedToolNames: allow      # a tool named like another publisher's: allow | review | block
 *   maxAdvisorySeverity: moderate
 *   vulnerable: reject          # reject | hold
 * namespaces:
 *   "io.github.acme/*":
 *     require: {signature: true, sbom: true, provenance: true}
 *     identities:
 *       - issuer: https://token.actions.githubusercontent.com
 *         subjectPattern: "https://github\.com/acme/.*"
 *     builders: ["https://github.com/actions/runner/github-hosted"]
 *     keys:                       # cosign --key signers; files resolve against this file's directory
 *       - name: acme-release
 *         file: keys/acme-release.pub
 *     trustedRoot: trusted_root.json
 * </pre>
 *
 * <p>The most specific matching pattern wins: an exact name over a namespace over {@code *}.
 */
public final class Policy {

    private static final ObjectMapper YAML = JsonMappers.CONFIG_YAML;

    private final PolicyRules defaults;
    private final List<Map.Entry<NamespaceGrant, PolicyRules>> overrides;

    private Policy(PolicyRules defaults, List<Map.Entry<NamespaceGrant, PolicyRules>> overrides) {
        this.defaults = defaults;
        this.overrides = List.copyOf(overrides);
    }

    public static Policy safeDefault() {
        return new Policy(PolicyRules.safeDefault(), List.of());
    }

    private record File(
            @JsonProperty("default") PolicyRules.Override defaults,
            @JsonProperty("namespaces") LinkedHashMap<String, PolicyRules.Override> namespaces) {}

    /**
     * Reads a policy file.
     *
     * @throws PolicyException naming what is wrong; a policy that cannot be read is never replaced by
     *                         a more permissive one
     */
    public static Policy load(Path path) {
        File file;
        try {
            file = YAML.readValue(Files.readAllBytes(path), File.class);
        } catch (MismatchedInputException e) {
            throw new PolicyException(path + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PolicyException(path + ": "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                            ? j.getOriginalMessage()
                            : "cannot be read (" + e.getClass().getSimpleName() + ")"));
        }
        if (file == null) {
            throw new PolicyException(path + ": the policy file is empty");
        }
        Path directory = path.toAbsolutePath().getParent();
        PolicyRules defaults = file.defaults() == null
                ? PolicyRules.safeDefault()
                : file.defaults().over(PolicyRules.safeDefault(), directory, path + " default");
        defaults.validate(path + " default");
        List<Map.Entry<NamespaceGrant, PolicyRules>> overrides = new ArrayList<>();
        if (file.namespaces() != null) {
            for (Map.Entry<String, PolicyRules.Override> entry :
                    file.namespaces().entrySet()) {
                if (!NamespaceGrant.isValid(entry.getKey())) {
                    throw new PolicyException(path + ": '" + entry.getKey() + "' is not a name pattern "
                            + "(namespace/*, namespace/name or *)");
                }
                if (entry.getValue() == null) {
                    throw new PolicyException(path + ": namespace '" + entry.getKey() + "' has no rules");
                }
                PolicyRules rules = entry.getValue().over(defaults, directory, path + " namespace " + entry.getKey());
                rules.validate(path + " namespace " + entry.getKey());
                overrides.add(Map.entry(new NamespaceGrant(entry.getKey()), rules));
            }
        }
        return new Policy(defaults, overrides);
    }

    /** The rules for a server: the most specific matching pattern's, or the default. */
    public PolicyRules rulesFor(ServerName name) {
        PolicyRules chosen = defaults;
        int specificity = -1;
        for (Map.Entry<NamespaceGrant, PolicyRules> override : overrides) {
            NamespaceGrant pattern = override.getKey();
            if (pattern.covers(name)) {
                int rank = NamespaceGrant.EVERYTHING.equals(pattern.pattern())
                        ? 0
                        : pattern.pattern().endsWith("/*") ? 1 : 2;
                if (rank > specificity) {
                    chosen = override.getValue();
                    specificity = rank;
                }
            }
        }
        return chosen;
    }
}
