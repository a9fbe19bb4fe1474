package dev.warden.cases;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Feature packages depend downwards only, and HTTP lives at the edge. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.warden.cases");

    @Test
    void packagesOfCaseServiceAreFreeOfCycles() {
        slices().matching("dev.warden.cases.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void restApiLivesOnlyInTheRestPackage() {
        noClasses().that().resideOutsideOfPackage("..rest..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..")
                .check(MAIN);
    }

    @Test
    void onlyTheRestEdgeSpeaksInHttpProblems() {
        noClasses().that().resideOutsideOfPackage("..rest..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.warden.common.problem..", "jakarta.ws.rs..")
                .because("use cases throw DomainException; DomainProblems maps it to RFC 9457 at the edge")
                .check(MAIN);
    }
}
