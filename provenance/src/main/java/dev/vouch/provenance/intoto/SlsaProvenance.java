package dev.vouch.provenance.intoto;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.provenance.Check;
import dev.vouch.provenance.VerificationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What SLSA provenance (v1 or v0.2) says about a build: who built it, from which source repository
 * and ref, with which inputs.
 */
public record SlsaProvenance(
        String builderId,
        Optional<String> buildType,
        Optional<String> sourceRepository,
        Optional<String> sourceRef,
        List<String> resolvedDependencies) {

    public static final String V1 = "https://slsa.dev/provenance/v1";
    public static final String V0_2 = "https://slsa.dev/provenance/v0.2";

    public SlsaProvenance {
        resolvedDependencies = List.copyOf(resolvedDependencies);
    }

    public static boolean isProvenance(String predicateType) {
        return V1.equals(predicateType) || V0_2.equals(predicateType);
    }

    public static SlsaProvenance parse(String predicateType, JsonNode predicate) throws VerificationException {
        return V1.equals(predicateType) ? v1(predicate) : v02(predicate);
    }

    private static SlsaProvenance v1(JsonNode predicate) throws VerificationException {
        String builder = predicate.path("runDetails").path("builder").path("id").asText("");
        if (builder.isEmpty()) {
            throw new VerificationException(Check.PREDICATE_FORMAT, "SLSA v1 provenance has no runDetails.builder.id");
        }
        JsonNode build = predicate.path("buildDefinition");
        JsonNode external = build.path("externalParameters");
        JsonNode workflow = external.path("workflow");
        Optional<String> repository = text(workflow.path("repository"))
                .or(() -> text(external.path("source").path("uri")))
                .or(() -> text(external.path("repository")));
        Optional<String> ref = text(workflow.path("ref")).or(() -> text(external.path("ref")));
        List<String> dependencies = new ArrayList<>();
        for (JsonNode dependency : build.path("resolvedDependencies")) {
            text(dependency.path("uri")).ifPresent(dependencies::add);
        }
        return new SlsaProvenance(
                builder, text(build.path("buildType")), repository.map(SlsaProvenance::stripGit), ref, dependencies);
    }

    private static SlsaProvenance v02(JsonNode predicate) throws VerificationException {
        String builder = predicate.path("builder").path("id").asText("");
        if (builder.isEmpty()) {
            throw new VerificationException(Check.PREDICATE_FORMAT, "SLSA v0.2 provenance has no builder.id");
        }
        JsonNode source = predicate.path("invocation").path("configSource");
        Optional<String> uri = text(source.path("uri"));
        Optional<String> repository = uri.map(u -> u.startsWith("git+") ? u.substring(4) : u)
                .map(u -> u.contains("@") ? u.substring(0, u.indexOf('@')) : u)
                .map(SlsaProvenance::stripGit);
        Optional<String> ref = uri.filter(u -> u.contains("@")).map(u -> u.substring(u.indexOf('@') + 1));
        List<String> dependencies = new ArrayList<>();
        for (JsonNode material : predicate.path("materials")) {
            text(material.path("uri")).ifPresent(dependencies::add);
        }
        return new SlsaProvenance(builder, text(predicate.path("buildType")), repository, ref, dependencies);
    }

    private static String stripGit(String uri) {
        String plain = uri.startsWith("git+") ? uri.substring(4) : uri;
        return plain.endsWith(".git") ? plain.substring(0, plain.length() - 4) : plain;
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }
}
