package dev.vouch.registry.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.provenance.Check;
import dev.vouch.provenance.Digest;
import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.fetch.EvidenceFetchException;
import dev.vouch.provenance.fetch.FetchedEvidence;
import dev.vouch.provenance.fetch.NpmAttestationFetcher;
import dev.vouch.provenance.fetch.OciEvidenceFetcher;
import dev.vouch.provenance.intoto.Sbom;
import dev.vouch.provenance.intoto.SlsaProvenance;
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
import dev.vouch.registry.publish.PublishEnvelope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gathers and verifies the evidence for a publish: the Sigstore bundles and cosign signatures the
 * publisher sent, and for OCI images pinned by digest, what their registry serves (OCI 1.1 referrers,
 * cosign's legacy {@code .sig} and {@code .att} tags). For npm packages, the registry's attestations for
 * the exact version. Every piece is verified against its package's own digest (an OCI image's manifest
 * digest, an npm tarball's SHA-512 integrity, an MCPB file's {@code fileSha256}) and one of the
 * namespace's accepted identities (keyless) or keys, so evidence for another artifact or by another
 * signer never counts.
 */
public final class EvidenceCollector {

    private final EvidenceSources sources;
    private final FetchObserver observer;
    private final Map<Optional<String>, CachedVerifier> verifiers = new ConcurrentHashMap<>();

    /** A verifier and the modification time of the trusted-root file it was read from. */
    private record CachedVerifier(SigstoreVerifier verifier, Optional<FileTime> modified) {
    }

    public EvidenceCollector(EvidenceSources sources) {
        this(sources, FetchObserver.NONE);
    }

    /** A collector that reports each fetch's latency and failure to {@code observer}. */
    public EvidenceCollector(EvidenceSources sources, FetchObserver observer) {
        this.sources = sources;
        this.observer = observer;
    }

    /** A package of the manifest that evidence can be bound to, and where its registry's evidence lives. */
    private record Target(String identifier, Digest digest, Optional<OciReference> image, Optional<NpmVersion> npm) {
    }

    private record NpmVersion(String name, String version) {
    }

    public EvidenceReport collect(PublishEnvelope envelope, PolicyRules rules) {
        Collected collected = new Collected(rules);
        List<Target> targets = targets(envelope.manifest().tree(), rules.acceptsAnySigner(), collected.unavailable);
        for (PublishEnvelope.Attestation sent : envelope.attestations()) {
            target(targets, sent.packageIdentifier(), "an attestation", collected)
                    .ifPresent(target -> collected.bundle(target, "publish envelope", sent.bundleJson()));
        }
        for (PublishEnvelope.Signature sent : envelope.signatures()) {
            target(targets, sent.packageIdentifier(), "a signature", collected)
                    .ifPresent(target -> collected.signature(target, "publish envelope", sent.signature(), sent.keyPem()));
        }
        for (Target target : targets) {
            if (envelope.sentEvidenceFor(target.identifier()) || (target.image().isEmpty() && target.npm().isEmpty())) {
                continue;
            }
            if (!rules.acceptsAnySigner()) {
                // Nothing fetched could be verified, so fetching would only turn honest signatures into failures.
                collected.unavailable.add("the policy accepts no signer identity or key, so evidence for "
                        + target.identifier() + " was not fetched");
            } else {
                fetch(target, collected);
            }
        }
        return new EvidenceReport(collected.verified, collected.invalid, collected.unavailable);
    }

    private static Optional<Target> target(List<Target> targets, String identifier, String what, Collected collected) {
        Optional<Target> target = targets.stream().filter(t -> t.identifier().equals(identifier)).findFirst();
        if (target.isEmpty()) {
            collected.invalid.add(what + " names package " + identifier + ", which the manifest does not pin by digest");
        }
        return target;
    }

