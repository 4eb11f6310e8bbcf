package dev.vouch.registry.auth.exchange;

import dev.vouch.registry.auth.NamespaceGrant;
import java.util.List;

/**
 * Who a token exchange proved the caller to be, and what that proof lets it publish.
 *
 * @param method the exchange: {@code github-oidc}, {@code oidc}, {@code http}, {@code dns} or {@code none}
 * @param subject the proven subject: the OIDC {@code sub}, or the domain
 */
public record ProvenIdentity(String method, String subject, List<NamespaceGrant> grants) {

    public ProvenIdentity {
        grants = List.copyOf(grants);
    }
}
