package dev.vouch.registry.domain.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.registry.domain.Violation;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A remote is reached over the internet by every client, so its URL must be https and must not point
 * at loopback, private, link-local or unspecified addresses. Host names are not resolved: the check
 * is on what the manifest says, and never sends a DNS query for untrusted input.
 */
public final class RemoteUrlRule implements ManifestRule {

    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[a-zA-Z_][a-zA-Z0-9_]*\\}");
    private static final Pattern CANONICAL_IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    // A last label that is a number (decimal, octal or 0x-hex) makes the host an IPv4 address to resolvers.
    private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("(^|\\.)(0x[0-9a-f]*|\\d+)\\.?$");

    @Override
    public List<Violation> check(JsonNode manifest) {
        JsonNode remotes = manifest.get("remotes");
        List<Violation> violations = new ArrayList<>();
        if (remotes == null || !remotes.isArray()) {
            return violations;
        }
        for (int i = 0; i < remotes.size(); i++) {
            JsonNode url = remotes.get(i).get("url");
            if (url != null && url.isTextual()) {
                String problem = problemWith(url.asText());
                if (problem != null) {
                    violations.add(new Violation("/remotes/" + i + "/url", problem));
                }
            }
        }
        return violations;
    }

    private static String problemWith(String url) {
        // Template variables stand for text a client fills in; give them a neutral stand-in to parse.
        String concrete = TEMPLATE_VARIABLE.matcher(url).replaceAll("v");
        URI uri;
        try {
            uri = new URI(concrete);
        } catch (URISyntaxException e) {
            return "remote URL is not a valid URI: " + e.getReason();
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return "remote URL must use https";
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return "remote URL must name a host";
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return "remote URL must not point at loopback (" + host + ")";
        }
        if (host.startsWith("[") || CANONICAL_IPV4.matcher(host).matches()) {
            return addressProblem(host);
        }
        if (NUMERIC_LAST_LABEL.matcher(host).find()) {
            return "remote URL host " + host + " is a numeric address in a non-canonical form";
        }
        return null;
    }

    private static String addressProblem(String literal) {
        InetAddress address;
        try {
            // A literal address is parsed, never looked up.
            address = InetAddress.getByName(
                    literal.startsWith("[") ? literal.substring(1, literal.length() - 1) : literal);
        } catch (UnknownHostException e) {
            return "remote URL host is not a valid address";
        }
        if (address.isLoopbackAddress()) {
            return "remote URL must not point at a loopback address";
        }
        if (address.isAnyLocalAddress()) {
            return "remote URL must not point at an unspecified address";
        }
        if (address.isLinkLocalAddress()) {
            return "remote URL must not point at a link-local address";
        }
        if (address.isSiteLocalAddress() || isUniqueLocalIpv6(address) || isSharedAddressSpace(address)) {
            return "remote URL must not point at a private address";
        }
        return null;
    }

    private static boolean isUniqueLocalIpv6(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }

    private static boolean isSharedAddressSpace(InetAddress address) {
        byte[] bytes = address.getAddress();
        // 100.64.0.0/10, carrier-grade NAT: private in practice.
        return bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }
}
