package dev.warden.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import dev.warden.testsupport.arch.NetworkInTransaction;

/** No SMTP or Kafka call while a database transaction is open (the rule's own test is in case-service). */
class TransactionBoundaryTest {

    @Test
    void noMainClassReachesANetworkCallWhileATransactionIsOpen() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.warden.notify", "dev.warden.common");
        assertThat(NetworkInTransaction.transactionalEntryPoints(main)).as("transactional entry points seen")
                .isGreaterThan(10);
        assertThat(NetworkInTransaction.violations(main)).isEmpty();
    }
}
