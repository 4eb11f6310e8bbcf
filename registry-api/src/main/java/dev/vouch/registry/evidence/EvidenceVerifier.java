package dev.vouch.registry.evidence;

import dev.vouch.provenance.Check;
import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.intoto.Statement;
import dev.vouch.provenance.keys.PublicKeys;
import dev.vouch.provenance.sigstore.DetachedAttestation;
import dev.vouch.provenance.sigstore.DetachedSignature;
import dev.vouch.provenance.sigstore.IdentityPolicy;
import dev.vouch.provenance.sigstore.KeyedEvidence;
import dev.vouch.provenance.sigstore.KeylessEvidence;
import dev.vouch.provenance.sigstore.SigstoreVerifier;
import dev.vouch.registry.policy.PolicyRules;
import dev.vouch.registry.policy.TrustedKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies the evidence of one publish under the namespace's rules, each piece against its target's
 * digest: a keyless piece under each accepted identity in turn, a keyed one under each accepted key.
 * Either way it is one loop over the signers the policy accepts; the first that verifies binds the
 * piece, and when none does the last failure is reported.
 */
final class EvidenceVerifier {

    private final PolicyRules rules;
    private final VerifierCache verifiers;
    private final List<BoundEvidence> verified = new ArrayList<>();
    private final List<String> invalid = new ArrayList<>();

    EvidenceVerifier(PolicyRules rules, VerifierCache verifiers) {
        this.rules = rules;
        this.verifiers = verifiers;
    }

    /** A signer the policy accepts, tried against one piece of evidence. */
    private interface Attempt {
        /** The signer and the signed statement (empty for a plain signature); throws if this signer did not sign. */
        Signed verify(SigstoreVerifier verifier) throws VerificationException;
    }

    private record Signed(Signer signer, Optional<Statement> statement) {}

    /** One way of verifying a piece keylessly under an identity policy. */
    private interface KeylessCheck {
        KeylessEvidence verify(SigstoreVerifier verifier, IdentityPolicy identity) throws VerificationException;
    }

    /** One way of verifying a piece with a key. */
    private interface KeyedCheck {
        KeyedEvidence verify(SigstoreVerifier verifier, PublicKey key) throws VerificationException;
    }

    List<BoundEvidence> verified() {
        return verified;
    }

    List<String> invalid() {
        return invalid;
    }

    void refuse(String problem) {
        invalid.add(problem);
    }

    /** A Sigstore bundle: keyed when its verification material is a public key, keyless otherwise. */
    void bundle(EvidenceTarget target, String source, byte[] bundleJson) {
        boolean managedKey;
        try {
            managedKey = SigstoreVerifier.isManagedKeyBundle(bundleJson);
        } catch (VerificationException e) {
            invalid.add("evidence for " + target.identifier() + " from " + source + " not verified: " + e.getMessage());
            return;
        }
        if (managedKey) {
            keyed(
                    target,
                    source,
                    rules.keys(),
                    (verifier, key) -> verifier.verifyWithKey(bundleJson, key, target.digest()));
        } else {
            keyless(
                    target,
                    source,
                    (verifier, identity) -> verifier.verifyDigest(target.digest(), bundleJson, identity));
        }
    }

    /** A cosign signature; {@code claimedKeyPem} narrows the keys tried to the one the publisher names. */
    void signature(EvidenceTarget target, String source, DetachedSignature signature, Optional<String> claimedKeyPem) {
        if (signature.certificatePem().isPresent()) {
            keyless(
                    target,
                    source,
                    (verifier, identity) -> verifier.verifyDetached(signature, target.digest(), identity));
            return;
        }
        List<TrustedKey> keys = rules.keys();
        if (claimedKeyPem.isPresent()) {
            Optional<TrustedKey> claimed;
            try {
                PublicKey key = PublicKeys.fromPem(claimedKeyPem.get());
                claimed =
                        rules.keys().stream().filter(trusted -> trusted.is(key)).findFirst();
            } catch (VerificationException e) {
                invalid.add("a signature for " + target.identifier() + " from " + source + " names an unreadable key: "
                        + e.getMessage());
                return;
            }
            if (claimed.isEmpty()) {
                invalid.add("a signature for " + target.identifier() + " from " + source
                        + " is by a key the policy does not accept for this namespace");
                return;
            }
            keys = List.of(claimed.get());
        }
        keyed(target, source, keys, (verifier, key) -> verifier.verifyDetached(signature, target.digest(), key));
    }

