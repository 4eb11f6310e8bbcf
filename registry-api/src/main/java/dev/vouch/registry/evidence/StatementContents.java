package dev.vouch.registry.evidence;

import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.intoto.Sbom;
import dev.vouch.provenance.intoto.SlsaProvenance;
import dev.vouch.provenance.intoto.Statement;
import java.util.Optional;

/**
 * What a verified in-toto statement says that the policy reads: the SBOM's components or the SLSA
 * provenance, by its predicate type. A signed statement whose predicate is malformed proves the
 * signature and nothing more, so it reads as neither.
 */
record StatementContents(Optional<String> predicateType, Optional<Sbom> sbom, Optional<SlsaProvenance> provenance) {

    static final StatementContents NONE = new StatementContents(Optional.empty(), Optional.empty(), Optional.empty());

    static StatementContents of(Optional<Statement> statement) {
        if (statement.isEmpty()) {
            return NONE;
        }
        String type = statement.get().predicateType();
        try {
            if (Sbom.isSbom(type)) {
                return new StatementContents(
                        Optional.of(type),
                        Optional.of(Sbom.parse(type, statement.get().predicate())),
                        Optional.empty());
            }
            if (SlsaProvenance.isProvenance(type)) {
                return new StatementContents(
                        Optional.of(type),
                        Optional.empty(),
                        Optional.of(SlsaProvenance.parse(type, statement.get().predicate())));
            }
        } catch (VerificationException e) {
            // Malformed predicate: the statement still counts as a signature, below.
        }
        return new StatementContents(Optional.of(type), Optional.empty(), Optional.empty());
    }

    BoundEvidence bind(EvidenceTarget target, String source, Signer signer) {
        return new BoundEvidence(target.identifier(), target.digest(), signer, source, predicateType, sbom, provenance);
    }
}
