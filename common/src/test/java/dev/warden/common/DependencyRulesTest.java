package dev.warden.common;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** common is shared by every service, so it depends on none of them, and its packages on each other one way. */
class DependencyRulesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.warden.common");

    @Test
    void commonDependsOnNoServiceNorOnTestOrToolModules() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.warden.cases..", "dev.warden.detection..",
                "dev.warden.notify..", "dev.warden.simulator..", "dev.warden.testsupport..", "dev.warden.system..")
                .check(MAIN);
    }

    @Test
    void packagesOfCommonAreFreeOfCycles() {
        slices().matching("dev.warden.common.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