    /** A cosign attestation (a DSSE envelope beside the image). */
    void attestation(EvidenceTarget target, String source, DetachedAttestation attestation) {
        if (attestation.certificatePem().isPresent()) {
            keyless(
                    target,
                    source,
                    (verifier, identity) -> verifier.verifyDetached(attestation, target.digest(), identity));
        } else {
            keyed(
                    target,
                    source,
                    rules.keys(),
                    (verifier, key) -> verifier.verifyDetached(attestation, target.digest(), key));
        }
    }

    private void keyless(EvidenceTarget target, String source, KeylessCheck check) {
        List<Attempt> attempts = new ArrayList<>();
        for (PolicyRules.Identity identity : rules.identities()) {
            IdentityPolicy policy = identity.subject() != null
                    ? IdentityPolicy.exact(identity.issuer(), identity.subject())
                    : IdentityPolicy.matching(identity.issuer(), identity.subjectPattern());
            attempts.add(verifier -> {
                KeylessEvidence evidence = check.verify(verifier, policy);
                return new Signed(new Signer.Keyless(evidence.signer()), evidence.statement());
            });
        }
        verifyWithAny(
                target,
                source,
                attempts,
                "keyless evidence for " + target.identifier() + " from " + source
                        + " cannot be verified: the policy accepts no identity",
                "not verified: ");
    }

    private void keyed(EvidenceTarget target, String source, List<TrustedKey> keys, KeyedCheck check) {
        List<Attempt> attempts = new ArrayList<>();
        for (TrustedKey key : keys) {
            attempts.add(verifier -> {
                KeyedEvidence evidence = check.verify(verifier, key.key());
                if (key.requireLog() && evidence.loggedAt().isEmpty()) {
                    throw new VerificationException(
                            Check.SIGSTORE,
                            "key " + key.name() + " counts only with a "
                                    + "transparency log entry (cosign's Rekor bundle), and this signature has none");
                }
                return new Signed(new Signer.Key(key.name(), key.fingerprint()), evidence.statement());
            });
        }
        verifyWithAny(
                target,
                source,
                attempts,
                "evidence for " + target.identifier() + " from " + source
                        + " is signed by a key, and the policy accepts no key for this namespace",
                "not verified with the policy's keys: ");
    }

    /** The one verification loop: the first accepted signer that verifies binds the piece. */
    private void verifyWithAny(
            EvidenceTarget target, String source, List<Attempt> attempts, String noSigner, String failedAs) {
        if (attempts.isEmpty()) {
            invalid.add(noSigner);
            return;
        }
        SigstoreVerifier verifier;
        try {
            verifier = verifiers.verifier(rules.trustedRoot());
        } catch (VerificationException e) {
            invalid.add("evidence for " + target.identifier() + " from " + source + " not verified: trusted root "
                    + "unusable: " + e.getMessage());
            return;
        }
        String lastFailure = "";
        for (Attempt attempt : attempts) {
            try {
                Signed signed = attempt.verify(verifier);
                verified.add(StatementContents.of(signed.statement()).bind(target, source, signed.signer()));
                return;
            } catch (VerificationException e) {
                lastFailure = e.getMessage();
            }
        }
        invalid.add("evidence for " + target.identifier() + " from " + source + " " + failedAs + lastFailure);
    }
}
