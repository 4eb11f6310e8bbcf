package dev.vouch.registry.auth.exchange;

import dev.vouch.registry.auth.ExchangedToken;
import dev.vouch.registry.auth.NamespaceGrant;
import dev.vouch.registry.auth.TokenService;
import dev.vouch.registry.domain.AuthenticationRequiredException;
import dev.vouch.registry.domain.InvalidRequestException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The official registry's token exchange: a publisher proves an identity ({@code github-oidc},
 * {@code oidc}, {@code http}, {@code dns}, or {@code none} when enabled) and receives a short-lived
 * registry token for the namespaces that identity owns. Every refusal is an
 * {@link AuthenticationRequiredException} naming the reason; every issued token is audited.
 */
public final class TokenExchangeService {

    public static final String ANONYMOUS = "none";
    public static final String ANONYMOUS_NAMESPACE = "io.modelcontextprotocol.anonymous/*";

    private final TokenService tokens;
    private final ExchangeSettings settings;
    private final Optional<GitHubOidcExchange> github;
    private final OidcExchange oidc;
    private final DomainProofExchange domains;

    public TokenExchangeService(TokenService tokens, ExchangeSettings settings, Clock clock) {
        this.tokens = tokens;
        this.settings = settings;
        this.github = settings.github()
                .map(g -> new GitHubOidcExchange(
                        new JwtVerifier(g.issuer(), g.jwksUri(), g.audience(), settings.jwks()),
                        g.trustedPublishers()));
        this.oidc = new OidcExchange(settings.oidcIssuers(), settings.jwks());
        this.domains = new DomainProofExchange(settings.httpKeyUrl(), settings.dnsResolver(), clock);
    }

    public ExchangedToken githubOidc(String oidcToken) {
        GitHubOidcExchange exchange = github.orElseThrow(() -> disabled(GitHubOidcExchange.METHOD));
        return issue(exchange.exchange(required(oidcToken)));
    }

    public ExchangedToken oidc(String oidcToken) {
        return issue(oidc.exchange(required(oidcToken)));
    }

    public ExchangedToken http(DomainProofExchange.Request request) {
        if (!settings.http()) {
            throw disabled(DomainProofExchange.HTTP);
        }
        return issue(domains.http(request));
    }

    public ExchangedToken dns(DomainProofExchange.Request request) {
        if (!settings.dns()) {
            throw disabled(DomainProofExchange.DNS);
        }
        return issue(domains.dns(request));
    }

    public ExchangedToken anonymous() {
        if (!settings.anonymous()) {
            throw disabled(ANONYMOUS);
        }
        return issue(new ProvenIdentity(ANONYMOUS, "anonymous", List.of(new NamespaceGrant(ANONYMOUS_NAMESPACE))));
    }

    private ExchangedToken issue(ProvenIdentity identity) {
        return tokens.issueExchanged(
                identity.method(), identity.subject(), identity.grants(), settings.tokenLifetime());
    }

    private static String required(String oidcToken) {
        if (oidcToken == null || oidcToken.isBlank()) {
            throw new InvalidRequestException("oidc_token is required");
        }
        return oidcToken;
    }

    private static AuthenticationRequiredException disabled(String method) {
        return new AuthenticationRequiredException("authentication method " + method + " is disabled on this registry");
    }
}
