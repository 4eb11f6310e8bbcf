package dev.vouch.registry.auth.exchange;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.vouch.registry.auth.NamespaceGrant;
import dev.vouch.registry.domain.AuthenticationRequiredException;
import java.net.URI;
import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Trusted publishing from GitHub Actions, as the official registry does it: a verified Actions ID token
 * grants {@code io.github.<repository_owner>/*}, narrowed by the operator's {@link TrustedPublisher} rules
 * for that owner where there are any.
 */
public final class GitHubOidcExchange {

    public static final String METHOD = "github-oidc";
    public static final String ISSUER = "https://token.actions.githubusercontent.com";
    public static final URI JWKS = URI.create(ISSUER + "/.well-known/jwks");
    /** The audience the official publisher asks GitHub for. */
    public static final String AUDIENCE = "mcp-registry";

    private static final Pattern GITHUB_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");

    private final JwtVerifier verifier;
    private final List<TrustedPublisher> rules;

    public GitHubOidcExchange(JwtVerifier verifier, List<TrustedPublisher> rules) {
        this.verifier = verifier;
        this.rules = List.copyOf(rules);
    }

    public ProvenIdentity exchange(String oidcToken) {
        JWTClaimsSet claims = verifier.verify(oidcToken);
        String owner = claim(claims, "repository_owner")
                .orElseThrow(() -> new AuthenticationRequiredException("the token has no repository_owner claim"));
        if (!GITHUB_NAME.matcher(owner).matches()) {
            throw new AuthenticationRequiredException("repository_owner '" + owner + "' is not a GitHub name");
        }
        String repository = claim(claims, "repository").orElse(owner + "/");
        Optional<String> workflow = claim(claims, "workflow_ref").map(ref -> workflowPath(ref, repository));
        List<TrustedPublisher> governing =
                rules.stream().filter(r -> r.owner().equalsIgnoreCase(owner)).toList();
        List<NamespaceGrant> grants;
        if (governing.isEmpty()) {
            grants = List.of(new NamespaceGrant("io.github." + owner + "/*"));
        } else {
            Set<NamespaceGrant> granted = new LinkedHashSet<>();
            governing.stream().filter(r -> r.matches(repository, workflow)).forEach(r -> granted.addAll(r.grants()));
            if (granted.isEmpty()) {
                throw new AuthenticationRequiredException("trusted publishing for " + owner + " does not trust "
                        + repository + workflow.map(w -> " workflow " + w).orElse(""));
            }
            grants = List.copyOf(granted);
        }
        return new ProvenIdentity(METHOD, claims.getSubject(), grants);
    }

    // workflow_ref is "owner/repo/.github/workflows/release.yml@refs/tags/v1"; the rule names the path.
    private static String workflowPath(String ref, String repository) {
        String path = ref.contains("@") ? ref.substring(0, ref.indexOf('@')) : ref;
        return path.regionMatches(true, 0, repository + "/", 0, repository.length() + 1)
                ? path.substring(repository.length() + 1)
                : path;
    }

    static Optional<String> claim(JWTClaimsSet claims, String name) {
        try {
            return Optional.ofNullable(claims.getStringClaim(name)).filter(v -> !v.isBlank());
        } catch (ParseException e) {
            throw new AuthenticationRequiredException("the token's " + name + " claim is not a string");
        }
    }
}
