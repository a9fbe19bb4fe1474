package dev.warden.detection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** HTTP lives at the edge (the rest packages), and no other service's code is used. */
class RestEdgeTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.warden.detection");

    @Test
    void restApiLivesOnlyInRestPackages() {
        noClasses().that().resideOutsideOfPackage("..rest..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..")
                .check(classes);
    }

    @Test
    void dependsOnNoOtherService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.warden.cases..", "dev.warden.notify..")
                .check(classes);
    }
}
