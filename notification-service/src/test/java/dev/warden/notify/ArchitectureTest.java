package dev.warden.notify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Packages depend one way, HTTP lives at the edge, and no other service's code is used. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.warden.notify");

    /** Per package: delivery.rest uses report's RecipientMask while report reads delivery's rows. */
    @Test
    void packagesOfNotificationServiceAreFreeOfCycles() {
        slices().matching("dev.warden.notify.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void restApiLivesOnlyInRestPackages() {
        noClasses().that().resideOutsideOfPackage("..rest..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..")
                .check(MAIN);
    }

    @Test
    void dependsOnNoOtherService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.warden.cases..", "dev.warden.detection..")
                .check(MAIN);
    }
}
