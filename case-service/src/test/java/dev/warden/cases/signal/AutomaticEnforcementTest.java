package dev.warden.cases.signal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.warden.cases.Signals;
import dev.warden.cases.account.Account;
import dev.warden.cases.account.AccountStatus;
import dev.warden.cases.casework.CaseStatus;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.decision.Decision;
import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.contracts.signal.Violation;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AutomaticEnforcementTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    /** The platform's registration event, which case-service reads for the account's type and address. */
    static void registeredByThePlatform(String account, String email) {
        kafka.sendJson(Topics.ACTIVITY, account, dev.warden.contracts.activity.ActivityEvent.builder(
                UUID.randomUUID().toString(), account, dev.warden.contracts.activity.ActivityType.ACCOUNT_REGISTERED,
                java.time.Instant.now()).accountType(dev.warden.contracts.activity.AccountType.PRIVATE)
                .clientType(dev.warden.contracts.activity.ClientType.UNOFFICIAL_CLIENT).country("DE")
                .contactEmail(email).locale("de").build());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Account.<Account>findByIdOptional(account).map(a -> a.contactEmail != null).orElse(false)));
    }

    @Test
    void bansPrivateAccountWhenBulkSignalIsConclusive() {
        String account = "acc-" + UUID.randomUUID();
        registeredByThePlatform(account, "holder@example.org");
        // the signal's own contact address is detection's relay: it is not where the ban mail goes
        DetectionSignal signal = Signals.conclusiveBulk(account, "writer-of-the-signal@example.net");

        kafka.sendJson(Topics.SIGNALS, account, signal);

        EnforcementCase c = awaitCase(account, CaseStatus.ACTIONED);
        List<Decision> decisions = QuarkusTransaction.requiringNew().call(() -> Decision.forCase(c.id));
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.automated).isTrue();
            assertThat(d.policyRuleId).isEqualTo("ban-conclusive-bulk");
            assertThat(d.policyVersion).isEqualTo(1);
            assertThat(d.actor).isEqualTo("system:auto-enforcement");
        });
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(account).status))
                .isEqualTo(AccountStatus.BANNED);

        ConsumerRecord<String, String> published = KafkaTestClient.read(Topics.ENFORCEMENT,
                r -> account.equals(r.key()), l -> !l.isEmpty(), Duration.ofSeconds(20)).get(0);
        EnforcementEvent event = WardenJson.read(published.value(), EnforcementEvent.class);
        assertThat(event.action()).isEqualTo(EnforcementAction.BANNED);
        assertThat(event.caseId()).isEqualTo(c.id.toString());
        assertThat(event.recipient().email()).isEqualTo("holder@example.org");
        assertThat(event.recipient().locale()).isEqualTo("de");
        assertThat(event.policy().ruleId()).isEqualTo("ban-conclusive-bulk");
        assertThat(event.reason()).contains("non-contacts");
        assertThat(event.appealDeadline()).isAfter(event.occurredAt());
        assertThat(KafkaTestClient.header(published, "ce_id")).isEqualTo(event.eventId());
        assertThat(KafkaTestClient.header(published, "ce_type")).isEqualTo("dev.warden.enforcement.v1.banned");
    }

    @Test
    void reviewerSeesTheSignalAndTheBanOnTheCase() {
        String account = "acc-" + UUID.randomUUID();
        DetectionSignal signal = Signals.conclusiveBulk(account, null);
        kafka.sendJson(Topics.SIGNALS, account, signal);
        EnforcementCase c = awaitCase(account, CaseStatus.ACTIONED);

        given().auth().oauth2(WardenOidc.token("alice", "reviewer"))
                .when().get("/api/cases/{id}", c.id)
                .then().statusCode(200)
                .body("accountId", equalTo(account))
                .body("status", equalTo("ACTIONED"))
                .body("account.status", equalTo("BANNED"))
                .body("signals", hasSize(1))
                .body("signals[0].signalId", equalTo(signal.signalId()))
                .body("signals[0].explanation.criteria[0].feature", equalTo("nonContactRecipientsInWindow"))
                .body("decisions", hasSize(1))
                .body("decisions[0].action", equalTo("BAN"))
                .body("decisions[0].automated", equalTo(true));
    }

    @Test
    void replayedSignalChangesNothing() {
        String account = "acc-" + UUID.randomUUID();
        DetectionSignal signal = Signals.conclusiveBulk(account, "twice@example.org");
        kafka.sendJson(Topics.SIGNALS, account, signal);
        EnforcementCase c = awaitCase(account, CaseStatus.ACTIONED);

        kafka.sendJson(Topics.SIGNALS, account, signal);
        // a second, distinct signal for the already banned account: filed, but no second ban
        kafka.sendJson(Topics.SIGNALS, account, Signals.conclusiveBulk(account, "twice@example.org"));

        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> dev.warden.cases.signal.SignalRecord.count("accountId", account)) == 2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> EnforcementCase.count("accountId", account))).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Decision.count("caseId", c.id))).isEqualTo(1);
        assertThat(KafkaTestClient.readFor(Topics.ENFORCEMENT, r -> account.equals(r.key()), Duration.ofSeconds(3)))
                .hasSize(1);
    }

    @Test
    void queuesBusinessAccountsForReviewInsteadOfBanning() {
        String account = "acc-biz-" + UUID.randomUUID();
        kafka.sendJson(Topics.SIGNALS, account, Signals.of(account, Violation.BULK_MESSAGING, 0.99, "BUSINESS", null));

        EnforcementCase c = awaitCase(account, CaseStatus.NEW);

        assertThat(c.priority).isEqualTo(99);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(account).status))
                .isEqualTo(AccountStatus.ACTIVE);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Decision.count("caseId", c.id))).isZero();
    }

    @Test
    void deadLettersPoisonSignalsAndKeepsConsuming() {
        String account = "acc-poison-" + UUID.randomUUID();
        kafka.send(Topics.SIGNALS, account, "{broken");
        kafka.send(Topics.SIGNALS, account, "{\"signalId\":\"not-a-uuid\",\"accountId\":\"" + account + "\"}");
        String next = "acc-after-poison-" + UUID.randomUUID();
        kafka.sendJson(Topics.SIGNALS, next, Signals.conclusiveBulk(next, null));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.SIGNALS_DLQ,
                r -> account.equals(r.key()), l -> l.size() >= 2, Duration.ofSeconds(20));

        assertThat(dead).extracting(r -> KafkaTestClient.header(r, Topics.DLQ_REASON_HEADER))
                .satisfiesExactly(r -> assertThat(r).startsWith("not a valid DetectionSignal: "),
                        r -> assertThat(r).startsWith("field '"));
        awaitCase(next, CaseStatus.ACTIONED);
    }

    @Test
    void deadLettersSignalsBreakingTheSchemaNamingTheFieldAndKeepsConsuming() {
        String account = "acc-schema-" + UUID.randomUUID();
        String badScore = WardenJson.write(Signals.conclusiveBulk(account, null)).replace("\"score\":0.99",
                "\"score\":1.5");
        DetectionSignal valid = Signals.conclusiveBulk(account, null);
        String badId = WardenJson.write(valid).replace(valid.signalId(), "not-a-uuid");
        kafka.send(Topics.SIGNALS, account, badScore);
        kafka.send(Topics.SIGNALS, account, badId);
        String next = "acc-after-schema-" + UUID.randomUUID();
        kafka.sendJson(Topics.SIGNALS, next, Signals.conclusiveBulk(next, null));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.SIGNALS_DLQ,
                r -> account.equals(r.key()), l -> l.size() >= 2, Duration.ofSeconds(20));

        assertThat(dead).extracting(r -> KafkaTestClient.header(r, Topics.DLQ_REASON_HEADER))
                .satisfiesExactly(r -> assertThat(r).startsWith("field 'score': "),
                        r -> assertThat(r).startsWith("field 'signalId': "));
        awaitCase(next, CaseStatus.ACTIONED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> EnforcementCase.count("accountId", account))).isZero();
    }

    static EnforcementCase awaitCase(String account, CaseStatus status) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> EnforcementCase.<EnforcementCase>find("accountId", account)
                        .firstResult()),
                c -> c != null && c.status() == status);
    }
}
