package dev.vouch.registry.policy;

import dev.vouch.provenance.keys.PublicKeys;
import java.security.PublicKey;

/**
 * A public key the operator accepts signatures from for a namespace (cosign {@code sign --key}), by the
 * name the policy gives it; answers show the name and the key's fingerprint.
 *
 * @param requireLog whether its signatures count only with a transparency log entry, as cosign
 *                   requires by default: a stolen key then cannot sign unseen. A policy turns this
 *                   off per key for signers without access to a log.
 */
public record TrustedKey(String name, PublicKey key, boolean requireLog) {

    public String fingerprint() {
        return PublicKeys.fingerprint(key);
    }

    /** Whether {@code other} is this very key (the same SubjectPublicKeyInfo). */
    public boolean is(PublicKey other) {
        return java.util.Arrays.equals(key.getEncoded(), other.getEncoded());
    }
}
