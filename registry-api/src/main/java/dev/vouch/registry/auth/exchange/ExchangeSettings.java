package dev.vouch.registry.auth.exchange;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How publishers may prove who they are in exchange for a short-lived registry token.
 *
 * @param tokenLifetime how long an exchanged token authenticates
 * @param github trusted publishing from GitHub Actions; empty: {@code github-oidc} is disabled
 * @param oidcIssuers the generic OIDC issuers trusted by {@code oidc}
 * @param http whether {@code http} domain proof is enabled
 * @param dns whether {@code dns} domain proof is enabled
 * @param anonymous whether {@code none} is enabled (testing only; grants io.modelcontextprotocol.anonymous/*)
 * @param httpKeyUrl where the HTTP key file is read, {@code {domain}} replaced by the domain
 */
public record ExchangeSettings(
        Duration tokenLifetime,
        Optional<GitHub> github,
        List<OidcExchange.Issuer> oidcIssuers,
        boolean http,
        boolean dns,
        boolean anonymous,
        String httpKeyUrl,
        TxtResolver dnsResolver,
        JwtVerifier.JwksSettings jwks) {

    /** The official registry's lifetime for a registry token. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    /** GitHub Actions trusted publishing: the issuer, its keys, the audience asked for, and the narrowing rules. */
    public record GitHub(String issuer, URI jwksUri, String audience, List<TrustedPublisher> trustedPublishers) {
        public GitHub {
            trustedPublishers = List.copyOf(trustedPublishers);
        }

        public static GitHub official() {
            return new GitHub(
                    GitHubOidcExchange.ISSUER, GitHubOidcExchange.JWKS, GitHubOidcExchange.AUDIENCE, List.of());
        }
    }

    public ExchangeSettings {
        oidcIssuers = List.copyOf(oidcIssuers);
        if (tokenLifetime.isNegative() || tokenLifetime.isZero() || tokenLifetime.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("token lifetime must be between 1 second and 1 hour");
        }
        if (!httpKeyUrl.contains("{domain}")) {
            throw new IllegalArgumentException("the HTTP key URL must contain {domain}");
        }
    }

    /**
     * The safe default: what the official registry offers publishers (GitHub Actions with GitHub's own
     * issuer, HTTP and DNS domain proof), no generic issuer, anonymous off.
     */
    public static ExchangeSettings defaults() {
        return new ExchangeSettings(
                DEFAULT_LIFETIME,
                Optional.of(GitHub.official()),
                List.of(),
                true,
                true,
                false,
                DomainProofExchange.DEFAULT_KEY_URL,
                new JndiTxtResolver(),
                JwtVerifier.JwksSettings.defaults());
    }

    public ExchangeSettings withGitHub(Optional<GitHub> value) {
        return new ExchangeSettings(
                tokenLifetime, value, oidcIssuers, http, dns, anonymous, httpKeyUrl, dnsResolver, jwks);
    }

    public ExchangeSettings withOidcIssuers(List<OidcExchange.Issuer> value) {
        return new ExchangeSettings(tokenLifetime, github, value, http, dns, anonymous, httpKeyUrl, dnsResolver, jwks);
    }

    public ExchangeSettings withAnonymous(boolean value) {
        return new ExchangeSettings(
                tokenLifetime, github, oidcIssuers, http, dns, value, httpKeyUrl, dnsResolver, jwks);
    }

    public ExchangeSettings withDomainProof(
            boolean httpEnabled, boolean dnsEnabled, String keyUrl, TxtResolver resolver) {
        return new ExchangeSettings(
                tokenLifetime, github, oidcIssuers, httpEnabled, dnsEnabled, anonymous, keyUrl, resolver, jwks);
    }

    public ExchangeSettings withTokenLifetime(Duration value) {
        return new ExchangeSettings(value, github, oidcIssuers, http, dns, anonymous, httpKeyUrl, dnsResolver, jwks);
    }

    public ExchangeSettings withJwks(JwtVerifier.JwksSettings value) {
        return new ExchangeSettings(
                tokenLifetime, github, oidcIssuers, http, dns, anonymous, httpKeyUrl, dnsResolver, value);
    }
}
