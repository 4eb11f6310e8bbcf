package dev.vouch.registry.evidence;

import dev.vouch.provenance.Digest;
import dev.vouch.provenance.intoto.Sbom;
import dev.vouch.provenance.intoto.SlsaProvenance;
import java.util.Optional;

/**
 * One verified piece of evidence, bound to a package of the manifest by that package's digest: who
 * signed it, and what its statement says (SBOM components, SLSA provenance) when it is an attestation.
 */
public record BoundEvidence(
        String packageIdentifier,
        Digest digest,
        Signer signer,
        String source,
        Optional<String> predicateType,
        Optional<Sbom> sbom,
        Optional<SlsaProvenance> provenance) {}
