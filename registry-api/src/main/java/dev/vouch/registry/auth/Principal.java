package dev.vouch.registry.auth;

import dev.vouch.registry.domain.ServerName;
import java.util.List;

/** Who is acting: a token's id, its role and the names it may write. */
public record Principal(String id, Role role, List<NamespaceGrant> grants) {

    public Principal {
        grants = List.copyOf(grants);
    }

    /** The registry itself, loading its seed catalog on first start. */
    public static Principal seedLoader() {
        return new Principal("system:seed", Role.ADMIN, List.of(new NamespaceGrant(NamespaceGrant.EVERYTHING)));
    }

    public boolean mayWrite(ServerName name) {
        return role == Role.ADMIN || grants.stream().anyMatch(grant -> grant.covers(name));
    }
}
