package dev.warden.detection.rules;

import static dev.warden.detection.rules.TopologyHarness.T0;
import static dev.warden.detection.rules.TopologyHarness.message;
import static dev.warden.detection.rules.TopologyHarness.registered;
import static dev.warden.detection.rules.TopologyHarness.report;
import static dev.warden.detection.rules.TopologyHarness.toContact;
import static dev.warden.detection.rules.TopologyHarness.toStranger;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.activity.AccountType;
import dev.warden.contracts.activity.ChatType;
import dev.warden.contracts.activity.ClientType;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.contracts.signal.Violation;

/** Edges of the behaviour rules: exactly at threshold, one below, window expiry, exemptions, explanations. */
class BehaviourRulesTopologyTest {

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

    @Test
    void slowDripToStrangersIsBulkForReviewExactlyAtFortyMessagesAnHour() {
        h.send(registered("drip", OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        for (int i = 0; i < 39; i++) { // a new text every time: only the rate speaks, not the repeated text
            h.send(toStranger("drip", T0.plusSeconds(60L * i + (i % 7) * 9), "a" + i));
        }
        assertThat(h.signals()).as("39 messages").isEmpty();

        h.send(toStranger("drip", T0.plusSeconds(60L * 39), "a39"));

        List<DetectionSignal> out = h.signals();
        assertThat(out).singleElement().satisfies(s -> {
            assertThat(s.ruleId()).isEqualTo("bulk.stranger-outreach");
            assertThat(s.violation()).isEqualTo(Violation.BULK_MESSAGING);
            assertThat(s.score()).as("review, not auto-ban").isLessThan(0.95);
            assertThat(s.features()).containsEntry("messagesLastHour", 40.0).containsEntry("nonContactShare", 1.0);
            assertThat(s.criteria()).extracting(DetectionSignal.Criterion::feature)
                    .containsExactly("messagesLastHour", "nonContactRecipientsLastHour", "nonContactShare", "replyShare");
            assertThat(s.summary()).contains("40 messages to 40 non-contacts");
        });
    }

    @Test
    void messagesOlderThanTheHourNoLongerCount() {
        h.send(registered("drip", OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        for (int i = 0; i < 30; i++) {
            h.send(toStranger("drip", T0.plusSeconds(60L * i + (i % 5) * 7), "a" + i));
        }
        // 30 more, but starting 70 minutes later: the first 30 have left the hour window
        for (int i = 0; i < 30; i++) {
            h.send(toStranger("drip", T0.plus(Duration.ofMinutes(100)).plusSeconds(60L * i + (i % 5) * 7),
                    i < 15 ? "b" + i : "a1"));
        }
        // no hour holds 40, but the day sees one text sent to 15 strangers: only the day-scale rule speaks
        assertThat(h.signals()).extracting(DetectionSignal::ruleId).containsExactly("bulk.repeated-content-reach");
    }

    @Test
    void clockworkTimingFromAnUnofficialClientIsConclusivelyAutomated() {
        h.send(registered("bot", OLD, AccountType.PRIVATE, ClientType.UNOFFICIAL_CLIENT));
        for (int i = 0; i < 30; i++) {
            h.send(toContact("bot", T0.plusSeconds(60L * i), ClientType.UNOFFICIAL_CLIENT));
        }

        assertThat(h.signals()).singleElement().satisfies(s -> {
            assertThat(s.violation()).isEqualTo(Violation.AUTOMATED_BEHAVIOR);
            assertThat(s.score()).isEqualTo(0.97);
            assertThat(s.features()).containsEntry("intervalCv", 0.0).containsEntry("intervals", 24.0);
            assertThat(s.summary()).contains("unofficial client");
        });
    }

    @Test
    void clockworkTimingFromTheOfficialAppGoesToReviewOnly() {
        h.send(registered("sched", OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        for (int i = 0; i < 30; i++) {
            h.send(toContact("sched", T0.plusSeconds(60L * i), ClientType.OFFICIAL_APP));
        }
        assertThat(h.signals()).singleElement().satisfies(s -> assertThat(s.score()).isEqualTo(0.9));
    }

    @Test
    void humanIrregularTimingIsNotAutomated() {
        h.send(registered("human", OLD, AccountType.PRIVATE, ClientType.UNOFFICIAL_CLIENT));
        long at = 0;
        for (int i = 0; i < 40; i++) {
            at += 20 + (i * 37 % 90); // 20-110 s, irregular
            h.send(toContact("human", T0.plusSeconds(at), ClientType.UNOFFICIAL_CLIENT));
        }
        assertThat(h.signals()).isEmpty();
    }

    @Test
    void businessAccountsMayAutomate() {
        h.send(registered("shop", OLD, AccountType.BUSINESS, ClientType.BUSINESS_API));
        for (int i = 0; i < 60; i++) {
            h.send(message("shop", T0.plusSeconds(30L * i), ChatType.DIRECT, 1, 0, "f" + i, false, ClientType.BUSINESS_API));
        }
        assertThat(h.signals()).isEmpty();
    }

    @Test
    void identicalPromotionToManyStrangersFromAPersonalAccountIsNonPersonalUse() {
        h.send(registered("news", OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        h.send(message("news", T0, ChatType.BROADCAST, 60, 10, "c0ffee", false, ClientType.OFFICIAL_APP));
        h.send(message("news", T0.plusSeconds(600), ChatType.BROADCAST, 60, 10, "c0ffee", false, ClientType.OFFICIAL_APP));
        assertThat(h.signals()).as("2 repeats").isEmpty();

        h.send(message("news", T0.plusSeconds(1200), ChatType.BROADCAST, 60, 10, "c0ffee", false, ClientType.OFFICIAL_APP));

        assertThat(h.signals()).singleElement().satisfies(s -> {
            assertThat(s.violation()).isEqualTo(Violation.NON_PERSONAL_USE);
            assertThat(s.features()).containsEntry("topFingerprintMessages", 3.0)
                    .containsEntry("topFingerprintNonContactRecipients", 150.0);
        });
    }

    @Test
    void theSameNewsletterFromABusinessClientIsLegitimate() {
        h.send(registered("biz", OLD, AccountType.BUSINESS, ClientType.BUSINESS_APP));
        for (int i = 0; i < 5; i++) {
            h.send(message("biz", T0.plusSeconds(600L * i), ChatType.BROADCAST, 200, 10, "c0ffee", false,
                    ClientType.BUSINESS_APP));
        }
        assertThat(h.signals()).isEmpty();
    }

    @Test
    void reportsCountDistinctReporters() {
        h.send(registered("r", OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        h.send(report("r", T0, "alice"));
        h.send(report("r", T0.plusSeconds(1), "alice"));
        h.send(report("r", T0.plusSeconds(2), "bob"));
        assertThat(h.signals()).as("two distinct reporters").isEmpty();

        h.send(report("r", T0.plusSeconds(3), "carol"));

        assertThat(h.signals()).singleElement().satisfies(s -> {
            assertThat(s.violation()).isEqualTo(Violation.USER_REPORTED);
            assertThat(s.features()).containsEntry("distinctReporters", 3.0);
        });
    }

    @Test
    void manyAccountsSendingTheSameContentToStrangersAreACoordinatedCampaign() {
        for (int a = 0; a < 10; a++) {
            h.send(registered("c" + a, OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        }
        // each account: 5 messages of the campaign content to strangers; alone far below any rate rule
        for (int i = 0; i < 5; i++) {
            for (int a = 0; a < 9; a++) {
                h.send(toStranger("c" + a, T0.plusSeconds(60L * i + a), "badc0de"));
            }
        }
        assertThat(h.signals()).as("9 accounts").isEmpty();

        h.send(toStranger("c9", T0.plusSeconds(400), "badc0de"));

        List<DetectionSignal> out = h.signals();
        assertThat(out).extracting(DetectionSignal::accountId).as("every member, none of whom sends again")
                .containsExactlyInAnyOrder("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9");
        assertThat(out).allSatisfy(s -> {
            assertThat(s.ruleId()).isEqualTo("bulk.coordinated-campaign");
            assertThat(s.features().get("campaignAccounts")).isGreaterThanOrEqualTo(10.0);
        });

        h.send(toStranger("c0", T0.plusSeconds(410), "badc0de"));
        h.send(toStranger("c10", T0.plusSeconds(420), "badc0de"));
        assertThat(h.signals()).as("a newcomer is flagged; known members are not flagged twice")
                .extracting(DetectionSignal::accountId).containsExactly("c10");
    }

    @Test
    void campaignNewsIsJudgedAtTheMembersOwnEventTimeNotAtItsNextMessage() {
        for (int a = 0; a < 10; a++) {
            h.send(registered("m" + a, OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
            h.send(toStranger("m" + a, T0.plusSeconds(a), "c0ffee")); // one message each, then silence
        }
        List<DetectionSignal> out = h.signals();
        assertThat(out).hasSize(10).allSatisfy(s -> assertThat(s.ruleId()).isEqualTo("bulk.coordinated-campaign"));
        assertThat(out).filteredOn(s -> s.accountId().equals("m0")).singleElement()
                .satisfies(s -> assertThat(s.triggeredAt()).isEqualTo(T0));
    }

    @Test
    void aConclusiveBurstYieldsOneSignalThoughOtherRulesMatchToo() {
        h.send(registered("fresh", T0, AccountType.PRIVATE, ClientType.UNOFFICIAL_CLIENT));
        for (int i = 0; i < 100; i++) { // regular, identical content, strangers: every bulk rule would match
            h.send(message("fresh", T0.plusSeconds(60).plusMillis(150L * i), ChatType.BROADCAST, 3, 0, "abc", false,
                    ClientType.UNOFFICIAL_CLIENT));
        }
        assertThat(h.signals()).singleElement().satisfies(s -> assertThat(s.ruleId()).isEqualTo("bulk.registration-burst"));
    }

    @Test
    void aFreshAccountJoiningAKnownCampaignWithABurstGetsOnlyTheConclusiveSignal() {
        for (int a = 0; a < 10; a++) {
            h.send(registered("c" + a, OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
            h.send(toStranger("c" + a, T0.plusSeconds(a), "badc0de"));
        }
        h.signals();
        h.send(registered("fresh", T0.plusSeconds(20), AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        for (int i = 0; i < 40; i++) {
            h.send(message("fresh", T0.plusSeconds(80).plusMillis(150L * i), ChatType.BROADCAST, 3, 0, "badc0de", false,
                    ClientType.OFFICIAL_APP));
        }
        assertThat(h.signals()).filteredOn(s -> s.accountId().equals("fresh")).singleElement()
                .satisfies(s -> assertThat(s.ruleId()).isEqualTo("bulk.registration-burst"));
    }

    @Test
    void aRuleVersionFromTheRulesTopicAppliesAtOnceAndSignalsCarryIt() {
        RuleDefinition v2 = new RuleDefinition("reported.distinct-reporters", 2, Violation.USER_REPORTED, true, 0.7,
                3600, Map.of("minDistinctReporters", 2.0), Map.of(), "two are enough");
        h.rules.pipeInput(v2.id(), WardenJson.write(TopologyHarness.written(v2)));
        h.send(registered("r", OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        h.send(report("r", T0, "alice"));
        h.send(report("r", T0.plusSeconds(1), "bob"));

        assertThat(h.signals()).singleElement().satisfies(s -> {
            assertThat(s.ruleVersion()).isEqualTo(2);
            assertThat(s.score()).isEqualTo(0.7);
        });
    }

    @Test
    void anInvalidRuleRecordIsIgnoredAndTheRuleKeepsWorking() {
        h.rules.pipeInput("reported.distinct-reporters", "{not json");
        h.rules.pipeInput("reported.distinct-reporters", WardenJson.write(TopologyHarness.written(new RuleDefinition(
                "reported.distinct-reporters", 2, Violation.USER_REPORTED, true, 0.7, 3600, Map.of("bogus", 1.0), Map.of(), ""))));
        h.send(registered("r", OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        for (String reporter : List.of("a", "b", "c")) {
            h.send(report("r", T0, reporter));
        }
        assertThat(h.signals()).singleElement().satisfies(s -> assertThat(s.ruleVersion()).isEqualTo(1));
    }

    @Test
    void aDisabledRuleStaysSilent() {
        RuleDefinition off = new RuleDefinition("reported.distinct-reporters", 2, Violation.USER_REPORTED, false, 0.6,
                3600, Map.of("minDistinctReporters", 3.0), Map.of(), "off");
        h.rules.pipeInput(off.id(), WardenJson.write(TopologyHarness.written(off)));
        h.send(registered("r", OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        for (String reporter : List.of("a", "b", "c", "d")) {
            h.send(report("r", T0, reporter));
        }
        assertThat(h.signals()).isEmpty();
    }
}
