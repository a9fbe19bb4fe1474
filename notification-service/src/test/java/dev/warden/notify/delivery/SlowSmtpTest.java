package dev.warden.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.notify.Events;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenSmtp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An SMTP server that accepts connections and then never answers (a tarpit on the mailer's port)
 * stalls the dispatcher; consuming and planning must carry on regardless.
 */
@QuarkusTest
class SlowSmtpTest {

    private Tarpit tarpit;

    @AfterEach
    void smtpBackUp() throws IOException {
        if (tarpit != null) {
            tarpit.close();
        }
        startSmtp();
    }

    /** The port may take a moment to be free again after the tarpit closed. */
    private static void startSmtp() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    try {
                        WardenSmtp.start();
                    } catch (RuntimeException bindFailed) {
                        WardenSmtp.stop(); // forget the half-started server so the next try starts afresh
                        throw bindFailed;
                    }
                    return true;
                });
    }

    @Test
    void eventsAreConsumedAndPlannedWhileSmtpHangsAndAllGoOutOnceItAnswers() throws IOException {
        int port = WardenSmtp.port();
        WardenSmtp.stop();
        tarpit = new Tarpit(port);
        List<EnforcementEvent> events = new ArrayList<>();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            EnforcementEvent first = Events.of(EnforcementAction.BANNED, "acc-slow-" + UUID.randomUUID(),
                    "slow-" + UUID.randomUUID() + "@example.org", "en");
            kafka.sendJson(Topics.ENFORCEMENT, first.accountId(), first);
            events.add(first);
            // the dispatcher is now stuck in an SMTP conversation that never progresses
            await().atMost(Duration.ofSeconds(20)).until(() -> !tarpit.accepted.isEmpty());
            for (int i = 0; i < 5; i++) {
                EnforcementEvent e = Events.of(EnforcementAction.WARNED, "acc-slow-" + UUID.randomUUID(),
                        "slow-" + UUID.randomUUID() + "@example.org", "de");
                kafka.sendJson(Topics.ENFORCEMENT, e.accountId(), e);
                events.add(e);
            }
        }
        List<UUID> ids = events.stream().map(e -> UUID.fromString(e.eventId())).toList();

        // consumed and planned within seconds although no mail can be sent
        await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ConsumedEvent.count("eventId in ?1", ids)) == events.size());
        assertThat(QuarkusTransaction.requiringNew().call(() -> Delivery.count("eventId in ?1 and status in ?2", ids,
                List.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED)))).isEqualTo(events.size());

        tarpit.close();
        startSmtp();

        for (EnforcementEvent e : events) {
            await().atMost(Duration.ofSeconds(45)).until(() -> WardenSmtp.receivedBy(e.recipient().email()).size() == 1);
        }
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> events.stream()
                .allMatch(e -> WardenSmtp.receivedBy(e.recipient().email()).size() == 1));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Delivery.count("eventId in ?1 and status = ?2", ids,
                DeliveryStatus.SENT))).isEqualTo(events.size());
    }

    /** Accepts TCP connections and says nothing, like an overloaded relay. */
    static final class Tarpit implements AutoCloseable {
        final ServerSocket server;
        final List<Socket> accepted = new CopyOnWriteArrayList<>();

        Tarpit(int port) throws IOException {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        accepted.add(server.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "smtp-tarpit");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : accepted) {
                if (s.isClosed()) {
                    continue;
                }
                // reset instead of FIN: no TIME_WAIT left behind that would stop GreenMail rebinding the port
                s.setSoLinger(true, 0);
                s.close();
            }
        }
    }
}