    private void fetch(Target target, Collected collected) {
        List<FetchedEvidence> fetched;
        long started = System.nanoTime();
        String registry = target.image().isPresent() ? "oci" : "npm";
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
            observer.fetched(registry, Duration.ofNanos(System.nanoTime() - started), true);
            collected.unavailable.add("evidence for " + target.identifier() + " could not be fetched: " + e.getMessage());
            return;
        }
        observer.fetched(registry, Duration.ofNanos(System.nanoTime() - started), false);
        if (fetched.isEmpty()) {
            collected.unavailable.add("the registry has no signatures or attestations for " + target.identifier());
        }
        for (FetchedEvidence evidence : fetched) {
            if (evidence instanceof FetchedEvidence.SigstoreBundle bundle) {
                collected.bundle(target, bundle.source(), bundle.bundleJson());
            } else if (evidence instanceof FetchedEvidence.CosignSignature signature) {
                byte[] raw;
                try {
                    raw = Base64.getDecoder().decode(signature.signatureBase64());
                } catch (IllegalArgumentException e) {
                    collected.invalid.add("evidence for " + target.identifier() + " from " + signature.source()
                            + " not verified: its signature annotation is not base64");
                    continue;
                }
                collected.signature(target, signature.source(), new DetachedSignature(Optional.of(signature.payload()),
                        raw, signature.certificatePem(), signature.chainPem(), signature.rekorBundleJson()),
                        Optional.empty());
            } else if (evidence instanceof FetchedEvidence.CosignAttestation attestation) {
                collected.attestation(target, attestation.source(), new DetachedAttestation(attestation.envelopeJson(),
                        attestation.certificatePem(), attestation.chainPem(), attestation.rekorBundleJson()));
            }
        }
    }

    /** One way of verifying a piece of evidence keylessly, under one identity policy. */
    private interface KeylessCheck {
        KeylessEvidence verify(SigstoreVerifier verifier, IdentityPolicy identity) throws VerificationException;
    }

    /** One way of verifying a piece of evidence with one key. */
    private interface KeyedCheck {
        KeyedEvidence verify(SigstoreVerifier verifier, PublicKey key) throws VerificationException;
    }

    /** What one collection found so far, and the verification it does under the namespace's rules. */
    private final class Collected {
        private final PolicyRules rules;
        private final List<BoundEvidence> verified = new ArrayList<>();
        private final List<String> invalid = new ArrayList<>();
        private final List<String> unavailable = new ArrayList<>();

        Collected(PolicyRules rules) {
            this.rules = rules;
        }

        void bundle(Target target, String source, byte[] bundleJson) {
            boolean managedKey;
            try {
                managedKey = SigstoreVerifier.isManagedKeyBundle(bundleJson);
            } catch (VerificationException e) {
                invalid.add("evidence for " + target.identifier() + " from " + source + " not verified: " + e.getMessage());
                return;
            }
            if (managedKey) {
                keyed(target, source, rules.keys(), (verifier, key) -> verifier.verifyWithKey(bundleJson, key, target.digest()));
            } else {
                keyless(target, source, (verifier, identity) -> verifier.verifyDigest(target.digest(), bundleJson, identity));
            }
        }

        void signature(Target target, String source, DetachedSignature signature, Optional<String> claimedKeyPem) {
            if (signature.certificatePem().isPresent()) {
                keyless(target, source, (verifier, identity) -> verifier.verifyDetached(signature, target.digest(), identity));
                return;
            }
            List<TrustedKey> keys = rules.keys();
            if (claimedKeyPem.isPresent()) {
                Optional<TrustedKey> claimed;
                try {
                    PublicKey key = PublicKeys.fromPem(claimedKeyPem.get());
                    claimed = rules.keys().stream().filter(trusted -> trusted.is(key)).findFirst();
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

        void attestation(Target target, String source, DetachedAttestation attestation) {
            if (attestation.certificatePem().isPresent()) {
                keyless(target, source, (verifier, identity) -> verifier.verifyDetached(attestation, target.digest(), identity));
            } else {
                keyed(target, source, rules.keys(), (verifier, key) -> verifier.verifyDetached(attestation, target.digest(), key));
            }
        }

        private void keyless(Target target, String source, KeylessCheck check) {
            if (rules.identities().isEmpty()) {
                invalid.add("keyless evidence for " + target.identifier() + " from " + source
                        + " cannot be verified: the policy accepts no identity");
                return;
            }
            Optional<SigstoreVerifier> verifier = verifier(target, source);
            if (verifier.isEmpty()) {
                return;
            }
            String lastFailure = "";
            for (PolicyRules.Identity identity : rules.identities()) {
                IdentityPolicy policy = identity.subject() != null
                        ? IdentityPolicy.exact(identity.issuer(), identity.subject())
                        : IdentityPolicy.matching(identity.issuer(), identity.subjectPattern());
                try {
                    KeylessEvidence evidence = check.verify(verifier.get(), policy);
                    verified.add(bound(target, source, new Signer.Keyless(evidence.signer()), evidence.statement()));
                    return;
                } catch (VerificationException e) {
                    lastFailure = e.getMessage();
                }
            }
            invalid.add("evidence for " + target.identifier() + " from " + source + " not verified: " + lastFailure);
        }

        private void keyed(Target target, String source, List<TrustedKey> keys, KeyedCheck check) {
            if (keys.isEmpty()) {
                invalid.add("evidence for " + target.identifier() + " from " + source
                        + " is signed by a key, and the policy accepts no key for this namespace");
                return;
            }
            Optional<SigstoreVerifier> verifier = verifier(target, source);
            if (verifier.isEmpty()) {
                return;
            }
            String lastFailure = "";
            for (TrustedKey key : keys) {
                try {
                    KeyedEvidence evidence = check.verify(verifier.get(), key.key());
                    if (key.requireLog() && evidence.loggedAt().isEmpty()) {
                        lastFailure = "key " + key.name() + " counts only with a transparency log entry (cosign's Rekor "
                                + "bundle), and this signature has none";
                        continue;
                    }
                    verified.add(bound(target, source, new Signer.Key(key.name(), key.fingerprint()), evidence.statement()));
                    return;
                } catch (VerificationException e) {
                    lastFailure = e.getMessage();
                }
            }
            invalid.add("evidence for " + target.identifier() + " from " + source + " not verified with the policy's "
                    + "keys: " + lastFailure);
        }

        private Optional<SigstoreVerifier> verifier(Target target, String source) {
            try {
                return Optional.of(EvidenceCollector.this.verifier(rules.trustedRoot()));
            } catch (VerificationException e) {
                invalid.add("evidence for " + target.identifier() + " from " + source + " not verified: trusted root "
                        + "unusable: " + e.getMessage());
                return Optional.empty();
            }
        }
    }

    private static BoundEvidence bound(Target target, String source, Signer signer, Optional<Statement> statement) {
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
        return new BoundEvidence(target.identifier(), target.digest(), signer, source, type, sbom, provenance);
    }

    /**
     * The verifier for a trusted root, read again when the file changes: an operator rotating keys
     * replaces trusted_root.json and expects the next publish to use it, as it does a policy edit.
     */
    private SigstoreVerifier verifier(Optional<String> trustedRoot) throws VerificationException {
        Optional<FileTime> modified = Optional.empty();
        if (trustedRoot.isPresent()) {
            try {
                modified = Optional.of(Files.getLastModifiedTime(Path.of(trustedRoot.get())));
            } catch (IOException e) {
                throw new VerificationException(Check.BUNDLE_FORMAT, "cannot read trusted root " + trustedRoot.get(), e);
            }
        }
        CachedVerifier cached = verifiers.get(trustedRoot);
        if (cached != null && cached.modified().equals(modified)) {
            return cached.verifier();
        }
        SigstoreVerifier created = trustedRoot.isPresent()
                ? SigstoreVerifier.withTrustedRoot(Path.of(trustedRoot.get()))
                : SigstoreVerifier.withPublicGoodRoot();
        verifiers.put(trustedRoot, new CachedVerifier(created, modified));
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
                long started = System.nanoTime();
                try {
                    Digest integrity = new NpmAttestationFetcher(sources.npmRegistry(), sources.timeout())
                            .integrity(npm.name(), npm.version());
                    observer.fetched("npm", Duration.ofNanos(System.nanoTime() - started), false);
                    targets.add(new Target(identifier, integrity, Optional.empty(), Optional.of(npm)));
                } catch (EvidenceFetchException e) {
                    observer.fetched("npm", Duration.ofNanos(System.nanoTime() - started), true);
                    unavailable.add("npm package " + identifier + "@" + npm.version() + ": " + e.getMessage());
                }
            } else if ("npm".equals(type) && pkg.path("version").isTextual()) {
                unavailable.add("the policy accepts no signer identity or key, so evidence for npm package " + identifier
                        + " was not fetched");
            } else {
                unavailable.add(type + " package " + identifier + " has no digest evidence can be bound to");
            }
        }
        return targets;
    }
}
