package dev.vouch.registry.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.provenance.Digest;
import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.fetch.EvidenceFetchException;
import dev.vouch.provenance.fetch.FetchedEvidence;
import dev.vouch.provenance.fetch.NpmAttestationFetcher;
import dev.vouch.provenance.fetch.OciEvidenceFetcher;
import dev.vouch.provenance.intoto.Sbom;
import dev.vouch.provenance.intoto.SlsaProvenance;
import dev.vouch.provenance.intoto.Statement;
import dev.vouch.provenance.sigstore.IdentityPolicy;
import dev.vouch.provenance.sigstore.KeylessEvidence;
import dev.vouch.provenance.sigstore.SigstoreVerifier;
import dev.vouch.registry.policy.PolicyRules;
import dev.vouch.registry.publish.PublishEnvelope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gathers and verifies the evidence for a publish: the Sigstore bundles the publisher sent, and for
 * OCI images pinned by digest, what their registry serves (OCI 1.1 referrers, cosign's legacy tags).
 * For npm packages, the registry's attestations for the exact version. Every bundle is verified against
 * its package's own digest (an OCI image's manifest digest, an npm tarball's SHA-512 integrity, an MCPB
 * file's {@code fileSha256}) and one of the namespace's accepted identities, so evidence for another
 * artifact or by another signer never counts.
 */
public final class EvidenceCollector {

    private final EvidenceSources sources;
    private final Map<Optional<String>, SigstoreVerifier> verifiers = new ConcurrentHashMap<>();

    public EvidenceCollector(EvidenceSources sources) {
        this.sources = sources;
    }

    /** A package of the manifest that evidence can be bound to, and where its registry's evidence lives. */
    private record Target(String identifier, Digest digest, Optional<OciReference> image, Optional<NpmVersion> npm) {
    }

    private record NpmVersion(String name, String version) {
    }

    public EvidenceReport collect(PublishEnvelope envelope, PolicyRules rules) {
        List<BoundEvidence> verified = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        List<Target> targets = targets(envelope.manifest().tree(), !rules.identities().isEmpty(), unavailable);
        for (PublishEnvelope.Attestation sent : envelope.attestations()) {
            Optional<Target> target = targets.stream().filter(t -> t.identifier().equals(sent.packageIdentifier()))
                    .findFirst();
            if (target.isEmpty()) {
                invalid.add("an attestation names package " + sent.packageIdentifier()
                        + ", which the manifest does not pin by digest");
                continue;
            }
            verify(target.get(), "publish envelope", sent.bundleJson(), rules, verified, invalid);
        }
        for (Target target : targets) {
            boolean sentAny = envelope.attestations().stream().anyMatch(a -> a.packageIdentifier().equals(target.identifier()));
            if (sentAny || (target.image().isEmpty() && target.npm().isEmpty())) {
                continue;
            }
            if (rules.identities().isEmpty()) {
                // Nothing fetched could be verified, so fetching would only turn honest signatures into failures.
                unavailable.add("the policy accepts no signer identity, so evidence for " + target.identifier()
                        + " was not fetched");
            } else {
                fetch(target, rules, verified, invalid, unavailable);
            }
        }
        return new EvidenceReport(verified, invalid, unavailable);
    }

    private void fetch(Target target, PolicyRules rules, List<BoundEvidence> verified, List<String> invalid,
                       List<String> unavailable) {
        List<FetchedEvidence> fetched;
        try {
            if (target.image().isPresent()) {
                OciReference image = target.image().get();
                fetched = new OciEvidenceFetcher(sources.ociRegistry(image.registry()), sources.timeout())
                        .fetch(image.repository(), target.digest());
            } else {
                NpmVersion npm = target.npm().orElseThrow();
                fetched = new NpmAttestationFetcher(sources.npmRegistry(), sources.timeout()).fetch(npm.name(), npm.version());
            }
        } catch (EvidenceFetchException e) {
            unavailable.add("evidence for " + target.identifier() + " could not be fetched: " + e.getMessage());
            return;
        }
        if (fetched.isEmpty()) {
            unavailable.add("the registry has no signatures or attestations for " + target.identifier());
        }
        for (FetchedEvidence evidence : fetched) {
            if (evidence instanceof FetchedEvidence.SigstoreBundle bundle) {
                verify(target, bundle.source(), bundle.bundleJson(), rules, verified, invalid);
            } else {
                unavailable.add("cosign's legacy tag evidence for " + target.identifier()
                        + " is not verified by this registry; publish a Sigstore bundle (OCI 1.1 referrer)");
            }
        }
    }

    private void verify(Target target, String source, byte[] bundleJson, PolicyRules rules, List<BoundEvidence> verified,
                        List<String> invalid) {
        if (rules.identities().isEmpty()) {
            invalid.add("evidence for " + target.identifier() + " cannot be verified: the policy accepts no identity");
            return;
        }
        SigstoreVerifier verifier;
        try {
            verifier = verifier(rules.trustedRoot());
        } catch (VerificationException e) {
            invalid.add("trusted root unusable: " + e.getMessage());
            return;
        }
        String lastFailure = "";
        for (PolicyRules.Identity identity : rules.identities()) {
            IdentityPolicy policy = identity.subject() != null
                    ? IdentityPolicy.exact(identity.issuer(), identity.subject())
                    : IdentityPolicy.matching(identity.issuer(), identity.subjectPattern());
            try {
                KeylessEvidence evidence = verifier.verifyDigest(target.digest(), bundleJson, policy);
                verified.add(bound(target, source, evidence));
                return;
            } catch (VerificationException e) {
                lastFailure = e.getMessage();
            }
        }
        invalid.add("evidence for " + target.identifier() + " from " + source + " not verified: " + lastFailure);
    }

    private static BoundEvidence bound(Target target, String source, KeylessEvidence evidence) {
        Optional<Statement> statement = evidence.statement();
        Optional<String> type = statement.map(Statement::predicateType);
        Optional<Sbom> sbom = Optional.empty();
        Optional<SlsaProvenance> provenance = Optional.empty();
        if (statement.isPresent()) {
            try {
                if (Sbom.isSbom(type.get())) {
                    sbom = Optional.of(Sbom.parse(type.get(), statement.get().predicate()));
                } else if (SlsaProvenance.isProvenance(type.get())) {
                    provenance = Optional.of(SlsaProvenance.parse(type.get(), statement.get().predicate()));
                }
            } catch (VerificationException e) {
                // A signed statement whose predicate is malformed proves the signature, nothing more.
            }
        }
        return new BoundEvidence(target.identifier(), target.digest(), evidence.signer(), source, type, sbom, provenance);
    }

    private SigstoreVerifier verifier(Optional<String> trustedRoot) throws VerificationException {
        SigstoreVerifier cached = verifiers.get(trustedRoot);
        if (cached != null) {
            return cached;
        }
        SigstoreVerifier created = trustedRoot.isPresent()
                ? SigstoreVerifier.withTrustedRoot(Path.of(trustedRoot.get()))
                : SigstoreVerifier.withPublicGoodRoot();
        verifiers.put(trustedRoot, created);
        return created;
    }

    /**
     * The manifest's packages that carry a digest to bind evidence to. An npm package's digest is its
     * tarball integrity, asked of the npm registry only when some identity could verify what it serves.
     */
    private List<Target> targets(JsonNode manifest, boolean canVerify, List<String> unavailable) {
        List<Target> targets = new ArrayList<>();
        for (JsonNode pkg : manifest.path("packages")) {
            String type = pkg.path("registryType").asText();
            String identifier = pkg.path("identifier").asText();
            if ("oci".equals(type)) {
                Optional<OciReference> image = OciReference.parse(identifier);
                if (image.isPresent() && image.get().digest().isPresent()) {
                    targets.add(new Target(identifier, image.get().digest().get(), image, Optional.empty()));
                } else {
                    unavailable.add("oci package " + identifier + " is not pinned by digest (@sha256:…)");
                }
            } else if ("mcpb".equals(type) && pkg.path("fileSha256").isTextual()) {
                targets.add(new Target(identifier, Digest.parse("sha256:" + pkg.get("fileSha256").asText()),
                        Optional.empty(), Optional.empty()));
            } else if ("npm".equals(type) && pkg.path("version").isTextual() && canVerify) {
                NpmVersion npm = new NpmVersion(identifier, pkg.get("version").asText());
                try {
                    Digest integrity = new NpmAttestationFetcher(sources.npmRegistry(), sources.timeout())
                            .integrity(npm.name(), npm.version());
                    targets.add(new Target(identifier, integrity, Optional.empty(), Optional.of(npm)));
                } catch (EvidenceFetchException e) {
                    unavailable.add("npm package " + identifier + "@" + npm.version() + ": " + e.getMessage());
                }
            } else if ("npm".equals(type) && pkg.path("version").isTextual()) {
                unavailable.add("the policy accepts no signer identity, so evidence for npm package " + identifier
                        + " was not fetched");
            } else {
                unavailable.add(type + " package " + identifier + " has no digest evidence can be bound to");
            }
        }
        return targets;
    }
}
