package dev.warden.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The contracts are what producers outside Warden compile against: plain records and a parser on the JDK
 * and Jackson, depending on no Warden service, no framework and not on common.
 */
class DependencyRulesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.warden.contracts");

    @Test
    void contractsDependOnlyOnTheJdkJacksonAndTheSchemaValidator() {
        // the validator checks incoming records against the schemas contracts publishes
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.fasterxml.jackson..", "com.networknt.schema..", "dev.warden.contracts..")
                .check(MAIN);
    }

    @Test
    void packagesOfContractsAreFreeOfCycles() {
        slices().matching("dev.warden.contracts.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
