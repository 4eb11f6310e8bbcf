package dev.vouch.registry.evidence;

import dev.vouch.provenance.sigstore.SignerIdentity;

/** Who signed a piece of evidence: a keyless identity from its certificate, or a key the policy names. */
public sealed interface Signer {

    /** One line for a check's detail. */
    String describe();

    /** A keyless signer, as its Fulcio certificate names it. */
    record Keyless(SignerIdentity identity) implements Signer {
        @Override
        public String describe() {
            return identity.subject() + " (issuer " + identity.issuer() + ")";
        }
    }

    /** A signing key the policy accepts, by the name the policy gives it. */
    record Key(String name, String fingerprint) implements Signer {
        @Override
        public String describe() {
            return "key " + name + " (" + fingerprint + ")";
        }
    }
}
