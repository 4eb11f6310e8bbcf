package dev.vouch.provenance.intoto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.provenance.Check;
import dev.vouch.provenance.JsonMappers;
import dev.vouch.provenance.VerificationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The components an SPDX or CycloneDX SBOM lists, as package URLs with versions. */
public record Sbom(Format format, List<Component> components) {

    public enum Format {
        SPDX,
        CYCLONEDX
    }

    /** One component: its package URL (when the SBOM gives one), name and version. */
    public record Component(String purl, String name, String version) {}

    public static final String SPDX = "https://spdx.dev/Document";
    public static final String CYCLONEDX = "https://cyclonedx.org/bom";
    private static final ObjectMapper JSON = JsonMappers.JSON;

    public Sbom {
        components = List.copyOf(components);
    }

    public static boolean isSbom(String predicateType) {
        return predicateType.startsWith(SPDX) || predicateType.startsWith(CYCLONEDX);
    }

    public static Sbom parse(String predicateType, JsonNode predicate) throws VerificationException {
        JsonNode document = predicate;
        if (predicate.isTextual()) {
            // cosign's SPDX form: the predicate is the SBOM document as a JSON string.
            try {
                document = JSON.readTree(predicate.asText());
            } catch (IOException e) {
                throw new VerificationException(Check.PREDICATE_FORMAT, "SBOM predicate string is not JSON", e);
            }
        }
        if (document.has("Data") && document.path("Data").isObject()) {
            document = document.get("Data");
        }
        return predicateType.startsWith(SPDX) ? spdx(document) : cyclonedx(document);
    }

    private static Sbom spdx(JsonNode document) throws VerificationException {
        if (!document.path("spdxVersion").isTextual()) {
            throw new VerificationException(Check.PREDICATE_FORMAT, "SPDX predicate has no spdxVersion");
        }
        List<Component> components = new ArrayList<>();
        for (JsonNode pkg : document.path("packages")) {
            String purl = "";
            for (JsonNode ref : pkg.path("externalRefs")) {
                if ("purl".equals(ref.path("referenceType").asText())) {
                    purl = ref.path("referenceLocator").asText();
                }
            }
            components.add(new Component(
                    purl, pkg.path("name").asText(""), pkg.path("versionInfo").asText("")));
        }
        return new Sbom(Format.SPDX, components);
    }

    private static Sbom cyclonedx(JsonNode document) throws VerificationException {
        if (!"CycloneDX".equals(document.path("bomFormat").asText())) {
            throw new VerificationException(Check.PREDICATE_FORMAT, "CycloneDX predicate has no bomFormat CycloneDX");
        }
        List<Component> components = new ArrayList<>();
        collect(document.path("components"), components);
        return new Sbom(Format.CYCLONEDX, components);
    }

    private static void collect(JsonNode array, List<Component> out) {
        for (JsonNode component : array) {
            out.add(new Component(
                    component.path("purl").asText(""),
                    component.path("name").asText(""),
                    component.path("version").asText("")));
            collect(component.path("components"), out);
        }
    }
}
