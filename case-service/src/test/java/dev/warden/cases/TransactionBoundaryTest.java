package dev.warden.cases;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import dev.warden.testsupport.arch.NetworkInTransaction;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** No network call while a database transaction is open: claim, send outside, record in another. */
class TransactionBoundaryTest {

    @Test
    void noMainClassReachesANetworkCallWhileATransactionIsOpen() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.warden.cases", "dev.warden.common");
        assertThat(NetworkInTransaction.transactionalEntryPoints(main)).as("transactional entry points seen")
                .isGreaterThan(20);
        assertThat(NetworkInTransaction.violations(main)).isEmpty();
    }

    @Test
    void findsASendReachedFromATransactionalMethodOrFromATransactionLambda() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(Sender.class, SendsInTransaction.class,
                SendsInTransactionLambda.class, Store.class, SendsAfterTheTransaction.class);
        assertThat(NetworkInTransaction.violations(fixtures)).hasSize(2)
                .anyMatch(v -> v.startsWith("SendsInTransaction.save() -> Sender.publish() -> Emitter.send"))
                .anyMatch(v -> v.startsWith("SendsInTransactionLambda.save() -> Sender.publish() -> Emitter.send"))
                .noneMatch(v -> v.contains("SendsAfterTheTransaction"));
    }

    static class Sender {
        Emitter<String> emitter;

        void publish(String s) {
            emitter.send(s);
        }
    }

    static class SendsInTransaction {
        Sender sender;

        @Transactional
        void save() {
            sender.publish("inside");
        }
    }

    static class SendsInTransactionLambda {
        Sender sender;

        void save() {
            QuarkusTransaction.requiringNew().run(() -> sender.publish("inside"));
        }
    }

    static class Store {
        String claim() {
            return QuarkusTransaction.requiringNew().call(() -> "claimed");
        }
    }

    static class SendsAfterTheTransaction {
        Store store;
        Sender sender;

        void relay() {
            sender.publish(store.claim());
        }
    }
}
