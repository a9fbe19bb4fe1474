package dev.warden.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.notify.Events;
import dev.warden.testsupport.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** With the relay limited to 4 mails/s, nine mails that are due at once take about two seconds. */
@QuarkusTest
@TestProfile(StrictRelayProfile.class)
class RateLimitTest {

    @Test
    void dispatcherHandsTheRelayNoMoreMailsPerSecondThanConfigured() {
        List<String> accounts = new ArrayList<>();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            for (int i = 0; i < 9; i++) {
                String account = "acc-rate-" + UUID.randomUUID();
                EnforcementEvent e = Events.of(EnforcementAction.WARNED, account, account + "@example.org", "en");
                kafka.sendJson(Topics.ENFORCEMENT, account, e);
                accounts.add(account);
            }
        }

        List<Delivery> sent = await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>list("accountId in ?1 and status = ?2", accounts, DeliveryStatus.SENT)),
                l -> l.size() == 9);

        Instant first = sent.stream().map(d -> d.sentAt).min(Instant::compareTo).orElseThrow();
        Instant last = sent.stream().map(d -> d.sentAt).max(Instant::compareTo).orElseThrow();
        // 1 mail at once, then one per 250 ms: 8 intervals ≈ 2 s (unlimited, nine mails take a few ms)
        assertThat(Duration.between(first, last)).isGreaterThanOrEqualTo(Duration.ofMillis(1_750));
    }
}
