package dev.warden.notify.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.erasure.ErasureEvent;
import dev.warden.notify.Events;
import dev.warden.notify.delivery.ConsumedEvent;
import dev.warden.notify.delivery.Delivery;
import dev.warden.notify.delivery.DeliveryStatus;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.PersonalDataSearch;
import dev.warden.testsupport.WardenSmtp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AccountErasureTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    DataSource dataSource;

    /** A ban whose mail went out, the address also in the statement's free text. */
    private EnforcementEvent bannedAndMailed(String account, String email) {
        EnforcementEvent ban = Events.withStatement(Events.of(EnforcementAction.BANNED, account, email, "en"),
                Events.statement(false, "Advertised bulk sends, replies to " + email));
        kafka.sendJson(Topics.ENFORCEMENT, account, ban);
        await().atMost(Duration.ofSeconds(20)).until(() -> !WardenSmtp.receivedBy(email).isEmpty());
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Delivery.<Delivery>find("accountId", account).firstResult().status == DeliveryStatus.SENT));
        return ban;
    }

    private static ErasureEvent erasure(String account) {
        return new ErasureEvent(UUID.randomUUID().toString(), account, ErasureEvent.Cause.REQUEST, Instant.now());
    }

    private List<String> columnsHolding(String value) {
        return PersonalDataSearch.columnsHolding(dataSource, value);
    }

    @Test
    void erasureLeavesTheAddressInNoColumnAndAReplayedBanBringsItNotBack() {
        String account = "acc-erase-" + UUID.randomUUID();
        String email = "holder-" + UUID.randomUUID() + "@example.org";
        String other = "acc-kept-" + UUID.randomUUID();
        String otherEmail = "kept-" + UUID.randomUUID() + "@example.org";
        EnforcementEvent ban = bannedAndMailed(account, email);
        bannedAndMailed(other, otherEmail);
        assertThat(columnsHolding(email)).contains("delivery.recipient", "delivery.payload");

        ErasureEvent erasure = erasure(account);
        kafka.sendJson(Topics.ERASURES, account, erasure);
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ErasedAccount.findById(account) != null));

        assertThat(columnsHolding(email)).isEmpty();
        assertThat(columnsHolding(otherEmail)).contains("delivery.recipient", "delivery.payload");

        // the ban again (a replay) and a warning decided before the erasure that crossed it on its topic
        EnforcementEvent earlier = Events.of(EnforcementAction.WARNED, account, email, "en");
        kafka.sendJson(Topics.ENFORCEMENT, account, ban);
        kafka.sendJson(Topics.ENFORCEMENT, account, earlier);
        kafka.sendJson(Topics.ERASURES, account, erasure); // and the erasure replayed
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ConsumedEvent.count("accountId", account)) == 2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>find("eventId",
                UUID.fromString(earlier.eventId())).singleResult().status)).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(columnsHolding(email)).isEmpty();
        assertThat(WardenSmtp.receivedBy(email)).hasSize(1);
    }

    @Test
    void deadLettersErasuresItCannotRead() {
        String key = "acc-poison-erasure-" + UUID.randomUUID();
        kafka.send(Topics.ERASURES, key, "<xml/>");
        kafka.send(Topics.ERASURES, key, "{\"erasureId\":\"x\",\"accountId\":\"a\",\"cause\":\"REQUEST\","
                + "\"erasedAt\":\"2026-11-22T10:00:00Z\"}");

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.ERASURES_DLQ,
                r -> key.equals(r.key()), l -> l.size() >= 2, Duration.ofSeconds(20));

        assertThat(dead).extracting(r -> KafkaTestClient.header(r, Topics.DLQ_REASON_HEADER))
                .satisfiesExactly(r -> assertThat(r).startsWith("not an erasure event"),
                        r -> assertThat(r).isEqualTo("erasureId is not a UUID"));
    }
}
