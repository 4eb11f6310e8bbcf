package dev.vouch.registry.auth.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.registry.auth.NamespaceGrant;
import dev.vouch.registry.domain.JsonMappers;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the publisher-authentication configuration ({@code serve --auth FILE}). Anything the file does
 * not say keeps the safe default of {@link ExchangeSettings#defaults()}; an unknown field, a grant that is
 * not a grant, or a trusted-publisher rule granting outside its owner's namespace refuses the whole file.
 */
public final class AuthConfigFile {

    private static final ObjectMapper YAML = JsonMappers.CONFIG_YAML;

    record File(
            Long tokenLifetimeSeconds,
            GitHubSection githubOidc,
            List<IssuerSection> oidc,
            Toggle http,
            Toggle dns,
            Toggle anonymous) {}

    record Toggle(Boolean enabled, String keyUrl) {}

    record GitHubSection(
            Boolean enabled,
            String issuer,
            String jwksUri,
            String audience,
            List<PublisherSection> trustedPublishers) {}

    record PublisherSection(String repository, String workflow, List<String> grants) {}

    record IssuerSection(
            String issuer,
            String jwksUri,
            String audience,
            Map<String, String> requiredClaims,
            List<MappingSection> namespaces) {}

    record MappingSection(String claim, String value, List<String> grants) {}

    private AuthConfigFile() {}

    /**
     * The settings {@code file} describes over the defaults.
     *
     * @throws IllegalArgumentException naming what is wrong with the file
     */
    public static ExchangeSettings read(Path file, ExchangeSettings defaults) {
        File parsed;
        try {
            parsed = YAML.readValue(file.toFile(), File.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("auth config " + file + " cannot be read: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (parsed == null) {
            return defaults;
        }
        ExchangeSettings settings = defaults;
        if (parsed.tokenLifetimeSeconds() != null) {
            settings = settings.withTokenLifetime(Duration.ofSeconds(parsed.tokenLifetimeSeconds()));
        }
        if (parsed.githubOidc() != null) {
            settings = settings.withGitHub(github(parsed.githubOidc()));
        }
        if (parsed.oidc() != null) {
            settings = settings.withOidcIssuers(
                    parsed.oidc().stream().map(AuthConfigFile::issuer).toList());
        }
        boolean http = enabled(parsed.http(), settings.http());
        boolean dns = enabled(parsed.dns(), settings.dns());
        String keyUrl = parsed.http() != null && parsed.http().keyUrl() != null
                ? parsed.http().keyUrl()
                : settings.httpKeyUrl();
        settings = settings.withDomainProof(http, dns, keyUrl, settings.dnsResolver());
        return settings.withAnonymous(enabled(parsed.anonymous(), settings.anonymous()));
    }

    private static boolean enabled(Toggle toggle, boolean fallback) {
        return toggle == null || toggle.enabled() == null ? fallback : toggle.enabled();
    }

    private static Optional<ExchangeSettings.GitHub> github(GitHubSection section) {
        if (Boolean.FALSE.equals(section.enabled())) {
            return Optional.empty();
        }
        ExchangeSettings.GitHub official = ExchangeSettings.GitHub.official();
        List<TrustedPublisher> rules = section.trustedPublishers() == null
                ? List.of()
                : section.trustedPublishers().stream()
                        .map(p -> new TrustedPublisher(
                                required(p.repository(), "trustedPublishers[].repository"),
                                Optional.ofNullable(p.workflow()),
                                grants(p.grants())))
                        .toList();
        return Optional.of(new ExchangeSettings.GitHub(
                section.issuer() == null ? official.issuer() : section.issuer(),
                section.jwksUri() == null ? official.jwksUri() : URI.create(section.jwksUri()),
                section.audience() == null ? official.audience() : section.audience(),
                rules));
    }

    private static OidcExchange.Issuer issuer(IssuerSection section) {
        List<OidcExchange.ClaimMapping> mappings = section.namespaces() == null
                ? List.of()
                : section.namespaces().stream()
                        .map(m -> new OidcExchange.ClaimMapping(
                                required(m.claim(), "namespaces[].claim"),
                                required(m.value(), "namespaces[].value"),
                                grants(m.grants())))
                        .toList();
        return new OidcExchange.Issuer(
                required(section.issuer(), "oidc[].issuer"),
                URI.create(required(section.jwksUri(), "oidc[].jwksUri")),
                required(section.audience(), "oidc[].audience"),
                section.requiredClaims() == null ? Map.of() : section.requiredClaims(),
                mappings);
    }

    private static List<NamespaceGrant> grants(List<String> patterns) {
        return patterns == null
                ? List.of()
                : patterns.stream().map(NamespaceGrant::new).toList();
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("auth config: " + field + " is required");
        }
        return value;
    }
}
