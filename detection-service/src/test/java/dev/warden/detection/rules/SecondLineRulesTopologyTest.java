package dev.warden.detection.rules;

import static dev.warden.detection.rules.TopologyHarness.T0;
import static dev.warden.detection.rules.TopologyHarness.message;
import static dev.warden.detection.rules.TopologyHarness.registered;
import static dev.warden.detection.rules.TopologyHarness.report;
import static dev.warden.detection.rules.TopologyHarness.toContact;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.activity.AccountType;
import dev.warden.contracts.activity.ChatType;
import dev.warden.contracts.activity.ClientType;
import dev.warden.contracts.signal.DetectionSignal;

/**
 * The content-independent second lines: abusers who stay under the first rule of their class (rotating
 * content, spreading over the day, jittering their timing) are caught on another axis, and the
 * legitimate heavy users that look like them are not.
 */
class SecondLineRulesTopologyTest {

    private static final Instant OLD = T0.minus(Duration.ofDays(100));
    private TopologyHarness h;

    @BeforeEach
    void start() {
        h = new TopologyHarness();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static String fresh() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static dev.warden.contracts.activity.ActivityEvent stranger(String account, Instant at) {
        return message(account, at, ChatType.DIRECT, 1, 0, fresh(), false, ClientType.OFFICIAL_APP);
    }

    @Test
    void rotatingContentToStrangersAllDayUnderTheHourlyLimitIsBulkOnTheDayScale() {
        h.send(registered("slow", OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        // 10 strangers an hour (a quarter of the hourly rule), every text different, for 15 hours
        for (int i = 0; i < 149; i++) {
            h.send(stranger("slow", T0.plusSeconds(360L * i)));
        }
        assertThat(h.signals()).as("149 non-contacts").isEmpty();
        h.send(stranger("slow", T0.plusSeconds(360L * 149)));
        assertThat(h.signals()).singleElement().satisfies(s -> {
            assertThat(s.ruleId()).isEqualTo("bulk.daily-stranger-reach");
            assertThat(s.score()).isLessThan(0.95);
            assertThat(s.features()).containsEntry("nonContactRecipientsLastDay", 150.0)
                    .containsEntry("topFingerprintMessages", 1.0);
            assertThat(s.criteria()).extracting(DetectionSignal.Criterion::feature).doesNotContain(
                    "topFingerprintMessages");
        });
    }

    @Test
    void aCampaignMembersFewDozenCopiesToStrangersAreBulkButAWeddingInvitationToTheAddressBookIsNot() {
        h.send(registered("member", OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        h.send(registered("bride", OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        // the bride: one invitation 300 times at random moments of two hours, one in ten to a number not saved
        long[] moments = new java.util.Random(11).longs(300, 0, Duration.ofHours(2).toMillis()).sorted().toArray();
        for (int i = 0; i < moments.length; i++) {
            h.send(message("bride", T0.plusMillis(moments[i]), ChatType.DIRECT, 1, i % 10 == 0 ? 0 : 1, "beef02",
                    false, ClientType.OFFICIAL_APP));
        }
        // the member: one text to a stranger every two minutes, far under the hourly and daily limits
        for (int i = 0; i < 14; i++) {
            h.send(message("member", T0.plusSeconds(120L * i), ChatType.DIRECT, 1, 0, "cafe01", false,
                    ClientType.OFFICIAL_APP));
        }
        assertThat(h.signals()).as("14 copies; the bride's 30 non-contacts are 0.1 per copy").isEmpty();
        h.send(message("member", T0.plusSeconds(120L * 14), ChatType.DIRECT, 1, 0, "cafe01", false,
                ClientType.OFFICIAL_APP));
        assertThat(h.signals()).singleElement().satisfies(s -> {
            assertThat(s.accountId()).isEqualTo("member");
            assertThat(s.ruleId()).isEqualTo("bulk.repeated-content-reach");
            assertThat(s.ruleVersion()).isEqualTo(2);
            assertThat(s.criteria()).extracting(DetectionSignal.Criterion::feature)
                    .contains("topFingerprintNonContactsPerMessage");
        });
    }

    @Test
    void aSchedulerAroundTheClockIsAutomatedButAHeavyHumanDayIsNot() {
        h.send(registered("cron", OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        h.send(registered("busy", OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        java.util.Random random = new java.util.Random(7);
        // a person with a big day: 400 messages to contacts at random moments of every hour (no regular rhythm)
        long[] human = random.longs(400, 0, Duration.ofHours(23).toMillis()).sorted().toArray();
        for (long at : human) {
            h.send(toContact("busy", T0.plusMillis(at), ClientType.OFFICIAL_APP));
        }
        // a scheduler: every 5 minutes ± 30 %, for 23 hours; under every hour-scale rule (12 messages an hour)
        long at = 0;
        while (at < Duration.ofHours(23).toMillis()) {
            h.send(toContact("cron", T0.plusMillis(at), ClientType.OFFICIAL_APP));
            at += (long) (300_000 * (0.7 + 0.6 * random.nextDouble()));
        }
        assertThat(h.signals()).singleElement().satisfies(s -> {
            assertThat(s.accountId()).isEqualTo("cron");
            assertThat(s.ruleId()).isEqualTo("automated.round-the-clock");
            assertThat(s.features().get("intervalCv")).isLessThan(0.5);
            assertThat(s.features().get("activeHoursLastDay")).isGreaterThanOrEqualTo(20.0);
        });
    }

    @Test
    void jitteredAutomationThatEvadesClockworkTimingHasASteadyCadence() {
        h.send(registered("jitter", OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        long at = 0;
        for (int i = 0; i < 60; i++) { // every 60 s ± 30 %: CV ≈ 0.17, above the clockwork rule's 0.1
            at += 42_000 + (i * 7919L % 36_000);
            h.send(toContact("jitter", T0.plusMillis(at), ClientType.OFFICIAL_APP));
        }
        List<DetectionSignal> out = h.signals();
        assertThat(out).extracting(DetectionSignal::ruleId).containsExactly("automated.sustained-cadence");
        assertThat(out.get(0).features().get("intervalCv")).isGreaterThan(0.1);
    }

    @Test
    void aPersonChattingAllEveningIsNotASteadyCadence() {
        h.send(registered("chatty", OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        long at = 0;
        for (int i = 0; i < 80; i++) { // bursts of quick replies, then pauses
            at += i % 8 == 7 ? 300_000 : 5_000 + (i * 7919L % 20_000);
            h.send(message("chatty", T0.plusMillis(at), ChatType.DIRECT, 1, 1, fresh(), i % 2 == 0,
                    ClientType.OFFICIAL_APP));
        }
        assertThat(h.signals()).isEmpty();
    }

    @Test
    void newslettersWithADifferentOfferEachTimeAreNonPersonalByBroadcastReach() {
        h.send(registered("promo", OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        h.send(message("promo", T0, ChatType.BROADCAST, 160, 8, fresh(), false, ClientType.OFFICIAL_APP));
        assertThat(h.signals()).isEmpty();
        h.send(message("promo", T0.plusSeconds(1200), ChatType.BROADCAST, 160, 8, fresh(), false,
                ClientType.OFFICIAL_APP));
        assertThat(h.signals()).singleElement().satisfies(s -> {
            assertThat(s.ruleId()).isEqualTo("nonpersonal.broadcast-reach");
            assertThat(s.features()).containsEntry("fanoutNonContactRecipientsLastDay", 304.0);
        });
    }

    @Test
    void aTeacherBroadcastingToParentsWhoSavedTheNumberIsNotNonPersonal() {
        h.send(registered("teacher", OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        for (int i = 0; i < 12; i++) {
            h.send(message("teacher", T0.plusSeconds(1800L * i), ChatType.BROADCAST, 60, 54, fresh(), false,
                    ClientType.OFFICIAL_APP));
        }
        assertThat(h.signals()).isEmpty();
    }

    @Test
    void aFreshAccountSpreadingItsOutreachOverItsFirstHourIsConclusive() {
        h.send(registered("young", T0, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        for (int i = 0; i < 19; i++) { // 2 non-contacts a message, one message every 2 minutes: no burst
            h.send(message("young", T0.plusSeconds(60 + 120L * i), ChatType.DIRECT, 2, 0, fresh(), false,
                    ClientType.OFFICIAL_APP));
        }
        assertThat(h.signals()).as("19 messages").isEmpty();
        h.send(message("young", T0.plusSeconds(60 + 120L * 19), ChatType.DIRECT, 2, 0, fresh(), false,
                ClientType.OFFICIAL_APP));
        assertThat(h.signals()).singleElement().satisfies(s -> {
            assertThat(s.ruleId()).isEqualTo("bulk.young-account-outreach");
            assertThat(s.score()).isGreaterThanOrEqualTo(0.95);
        });
    }

    @Test
    void reportsFromTwoRecipientsOfAStrangerMessengerButNotOneAngryUserReportingManyTimes() {
        for (String a : new String[] {"pest", "victim"}) {
            h.send(registered(a, OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        }
        for (int i = 0; i < 12; i++) {
            h.send(stranger("pest", T0.plusSeconds(60L * i)));
            h.send(toContact("victim", T0.plusSeconds(60L * i), ClientType.OFFICIAL_APP));
        }
        for (int i = 0; i < 8; i++) {
            h.send(report("victim", T0.plusSeconds(900 + 60L * i), "angry"));
        }
        h.send(report("pest", T0.plusSeconds(900), "r1"));
        assertThat(h.signals()).isEmpty();
        h.send(report("pest", T0.plusSeconds(960), "r2"));
        assertThat(h.signals()).singleElement().satisfies(s -> {
            assertThat(s.ruleId()).isEqualTo("reported.reports-from-strangers");
            assertThat(s.accountId()).isEqualTo("pest");
        });
    }
}
