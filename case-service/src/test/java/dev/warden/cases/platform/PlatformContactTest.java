package dev.warden.cases.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.warden.cases.Signals;
import dev.warden.cases.account.Account;
import dev.warden.cases.account.AccountStatus;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.contracts.Topics;
import dev.warden.contracts.activity.AccountType;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.testsupport.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The account's type and mail address come from the platform's own events, never from a signal's writer. */
@QuarkusTest
class PlatformContactTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    private static void platformSays(String account, AccountType type, String email) {
        kafka.sendJson(Topics.ACTIVITY, account, ActivityEvent.builder(UUID.randomUUID().toString(), account,
                ActivityType.ACCOUNT_REGISTERED, Instant.now()).accountType(type).contactEmail(email).locale("en").build());
    }

    private static Account account(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(id));
    }

    private static void awaitKnown(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> account(id) != null && account(id).accountType != null);
    }

    @Test
    void forgedSignalForAnAccountThePlatformNeverNamedMailsNobody() {
        String id = "acc-forged-" + UUID.randomUUID();
        kafka.sendJson(Topics.SIGNALS, id, Signals.conclusiveBulk(id, "attacker@example.net"));

        ConsumerRecord<String, String> published = KafkaTestClient.read(Topics.ENFORCEMENT, r -> id.equals(r.key()),
                l -> !l.isEmpty(), Duration.ofSeconds(30)).get(0);
        assertThat(WardenJson.read(published.value(), EnforcementEvent.class).recipient()).isNull();
        assertThat(account(id).contactEmail).isNull();
    }

    @Test
    void signalClaimingAnotherAccountTypeThanThePlatformsIsDeadLetteredWithTheReason() {
        String id = "acc-type-" + UUID.randomUUID();
        platformSays(id, AccountType.BUSINESS, "office@example.org");
        awaitKnown(id);

        kafka.sendJson(Topics.SIGNALS, id, Signals.conclusiveBulk(id, null)); // claims PRIVATE: would be banned

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.SIGNALS_DLQ, r -> id.equals(r.key()),
                l -> !l.isEmpty(), Duration.ofSeconds(30));
        assertThat(KafkaTestClient.header(dead.get(0), Topics.DLQ_REASON_HEADER))
                .contains("account type PRIVATE contradicts the platform's BUSINESS");
        assertThat(account(id).status).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account(id).accountType).isEqualTo("BUSINESS");
        assertThat(QuarkusTransaction.requiringNew().call(() -> EnforcementCase.count("accountId", id))).isZero();
    }

    @Test
    void addressThatIsNotAValidAddressOrTooLongIsNotKept() {
        String bad = "acc-badmail-" + UUID.randomUUID();
        String tooLong = "acc-longmail-" + UUID.randomUUID();
        platformSays(bad, AccountType.PRIVATE, "not an address<script>");
        platformSays(tooLong, AccountType.PRIVATE, "a".repeat(250) + "@example.org");
        awaitKnown(bad);
        awaitKnown(tooLong);

        assertThat(account(bad).contactEmail).isNull();
        assertThat(account(tooLong).contactEmail).isNull();
    }

    @Test
    void banDecidedBeforeTheRegistrationArrivesIsToldOnceWhenTheAddressArrives() {
        String id = "acc-late-" + UUID.randomUUID();
        kafka.sendJson(Topics.SIGNALS, id, Signals.conclusiveBulk(id, null));
        EnforcementEvent ban = WardenJson.read(KafkaTestClient.read(Topics.ENFORCEMENT, r -> id.equals(r.key()),
                l -> !l.isEmpty(), Duration.ofSeconds(30)).get(0).value(), EnforcementEvent.class);
        assertThat(ban.recipient()).isNull();

        platformSays(id, AccountType.PRIVATE, "late@example.org");
        platformSays(id, AccountType.PRIVATE, "late@example.org"); // a replayed registration tells nobody again

        List<EnforcementEvent> events = KafkaTestClient.readFor(Topics.ENFORCEMENT, r -> id.equals(r.key()),
                Duration.ofSeconds(8)).stream().map(r -> WardenJson.read(r.value(), EnforcementEvent.class)).toList();
        assertThat(events).hasSize(2);
        EnforcementEvent late = events.get(1);
        assertThat(late.noticeOf()).isEqualTo(ban.eventId());
        assertThat(late.eventId()).isNotEqualTo(ban.eventId());
        assertThat(late.action()).isEqualTo(ban.action());
        assertThat(late.caseId()).isEqualTo(ban.caseId());
        assertThat(late.recipient().email()).isEqualTo("late@example.org");
        assertThat(late.statementOfReasons()).isEqualTo(ban.statementOfReasons());
    }
}
