package dev.vouch.provenance.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.provenance.JsonMappers;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Docker registry token handshake: a 401 names a realm, service and scope in its
 * {@code WWW-Authenticate: Bearer …} header; an anonymous GET of the realm returns a token.
 */
final class RegistryToken {

    private static final ObjectMapper JSON = JsonMappers.JSON;
    private static final int MAX_CHALLENGE_LENGTH = 4096;

    private RegistryToken() {}

    static String obtain(HttpFetch http, String challenge) throws EvidenceFetchException {
        Map<String, String> parameters = parseBearerChallenge(challenge);
        String realm = parameters.get("realm");
        if (realm == null) {
            throw new EvidenceFetchException("registry asked for a token without naming a realm");
        }
        URI realmUri;
        try {
            realmUri = new URI(realm);
        } catch (URISyntaxException e) {
            throw new EvidenceFetchException("token realm is not a URL");
        }
        if (!"https".equals(realmUri.getScheme()) && !"http".equals(realmUri.getScheme())) {
            throw new EvidenceFetchException("token realm must be an http(s) URL");
        }
        StringBuilder query = new StringBuilder();
        for (String key : new String[] {"service", "scope"}) {
            if (parameters.containsKey(key)) {
                query.append(query.length() == 0 ? "" : "&")
                        .append(key)
                        .append('=')
                        .append(URLEncoder.encode(parameters.get(key), StandardCharsets.UTF_8));
            }
        }
        URI tokenUri = URI.create(realm + (query.length() == 0 ? "" : (realm.contains("?") ? "&" : "?") + query));
        HttpFetch.Response response = http.get(tokenUri, Optional.empty());
        if (response.status() != 200) {
            throw new EvidenceFetchException("token endpoint answered HTTP " + response.status());
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            String token = body.path("token").asText(body.path("access_token").asText(""));
            if (token.isEmpty()) {
                throw new EvidenceFetchException("token endpoint returned no token");
            }
            return token;
        } catch (IOException e) {
            throw new EvidenceFetchException("token endpoint did not return JSON", e);
        }
    }

    /** Parses {@code Bearer key="value",key="value"} with a single left-to-right pass. */
    static Map<String, String> parseBearerChallenge(String header) throws EvidenceFetchException {
        if (header.length() > MAX_CHALLENGE_LENGTH || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new EvidenceFetchException("registry authentication is not a Bearer challenge");
        }
        Map<String, String> parameters = new HashMap<>();
        int i = 7;
        while (i < header.length()) {
            while (i < header.length() && (header.charAt(i) == ' ' || header.charAt(i) == ',')) {
                i++;
            }
            int equals = header.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String key = header.substring(i, equals).trim().toLowerCase(java.util.Locale.ROOT);
            i = equals + 1;
            String value;
            if (i < header.length() && header.charAt(i) == '"') {
                int close = header.indexOf('"', i + 1);
                if (close < 0) {
                    throw new EvidenceFetchException("malformed Bearer challenge");
                }
                value = header.substring(i + 1, close);
                i = close + 1;
            } else {
                int comma = header.indexOf(',', i);
                int end = comma < 0 ? header.length() : comma;
                value = header.substring(i, end).trim();
                i = end;
            }
            parameters.put(key, value);
        }
        return parameters;
    }
}
