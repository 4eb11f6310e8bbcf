package dev.vouch.registry.auth.exchange;

import dev.vouch.registry.auth.NamespaceGrant;
import dev.vouch.registry.domain.AuthenticationRequiredException;
import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.scanner.match.CaseFolding;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Domain ownership, as the official registry proves it: the caller signs the current RFC 3339 timestamp
 * with the Ed25519 key whose public half the domain publishes, as {@code v=MCPv1; k=ed25519; p=<base64>}
 * in {@code https://<domain>/.well-known/mcp-registry-auth} (HTTP) or in a TXT record of the domain (DNS).
 *
 * <p>The timestamp must lie within ±15 s of now, and each signed timestamp is accepted once. HTTP proof
 * grants the reversed domain ({@code com.example/*}); DNS proof also grants its sub-namespaces
 * ({@code com.example.*}), because whoever controls a zone controls its subdomains.
 */
public final class DomainProofExchange {

    public static final String HTTP = "http";
    public static final String DNS = "dns";
    public static final Duration WINDOW = Duration.ofSeconds(15);
    public static final int MAX_KEY_FILE_BYTES = 4096;
    public static final String DEFAULT_KEY_URL = "https://{domain}/.well-known/mcp-registry-auth";

    private static final Pattern DOMAIN = Pattern.compile(
            "[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+");
    private static final Pattern RECORD = Pattern.compile("v=MCPv1;\\s*k=([^;\\s]+);\\s*p=([A-Za-z0-9+/=]+)");
    // The DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it.
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /** The body of {@code POST …/auth/http} and {@code …/auth/dns}. */
    public record Request(String domain, String timestamp, String signedTimestamp) {}

    private final String keyUrlTemplate;
    private final TxtResolver resolver;
    private final Clock clock;
    private final ReplayGuard replays;
    private volatile HttpClient http;

    public DomainProofExchange(String keyUrlTemplate, TxtResolver resolver, Clock clock) {
        this.keyUrlTemplate = keyUrlTemplate;
        this.resolver = resolver;
        this.clock = clock;
        this.replays = new ReplayGuard(WINDOW.multipliedBy(2), clock);
    }

    /** Made on the first domain proof, not at start: most registries never see one. */
    private HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null) {
                    // Never follow a redirect: a domain must not be able to send the registry to another host or path.
                    http = HttpClient.newBuilder()
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(Duration.ofSeconds(5))
                            .build();
                }
                client = http;
            }
        }
        return client;
    }

    public ProvenIdentity http(Request request) {
        Checked checked = check(request);
        String record = fetchKeyFile(checked.domain());
        verify(checked, request, List.of(record), HTTP);
        return new ProvenIdentity(
                HTTP, checked.domain(), List.of(new NamespaceGrant(reversed(checked.domain()) + "/*")));
    }

    public ProvenIdentity dns(Request request) {
        Checked checked = check(request);
        List<String> records;
        try {
            records = resolver.txt(checked.domain());
        } catch (IOException e) {
            throw new AuthenticationRequiredException(
                    "the TXT records of " + checked.domain() + " could not be read: " + e.getMessage());
        }
        verify(checked, request, records, DNS);
        String reversed = reversed(checked.domain());
        return new ProvenIdentity(
                DNS,
                checked.domain(),
                List.of(new NamespaceGrant(reversed + "/*"), new NamespaceGrant(reversed + ".*")));
    }

    private record Checked(String domain, byte[] signature) {}

    private Checked check(Request request) {
        if (request.domain() == null || request.timestamp() == null || request.signedTimestamp() == null) {
            throw new InvalidRequestException("domain, timestamp and signed_timestamp are required");
        }
        // No domain is longer than 253 characters: an anonymous caller's longer one is refused before any work on it.
        if (request.domain().length() > 253) {
            throw new AuthenticationRequiredException(
                    "a name of " + request.domain().length() + " characters is not a domain name");
        }
        String domain = CaseFolding.lower(request.domain());
        // A numeric last label is an IP address, not a domain: no namespace to grant, and fetching from it
        // would let a caller point the registry at hosts on its own network.
        if (domain.length() > 253
                || !DOMAIN.matcher(domain).matches()
                || domain.substring(domain.lastIndexOf('.') + 1).chars().allMatch(Character::isDigit)) {
            throw new AuthenticationRequiredException("'" + request.domain() + "' is not a domain name");
        }
        Instant signedAt;
        try {
            signedAt = OffsetDateTime.parse(request.timestamp()).toInstant();
        } catch (DateTimeParseException e) {
            throw new AuthenticationRequiredException("timestamp must be RFC 3339, such as 2026-01-01T00:00:00Z");
        }
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(WINDOW)) || signedAt.isAfter(now.plus(WINDOW))) {
            throw new AuthenticationRequiredException("timestamp outside the valid window (±15 seconds)");
        }
        byte[] signature;
        try {
            signature = HexFormat.of().parseHex(request.signedTimestamp());
        } catch (IllegalArgumentException e) {
            throw new AuthenticationRequiredException("signed_timestamp must be hex");
        }
        if (signature.length != 64) {
            throw new AuthenticationRequiredException("signed_timestamp must be a 64-byte Ed25519 signature");
        }
        return new Checked(domain, signature);
    }

    private void verify(Checked checked, Request request, List<String> records, String method) {
        List<PublicKey> keys = new ArrayList<>();
        for (String record : records) {
            Matcher m = RECORD.matcher(record);
            if (m.find()) {
                if (!"ed25519".equals(m.group(1))) {
                    throw new AuthenticationRequiredException("key algorithm " + m.group(1) + " is not supported");
                }
                keys.add(ed25519(m.group(2)));
            }
        }
        if (keys.isEmpty()) {
            throw new AuthenticationRequiredException("no v=MCPv1 key record found for " + checked.domain()
                    + (DNS.equals(method) ? " in DNS" : " over HTTP"));
        }
        byte[] message = request.timestamp().getBytes(StandardCharsets.UTF_8);
        boolean verified = keys.stream().anyMatch(key -> verifies(key, message, checked.signature()));
        if (!verified) {
            throw new AuthenticationRequiredException(
                    "the signature does not verify with the key " + checked.domain() + " publishes");
        }
        if (!replays.firstUse(method + " " + checked.domain() + " " + CaseFolding.lower(request.signedTimestamp()))) {
            throw new AuthenticationRequiredException("this signed timestamp was already used; sign a fresh one");
        }
    }

    private String fetchKeyFile(String domain) {
        URI url = URI.create(keyUrlTemplate.replace("{domain}", domain));
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "text/plain")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http().send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status >= 300 && status < 400) {
                    throw new AuthenticationRequiredException(
                            "the key file of " + domain + " answered with a redirect, which is not followed");
                }
                if (status != 200) {
                    throw new AuthenticationRequiredException("the key file of " + domain + " answered HTTP " + status);
                }
                byte[] bytes = body.readNBytes(MAX_KEY_FILE_BYTES + 1);
                if (bytes.length > MAX_KEY_FILE_BYTES) {
                    throw new AuthenticationRequiredException(
                            "the key file of " + domain + " is larger than " + MAX_KEY_FILE_BYTES + " bytes");
                }
                return new String(bytes, StandardCharsets.UTF_8).trim();
            }
        } catch (IOException e) {
            throw new AuthenticationRequiredException("the key file of " + domain + " could not be fetched");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationRequiredException("the key file of " + domain + " could not be fetched");
        }
    }

    private static PublicKey ed25519(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationRequiredException("the published key is not base64");
        }
        if (raw.length != 32) {
            throw new AuthenticationRequiredException("the published Ed25519 key must be 32 bytes");
        }
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + raw.length];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new AuthenticationRequiredException("the published key is not an Ed25519 key");
        }
    }

    private static boolean verifies(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** {@code example.com} → {@code com.example}. */
    static String reversed(String domain) {
        List<String> labels = new ArrayList<>(List.of(domain.split("\\.")));
        java.util.Collections.reverse(labels);
        return String.join(".", labels);
    }
}
