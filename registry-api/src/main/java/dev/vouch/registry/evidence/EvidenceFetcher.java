package dev.vouch.registry.evidence;

import dev.vouch.provenance.Digest;
import dev.vouch.provenance.fetch.EvidenceFetchException;
import dev.vouch.provenance.fetch.FetchedEvidence;
import dev.vouch.provenance.fetch.NpmAttestationFetcher;
import dev.vouch.provenance.fetch.OciEvidenceFetcher;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every network call evidence gathering makes: an npm version's tarball integrity, and the signatures
 * and attestations a package's registry serves (OCI 1.1 referrers and cosign's legacy {@code .sig} and
 * {@code .att} tags; npm's attestations for the exact version). Each call's latency and failure go to
 * the {@link FetchObserver}.
 */
final class EvidenceFetcher {

    private final EvidenceSources sources;
    private final FetchObserver observer;

    EvidenceFetcher(EvidenceSources sources, FetchObserver observer) {
        this.sources = sources;
        this.observer = observer;
    }

    /** The npm tarball's integrity, which npm evidence must cover. */
    EvidenceTarget npmTarget(EvidenceTarget.NpmVersion npm) throws EvidenceFetchException {
        long started = System.nanoTime();
        try {
            Digest integrity = new NpmAttestationFetcher(sources.npmRegistry(), sources.timeout())
                    .integrity(npm.identifier(), npm.version());
            observed("npm", started, false);
            return new EvidenceTarget(npm.identifier(), integrity, Optional.empty(), Optional.of(npm));
        } catch (EvidenceFetchException e) {
            observed("npm", started, true);
            throw e;
        }
    }

    /** What the target's registry serves for its digest; an empty list when it serves nothing. */
    List<FetchedEvidence> fetch(EvidenceTarget target) throws EvidenceFetchException {
        long started = System.nanoTime();
        String registry = target.image().isPresent() ? "oci" : "npm";
        try {
            List<FetchedEvidence> fetched;
            if (target.image().isPresent()) {
                OciReference image = target.image().get();
                fetched = new OciEvidenceFetcher(sources.ociRegistry(image.registry()), sources.timeout())
                        .fetch(image.repository(), target.digest());
            } else {
                EvidenceTarget.NpmVersion npm = target.npm().orElseThrow();
                fetched = new NpmAttestationFetcher(sources.npmRegistry(), sources.timeout())
                        .fetch(npm.identifier(), npm.version());
            }
            observed(registry, started, false);
            return fetched;
        } catch (EvidenceFetchException e) {
            observed(registry, started, true);
            throw e;
        }
    }

    private void observed(String registry, long started, boolean failed) {
        observer.fetched(registry, Duration.ofNanos(System.nanoTime() - started), failed);
    }
}
