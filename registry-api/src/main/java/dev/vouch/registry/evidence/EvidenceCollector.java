package dev.vouch.registry.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.provenance.fetch.EvidenceFetchException;
import dev.vouch.provenance.fetch.FetchedEvidence;
import dev.vouch.provenance.sigstore.DetachedAttestation;
import dev.vouch.provenance.sigstore.DetachedSignature;
import dev.vouch.registry.policy.PolicyRules;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Gathers and verifies the evidence for a publish, in three steps: the manifest's packages become
 * targets ({@link TargetResolver}; an npm package's integrity is looked up as its own step), the
 * registries of targets the publisher sent nothing for are asked ({@link EvidenceFetcher}), and every
 * piece, sent or fetched, is verified against its target's digest and one of the namespace's accepted
 * identities or keys ({@link EvidenceVerifier}), so evidence for another artifact or by another signer
 * never counts.
 */
public final class EvidenceCollector {

    private final EvidenceFetcher fetcher;
    private final VerifierCache verifiers = new VerifierCache();

    public EvidenceCollector(EvidenceSources sources) {
        this(sources, FetchObserver.NONE);
    }

    /** A collector that reports each fetch's latency and failure to {@code observer}. */
    public EvidenceCollector(EvidenceSources sources, FetchObserver observer) {
        this.fetcher = new EvidenceFetcher(sources, observer);
    }

    /** Gathers and verifies the evidence for {@code manifest}'s packages, starting with what was sent. */
    public EvidenceReport collect(JsonNode manifest, SentEvidence sent, PolicyRules rules) {
        TargetResolver.Resolution resolution = TargetResolver.resolve(manifest, rules.acceptsAnySigner());
        List<String> unavailable = new ArrayList<>(resolution.unavailable());
        List<EvidenceTarget> targets = new ArrayList<>(resolution.pinned());
        for (EvidenceTarget.NpmVersion npm : resolution.npmLookups()) {
            try {
                targets.add(fetcher.npmTarget(npm));
            } catch (EvidenceFetchException e) {
                unavailable.add("npm package " + npm.identifier() + "@" + npm.version() + ": " + e.getMessage());
            }
        }
        EvidenceVerifier verifier = new EvidenceVerifier(rules, verifiers);
        for (SentEvidence.Attestation attestation : sent.attestations()) {
            target(targets, attestation.packageIdentifier(), "an attestation", verifier)
                    .ifPresent(target -> verifier.bundle(target, "publish envelope", attestation.bundleJson()));
        }
        for (SentEvidence.Signature signature : sent.signatures()) {
            target(targets, signature.packageIdentifier(), "a signature", verifier)
                    .ifPresent(target ->
                            verifier.signature(target, "publish envelope", signature.signature(), signature.keyPem()));
        }
        for (EvidenceTarget target : targets) {
            if (sent.sentFor(target.identifier()) || !target.fetchable()) {
                continue;
            }
            if (!rules.acceptsAnySigner()) {
                // Nothing fetched could be verified, so fetching would only turn honest signatures into failures.
                unavailable.add("the policy accepts no signer identity or key, so evidence for " + target.identifier()
                        + " was not fetched");
                continue;
            }
            try {
                List<FetchedEvidence> fetched = fetcher.fetch(target);
                if (fetched.isEmpty()) {
                    unavailable.add("the registry has no signatures or attestations for " + target.identifier());
                }
                fetched.forEach(evidence -> verifyFetched(target, evidence, verifier));
            } catch (EvidenceFetchException e) {
                unavailable.add("evidence for " + target.identifier() + " could not be fetched: " + e.getMessage());
            }
        }
        return new EvidenceReport(verifier.verified(), verifier.invalid(), unavailable);
    }

    private static Optional<EvidenceTarget> target(
            List<EvidenceTarget> targets, String identifier, String what, EvidenceVerifier verifier) {
        Optional<EvidenceTarget> target =
                targets.stream().filter(t -> t.identifier().equals(identifier)).findFirst();
        if (target.isEmpty()) {
            verifier.refuse(what + " names package " + identifier + ", which the manifest does not pin by digest");
        }
        return target;
    }

    private static void verifyFetched(EvidenceTarget target, FetchedEvidence evidence, EvidenceVerifier verifier) {
        if (evidence instanceof FetchedEvidence.SigstoreBundle bundle) {
            verifier.bundle(target, bundle.source(), bundle.bundleJson());
        } else if (evidence instanceof FetchedEvidence.CosignSignature signature) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(signature.signatureBase64());
            } catch (IllegalArgumentException e) {
                verifier.refuse("evidence for " + target.identifier() + " from " + signature.source()
                        + " not verified: its signature annotation is not base64");
                return;
            }
            verifier.signature(
                    target,
                    signature.source(),
                    new DetachedSignature(
                            Optional.of(signature.payload()),
                            raw,
                            signature.certificatePem(),
                            signature.chainPem(),
                            signature.rekorBundleJson()),
                    Optional.empty());
        } else if (evidence instanceof FetchedEvidence.CosignAttestation attestation) {
            verifier.attestation(
                    target,
                    attestation.source(),
                    new DetachedAttestation(
                            attestation.envelopeJson(),
                            attestation.certificatePem(),
                            attestation.chainPem(),
                            attestation.rekorBundleJson()));
        }
    }
}
