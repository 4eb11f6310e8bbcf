package dev.vouch.registry.auth.exchange;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.vouch.registry.domain.AuthenticationRequiredException;
import dev.vouch.registry.domain.ServiceUnavailableException;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.Set;

/**
 * Verifies the ID tokens of one OIDC issuer: RS256 signatures only (so neither {@code alg=none} nor an
 * HS256 token keyed with the public key can pass), by a key of the issuer's JWKS, with the issuer, the
 * configured audience, an expiry and a subject all required.
 *
 * <p>The JWKS is cached; a token signed by a key id the cache does not hold triggers one refetch (rate
 * limited), which is how the issuer's key rotation is followed without a restart.
 */
public final class JwtVerifier {

    /** Clock skew tolerated on {@code exp}, {@code nbf} and {@code iat}. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private static final int JWKS_SIZE_LIMIT = 64 * 1024;

    private final String issuer;
    private final DefaultJWTProcessor<SecurityContext> processor;

    public JwtVerifier(String issuer, URI jwksUri, String audience, JwksSettings jwks) {
        this.issuer = issuer;
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(
                            jwksUri.toURL(),
                            new DefaultResourceRetriever(
                                    (int) jwks.timeout().toMillis(),
                                    (int) jwks.timeout().toMillis(),
                                    JWKS_SIZE_LIMIT))
                    .cache(jwks.cacheTtl().toMillis(), jwks.timeout().toMillis())
                    .rateLimited(jwks.minRefreshInterval().toMillis())
                    .retrying(false)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("JWKS URL " + jwksUri + " is not usable: " + e.getMessage(), e);
        }
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                Set.of(audience),
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("iss", "aud", "exp", "sub"),
                Set.of());
        claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    public String issuer() {
        return issuer;
    }

    /**
     * The verified claims of {@code token}.
     *
     * @throws AuthenticationRequiredException naming why the token was refused
     */
    public JWTClaimsSet verify(String token) {
        try {
            JWT jwt = JWTParser.parse(token);
            if (jwt instanceof PlainJWT) {
                throw new AuthenticationRequiredException("the OIDC token is unsigned (alg none); only RS256 is taken");
            }
            return processor.process(jwt, null);
        } catch (ParseException e) {
            throw new AuthenticationRequiredException("the OIDC token is not a JWT");
        } catch (BadJOSEException e) {
            throw new AuthenticationRequiredException("the OIDC token was refused: " + e.getMessage());
        } catch (KeySourceException e) {
            // The issuer's keys are out of reach: no verdict on the token, which may be good; the client may retry.
            throw new ServiceUnavailableException(
                    "the signing keys of " + issuer + " could not be fetched to verify the OIDC token; retry shortly");
        } catch (JOSEException e) {
            throw new AuthenticationRequiredException("the OIDC token could not be verified: " + e.getMessage());
        }
    }

    /** How the issuer's JWKS is fetched and kept. */
    public record JwksSettings(Duration cacheTtl, Duration minRefreshInterval, Duration timeout) {

        /** An hour's cache; a refetch for an unknown key id at most every 30 s; 5 s to answer. */
        public static JwksSettings defaults() {
            return new JwksSettings(Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofSeconds(5));
        }
    }
}
