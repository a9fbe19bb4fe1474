package dev.warden.cases.signal;

import static dev.warden.cases.signal.AutomaticEnforcementTest.awaitCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.warden.cases.Signals;
import dev.warden.cases.casework.CaseStatus;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.common.messaging.TransientFailure;
import dev.warden.contracts.Topics;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.testsupport.KafkaTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A valid signal whose filing fails for a reason it is not to blame for is retried, not dead-lettered;
 * a database error caused by the record itself still goes to the DLQ at once. The failures are real
 * PostgreSQL errors raised by a trigger, so the exception chain is the one production sees.
 */
@QuarkusTest
class TransientFailureRetryTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    DataSource db;

    @Inject
    MeterRegistry registry;

    @Test
    void filesSignalWhoseTransactionLostASerializationRaceTwice() throws SQLException {
        String account = "acc-race-" + UUID.randomUUID();
        DetectionSignal signal = Signals.conclusiveBulk(account, null);
        double retriesBefore = signalRetries();
        failInsertsOf(signal.signalId(), "40001", 2);
        try {
            kafka.sendJson(Topics.SIGNALS, account, signal);

            EnforcementCase c = awaitCase(account, CaseStatus.ACTIONED);
            assertThat(QuarkusTransaction.requiringNew().call(() -> SignalRecord.count("caseId", c.id))).isEqualTo(1);
            assertThat(signalRetries() - retriesBefore).isGreaterThanOrEqualTo(2);
            assertThat(KafkaTestClient.readFor(Topics.SIGNALS_DLQ, r -> account.equals(r.key()), Duration.ofSeconds(2)))
                    .isEmpty();
        } finally {
            dropFailure(signal.signalId());
        }
    }

    @Test
    void deadLettersAtOnceWhenTheDatabaseRejectsTheRecordItself() throws SQLException {
        String account = "acc-rejected-" + UUID.randomUUID();
        DetectionSignal signal = Signals.conclusiveBulk(account, null);
        double retriesBefore = signalRetries();
        failInsertsOf(signal.signalId(), "22023", Integer.MAX_VALUE);
        try {
            kafka.sendJson(Topics.SIGNALS, account, signal);
            String next = "acc-after-rejected-" + UUID.randomUUID();
            kafka.sendJson(Topics.SIGNALS, next, Signals.conclusiveBulk(next, null));

            List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.SIGNALS_DLQ,
                    r -> account.equals(r.key()), l -> !l.isEmpty(), Duration.ofSeconds(20));
            assertThat(KafkaTestClient.header(dead.get(0), Topics.DLQ_REASON_HEADER)).isNotBlank();
            awaitCase(next, CaseStatus.ACTIONED);
            assertThat(signalRetries()).isEqualTo(retriesBefore);
        } finally {
            dropFailure(signal.signalId());
        }
    }

    @Test
    void aCaseChangedByAnotherTransactionMeanwhileIsAConflict() {
        String account = "acc-stale-" + UUID.randomUUID();
        kafka.sendJson(Topics.SIGNALS, account, Signals.of(account,
                dev.warden.contracts.signal.Violation.BULK_MESSAGING, 0.6, "BUSINESS", null));
        EnforcementCase c = awaitCase(account, CaseStatus.NEW);

        Throwable failure = catchThrowable(() -> QuarkusTransaction.requiringNew().run(() -> {
            EnforcementCase mine = EnforcementCase.findById(c.id);
            QuarkusTransaction.requiringNew().run(() -> EnforcementCase.<EnforcementCase>findById(c.id).priority++);
            mine.priority += 2;
        }));

        assertThat(failure).isNotNull();
        assertThat(TransientFailure.of(failure)).isEqualTo(TransientFailure.CONFLICT);
    }

    private double signalRetries() {
        return registry.find("warden.consumer.retries").tag("channel", "signals").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    /** Makes the next {@code times} inserts of this signal fail with {@code sqlState}; a sequence counts across rollbacks. */
    private void failInsertsOf(String signalId, String sqlState, int times) throws SQLException {
        String n = suffix(signalId);
        exec("CREATE SEQUENCE test_fail_" + n,
                "CREATE FUNCTION test_fail_" + n + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "IF NEW.id = '" + signalId + "' AND nextval('test_fail_" + n + "') <= " + times + " THEN "
                        + "RAISE EXCEPTION 'injected failure for %', NEW.id USING ERRCODE = '" + sqlState + "'; "
                        + "END IF; RETURN NEW; END $$",
                "CREATE TRIGGER test_fail_" + n + " BEFORE INSERT ON signal FOR EACH ROW EXECUTE FUNCTION test_fail_" + n + "()");
    }

    private void dropFailure(String signalId) throws SQLException {
        String n = suffix(signalId);
        exec("DROP TRIGGER IF EXISTS test_fail_" + n + " ON signal", "DROP FUNCTION IF EXISTS test_fail_" + n + "()",
                "DROP SEQUENCE IF EXISTS test_fail_" + n);
    }

    private static String suffix(String signalId) {
        return signalId.replace("-", "");
    }

    private void exec(String... statements) throws SQLException {
        try (Connection conn = db.getConnection(); Statement st = conn.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
