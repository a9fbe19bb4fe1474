package dev.warden.notify.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.erasure.ErasureEvent;
import dev.warden.notify.Events;
import dev.warden.notify.delivery.Delivery;
import dev.warden.notify.delivery.DeliveryStatus;
import dev.warden.notify.erasure.ErasedAccount;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.LogCapture;
import dev.warden.testsupport.WardenSmtp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LogPrivacyTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    @Test
    void theBanMailFlowLogsNeitherTheAccountIdNorTheAddressAtInfoOrAbove() {
        String account = "acc-log-" + UUID.randomUUID();
        String email = "log-holder-" + UUID.randomUUID() + "@example.org";
        try (LogCapture logs = LogCapture.start()) {
            EnforcementEvent ban = Events.of(EnforcementAction.BANNED, account, email, "en");
            kafka.sendJson(Topics.ENFORCEMENT, account, ban);
            // an address the relay cannot take, and an unreadable record: refusals are logged too
            kafka.sendJson(Topics.ENFORCEMENT, account, Events.of(EnforcementAction.WARNED, account,
                    "no address " + email, "en"));
            kafka.send(Topics.ENFORCEMENT, account, "{\"eventId\":\"x\",\"action\":\"BANNED\",\"accountId\":\"" + account + "\"}");
            await().atMost(Duration.ofSeconds(20)).until(() -> !WardenSmtp.receivedBy(email).isEmpty());
            await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                    Delivery.count("accountId = ?1 and status = ?2", account, DeliveryStatus.SENT) == 1));
            kafka.sendJson(Topics.ERASURES, account, new ErasureEvent(UUID.randomUUID().toString(), account,
                    ErasureEvent.Cause.REQUEST, Instant.now()));
            await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                    .call(() -> ErasedAccount.findById(account) != null));

            KafkaTestClient.read(Topics.ENFORCEMENT_DLQ, r -> account.equals(r.key()), l -> !l.isEmpty(),
                    Duration.ofSeconds(20)); // the unreadable record was refused (and logged) by now
            assertThat(logs.containing("field 'eventId'")).isNotEmpty(); // the capture sees the consumer's log
            assertThat(logs.containing(account, email)).isEmpty();
        }
    }
}
