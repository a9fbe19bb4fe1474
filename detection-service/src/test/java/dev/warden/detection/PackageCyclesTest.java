package dev.warden.detection;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The detection stages depend one way: validation, account state, features, campaign, rules; the wiring on top. */
class PackageCyclesTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.warden.detection");

    @Test
    void detectionPackagesAreFreeOfCycles() {
        slices().matching("dev.warden.detection.(*)..").should().beFreeOfCycles().check(classes);
    }
}
