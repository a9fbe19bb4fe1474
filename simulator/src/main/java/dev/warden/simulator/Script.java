package dev.warden.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.warden.contracts.activity.AccountType;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.activity.ChatType;
import dev.warden.contracts.activity.ClientType;
import dev.warden.contracts.activity.ReportReason;

/** One account's generator state: its id, its own Random, its events, its parameter draws. */
final class Script {

    final String id;
    final Random r;
    final List<ActivityEvent> events = new ArrayList<>();
    final long durationMs;
    private final Scenario scenario;
    /** Scales the rates and counts of the account's family: drawn from the scenario's parameter range. */
    final double intensity;

    Script(Scenario scenario, int index) {
        this.scenario = scenario;
        this.id = scenario.accountId(index);
        this.r = new Random(scenario.seed() * 1_000_003L + index);
        this.durationMs = scenario.duration().toMillis();
        // a separate stream, so that the families written before parameter ranges keep their exact events
        Random draw = new Random(scenario.seed() * 2_000_029L + index);
        this.intensity = scenario.ranges().low() + draw.nextDouble() * (scenario.ranges().high() - scenario.ranges().low());
    }

    /** Uniform in [min, max], scaled by the account's intensity. */
    double scaled(double min, double max) {
        return (min + r.nextDouble() * (max - min)) * intensity;
    }

    int scaledInt(int min, int max) {
        return Math.max(1, (int) Math.round(scaled(min, max)));
    }

    /** Uniform in [min, max], not scaled. */
    double uniform(double min, double max) {
        return min + r.nextDouble() * (max - min);
    }

    Instant at(long offsetMillis) {
        return scenario.start().plusMillis(offsetMillis);
    }

    String eventId() {
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }

    String fingerprint() {
        return Long.toHexString(r.nextLong() | 1L);
    }

    void add(ActivityEvent e) {
        events.add(e);
    }

    void register(long offsetMillis, AccountType type, ClientType client) {
        add(ActivityEvent.builder(eventId(), id, ActivityType.ACCOUNT_REGISTERED, at(offsetMillis))
                .accountType(type).clientType(client).country("DE").locale("de").contactEmail(id + "@example.org").build());
    }

    void message(long offsetMillis, ChatType chat, int recipients, int inContacts, String fingerprint, int forwards,
            boolean reply, ClientType client) {
        add(ActivityEvent.builder(eventId(), id, ActivityType.MESSAGE_SENT, at(Math.min(offsetMillis, durationMs - 1)))
                .clientType(client).chatType(chat).recipientCount(recipients).recipientsInContacts(inContacts)
                .contentFingerprint(fingerprint).forwardCount(forwards).isReply(reply).build());
    }

    void report(long offsetMillis, String reporter, ReportReason reason) {
        add(ActivityEvent.builder(eventId(), id, ActivityType.USER_REPORT, at(Math.min(offsetMillis, durationMs - 1)))
                .reporterAccountId(reporter).reportReason(reason).build());
    }
}
