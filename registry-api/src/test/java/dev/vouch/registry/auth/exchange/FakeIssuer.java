package dev.vouch.registry.auth.exchange;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * An OIDC issuer played by WireMock: its own RSA keys published as a JWKS at {@code <issuer>/jwks},
 * and ID tokens signed with them (or, for the negative cases, signed wrongly on purpose).
 */
public final class FakeIssuer {

    private final WireMockServer wiremock;
    private final String path;
    private final List<RSAKey> published = new ArrayList<>();
    private RSAKey current;

    public FakeIssuer(WireMockServer wiremock, String path) {
        this.wiremock = wiremock;
        this.path = path;
        this.current = newKey();
        publish(current);
    }

    public String issuer() {
        return wiremock.baseUrl() + path;
    }

    public URI jwks() {
        return URI.create(issuer() + "/jwks");
    }

    /** A GitHub Actions ID token for {@code repository}, run by {@code workflow} (a file under .github/workflows). */
    public JWTClaimsSet.Builder actions(String repository, String workflow, String audience) {
        String owner = repository.substring(0, repository.indexOf('/'));
        return claims(audience)
                .subject("repo:" + repository + ":ref:refs/tags/v1.0.0")
                .claim("repository", repository)
                .claim("repository_owner", owner)
                .claim("workflow_ref", repository + "/.github/workflows/" + workflow + "@refs/tags/v1.0.0")
                .claim("ref", "refs/tags/v1.0.0");
    }

    /** Claims valid for the next five minutes from this issuer for {@code audience}. */
    public JWTClaimsSet.Builder claims(String audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(audience)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    /** Signed RS256 with the current published key. */
    public String sign(JWTClaimsSet.Builder claims) {
        return sign(claims, current);
    }

    /** Signed RS256 with a key the JWKS never published, under a new key id. */
    public String signWithUnknownKey(JWTClaimsSet.Builder claims) {
        return sign(claims, newKey());
    }

    /** {@code alg=none}: no signature at all. */
    public String unsigned(JWTClaimsSet.Builder claims) {
        return new PlainJWT(claims.build()).serialize();
    }

    /** HS256 keyed with the published public key's bytes: the key-confusion attack. */
    public String signHs256WithPublicKey(JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(current.getKeyID())
                            .build(),
                    claims.build());
            jwt.sign(new MACSigner(current.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rotates: a new key signs from now on, and the JWKS publishes it beside the old one. */
    public void rotate() {
        current = newKey();
        publish(current);
    }

    private void publish(RSAKey key) {
        published.add(key.toPublicJWK());
        wiremock.stubFor(get(urlEqualTo(path + "/jwks"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(new JWKSet(new ArrayList<>(published)).toString())));
    }

    private static String sign(JWTClaimsSet.Builder claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body an exchange endpoint takes. */
    public static Map<String, String> body(String oidcToken) {
        return Map.of("oidc_token", oidcToken);
    }
}
