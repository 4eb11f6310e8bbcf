package dev.vouch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.security.MessageDigest;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering the README's architecture section describes, checked on the compiled main classes of
 * every module (registry-api depends on all of them, so its test classpath sees them all).
 */
class ArchitectureTest {

    private static final String[] LIBRARIES = {
        "dev.vouch.scanner..", "dev.vouch.provenance..", "dev.vouch.store..", "dev.vouch.openapi..", "dev.vouch.seed.."
    };
    private static final String[] SQL = {
        "org.jooq..", "java.sql..", "javax.sql..", "org.flywaydb..", "com.zaxxer.hikari..", "org.sqlite.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // The other modules arrive as jars in a reactor build; their test jars (fixtures) are left out.
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.vouch");
    }

    @Test
    void librariesNeverDependOnTheRegistryApi() {
        noClasses()
                .that()
                .resideInAnyPackage(LIBRARIES)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.vouch.registry..")
                .check(classes);
    }

    @Test
    void httpHandlersReachStorageOnlyThroughServices() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.vouch.registry.http..", "dev.vouch.registry.web..")
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Repository")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.vouch.store.Store")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.vouch.store.Database")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.vouch.store.CatalogSearch")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage(SQL)
                .check(classes);
    }

    @Test
    void sqlAndJooqLiveOnlyInRegistryStore() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.vouch.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(SQL)
                .check(classes);
    }

    /**
     * Each module's one home for building Jackson mappers and for hashing. registry-store hashes in one
     * place (the audit chain) and seed-catalog reads JSON in one place, so that place is the home.
     */
    private static final DescribedPredicate<JavaClass> HOMES = JavaClass.Predicates.belongToAnyOf(
            dev.vouch.registry.domain.JsonMappers.class, dev.vouch.registry.domain.Digests.class,
            dev.vouch.provenance.JsonMappers.class, dev.vouch.provenance.Hashes.class,
            dev.vouch.scanner.JsonMappers.class, dev.vouch.scanner.Hashes.class,
            dev.vouch.store.AuditRecord.class, dev.vouch.seed.SeedCatalog.class);

    private static final Set<String> MAPPER_TYPES =
            Set.of(ObjectMapper.class.getName(), JsonMapper.class.getName(), YAMLMapper.class.getName());

    @Test
    void objectMappersAreBuiltOnlyInEachModulesHome() {
        // Library classes are stubs without their hierarchy (archunit.properties), so mappers go by name.
        DescribedPredicate<JavaCall<?>> buildsMapper = DescribedPredicate.describe(
                "builds a Jackson mapper",
                call -> MAPPER_TYPES.contains(call.getTargetOwner().getName())
                        && (call instanceof JavaConstructorCall
                                || call.getName().equals("builder")));
        noClasses()
                .that(DescribedPredicate.not(HOMES))
                .should()
                .callCodeUnitWhere(buildsMapper)
                .check(classes);
    }

    @Test
    void bytesAreHashedOnlyInEachModulesHome() {
        DescribedPredicate<JavaCall<?>> hashes = DescribedPredicate.describe(
                "gets a MessageDigest",
                call -> call.getTargetOwner().isEquivalentTo(MessageDigest.class)
                        && call.getName().equals("getInstance"));
        noClasses()
                .that(DescribedPredicate.not(HOMES))
                .should()
                .callCodeUnitWhere(hashes)
                .check(classes);
    }

    // A module's root package (its facade and value types: Scanner and Finding, Digest and
    // VerificationException, Registry) is in no slice: subpackages use its value types and the facade
    // wires the subpackages, both by design. registry-store has no subpackages to check.

    @Test
    void registryApiPackagesAreFreeOfCycles() {
        slices().matching("dev.vouch.registry.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void scannerPackagesAreFreeOfCycles() {
        slices().matching("dev.vouch.scanner.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void provenancePackagesAreFreeOfCycles() {
        slices().matching("dev.vouch.provenance.(**)").should().beFreeOfCycles().check(classes);
    }
}
