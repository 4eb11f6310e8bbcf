package dev.vouch.registry.auth.exchange;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import dev.vouch.registry.auth.NamespaceGrant;
import dev.vouch.registry.domain.AuthenticationRequiredException;
import java.net.URI;
import java.text.ParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OIDC ID tokens from any issuer the operator configured (a company IdP). The issuer is picked by the
 * token's unverified {@code iss} and then verified by that issuer's own keys and audience; what the
 * identity may publish comes only from the configured claim → namespace mapping.
 */
public final class OidcExchange {

    public static final String METHOD = "oidc";

    /**
     * One trusted issuer.
     *
     * @param requiredClaims claims that must hold exactly this value (or, for a list claim, contain it)
     * @param mappings which claim values grant which namespaces; the grants of every matching mapping add up
     */
    public record Issuer(
            String issuer,
            URI jwksUri,
            String audience,
            Map<String, String> requiredClaims,
            List<ClaimMapping> mappings) {
        public Issuer {
            requiredClaims = Map.copyOf(requiredClaims);
            mappings = List.copyOf(mappings);
            if (mappings.isEmpty()) {
                throw new IllegalArgumentException("OIDC issuer " + issuer + " maps no claim to a namespace");
            }
        }
    }

    /** A claim value (or list member) that grants namespaces. */
    public record ClaimMapping(String claim, String value, List<NamespaceGrant> grants) {
        public ClaimMapping {
            grants = List.copyOf(grants);
            if (grants.isEmpty()) {
                throw new IllegalArgumentException("the mapping of " + claim + "=" + value + " grants nothing");
            }
        }
    }

    private record Trusted(Issuer issuer, JwtVerifier verifier) {}

    private final Map<String, Trusted> issuers = new LinkedHashMap<>();

    public OidcExchange(List<Issuer> configured, JwtVerifier.JwksSettings jwks) {
        for (Issuer issuer : configured) {
            issuers.put(
                    issuer.issuer(),
                    new Trusted(issuer, new JwtVerifier(issuer.issuer(), issuer.jwksUri(), issuer.audience(), jwks)));
        }
    }

    public ProvenIdentity exchange(String oidcToken) {
        if (issuers.isEmpty()) {
            throw new AuthenticationRequiredException("no OIDC issuer is configured on this registry");
        }
        String iss;
        try {
            iss = JWTParser.parse(oidcToken).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new AuthenticationRequiredException("the OIDC token is not a JWT");
        }
        Trusted trusted = iss == null ? null : issuers.get(iss);
        if (trusted == null) {
            throw new AuthenticationRequiredException("the OIDC token's issuer is not trusted by this registry");
        }
        JWTClaimsSet claims = trusted.verifier().verify(oidcToken);
        for (Map.Entry<String, String> required :
                trusted.issuer().requiredClaims().entrySet()) {
            if (!holds(claims, required.getKey(), required.getValue())) {
                throw new AuthenticationRequiredException(
                        "the OIDC token's " + required.getKey() + " claim does not hold the required value");
            }
        }
        Set<NamespaceGrant> grants = new LinkedHashSet<>();
        for (ClaimMapping mapping : trusted.issuer().mappings()) {
            if (holds(claims, mapping.claim(), mapping.value())) {
                grants.addAll(mapping.grants());
            }
        }
        if (grants.isEmpty()) {
            throw new AuthenticationRequiredException("no namespace is mapped to this identity");
        }
        return new ProvenIdentity(METHOD, iss + " " + claims.getSubject(), List.copyOf(grants));
    }

    private static boolean holds(JWTClaimsSet claims, String name, String expected) {
        Object value = claims.getClaim(name);
        if (value instanceof Collection<?> values) {
            return values.stream().anyMatch(v -> expected.equals(String.valueOf(v)));
        }
        return value != null && expected.equals(String.valueOf(value));
    }
}
