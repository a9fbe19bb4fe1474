package dev.warden.detection.rules;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.warden.contracts.activity.AccountType;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ChatType;
import dev.warden.contracts.activity.ClientType;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.account.AccountStateSerde;
import dev.warden.detection.config.DetectionConfig;
import dev.warden.detection.features.FeatureUpdater;
import dev.warden.detection.features.Features;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The stored form: lossless, and bounded however long an account keeps sending. */
class AccountStateSerdeTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void roundTripKeepsEveryFeature() {
        AccountState s = busyAccount(500);

        AccountState back = AccountStateSerde.read(AccountStateSerde.write(s));

        long at = s.watermarkMillis;
        assertThat(Features.of(back, at)).isEqualTo(Features.of(s, at));
        assertThat(back.sampleEventIds).isEqualTo(s.sampleEventIds);
        assertThat(back.replayGuard).isEqualTo(s.replayGuard);
        assertThat(back.contactEmail).isEqualTo("x@example.org");
    }

    @Test
    void stateStaysUnderOneKilobyteForAnAccountSendingAllDay() {
        AccountState s = busyAccount(24 * 60); // one message a minute for a day: windows must expire

        assertThat(AccountStateSerde.write(s).length).isLessThanOrEqualTo(1024);
        assertThat(s.slots.size()).isLessThanOrEqualTo(14);
        assertThat(s.seconds.size()).isLessThanOrEqualTo((int) FeatureUpdater.SECOND_RETENTION + 1);
    }

    @Test
    void everyBuiltInRuleAndProfileValueIsStoredInOneByte() {
        DetectionConfig config = new SmallRyeConfigBuilder().withMapping(DetectionConfig.class).build()
                .getConfigMapping(DetectionConfig.class);
        List<String> builtIn = new ArrayList<>();
        new RuleCatalog(config).detectors().forEach(d -> builtIn.add(d.id()));
        assertThat(AccountStateSerde.RULE_IDS).as("append a new rule's id").containsAll(builtIn);
        assertThat(AccountStateSerde.ACCOUNT_TYPES).containsAll(Stream.of(AccountType.values()).map(Enum::name).toList());
        assertThat(AccountStateSerde.CLIENT_TYPES).containsAll(Stream.of(ClientType.values()).map(Enum::name).toList());

        AccountState s = busyAccount(10);
        s.lastFiredMillis.put("bulk.stranger-outreach", s.watermarkMillis);
        int known = AccountStateSerde.write(s).length;
        s.lastFiredMillis.clear();
        s.lastFiredMillis.put("site.custom-rule-ü", s.watermarkMillis - 5);
        AccountState back = AccountStateSerde.read(AccountStateSerde.write(s));
        assertThat(back.lastFiredMillis).as("a rule id not in the list is kept as text").isEqualTo(s.lastFiredMillis);
        assertThat(back.clientType).isEqualTo("OFFICIAL_APP");
        assertThat(AccountStateSerde.write(s).length).isEqualTo(known + "site.custom-rule-ü".getBytes(UTF_8).length);
    }

    private static AccountState busyAccount(int minutes) {
        AccountState s = new AccountState();
        s.contactEmail = "x@example.org";
        FeatureUpdater.apply(s, ActivityEvent.builder(UUID.randomUUID().toString(), "a",
                dev.warden.contracts.activity.ActivityType.ACCOUNT_REGISTERED, T0.minus(Duration.ofDays(3)))
                .accountType(AccountType.PRIVATE).clientType(ClientType.OFFICIAL_APP).country("DE").build(), 300_000, 10);
        for (int i = 0; i < minutes; i++) {
            ActivityEvent e = ActivityEvent.builder(UUID.randomUUID().toString(), "a",
                    dev.warden.contracts.activity.ActivityType.MESSAGE_SENT, T0.plusSeconds(60L * i + i % 13))
                    .clientType(ClientType.OFFICIAL_APP).chatType(i % 5 == 0 ? ChatType.GROUP : ChatType.DIRECT)
                    .recipientCount(i % 5 == 0 ? 8 : 1).recipientsInContacts(1).contentFingerprint(Long.toHexString(i + 1L))
                    .forwardCount(i % 7 == 0 ? 1 : 0).isReply(i % 2 == 0).build();
            s.remember(e.eventId(), e.occurredAt().toEpochMilli(), 300_000);
            FeatureUpdater.apply(s, e, 300_000, 10);
        }
        return s;
    }
}
