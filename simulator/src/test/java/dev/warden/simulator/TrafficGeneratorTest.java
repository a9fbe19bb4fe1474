package dev.warden.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.warden.contracts.activity.AccountType;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityEventParser;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.activity.ChatType;
import dev.warden.contracts.activity.ClientType;
import dev.warden.contracts.activity.ParseResult;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.Violation;

class TrafficGeneratorTest {

    private static final Instant START = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void theSameSeedGivesTheSameEventsAndLabels() {
        List<String> first = run(Scenario.defaults(7, 400, START));
        List<String> second = run(Scenario.defaults(7, 400, START));
        List<String> other = run(Scenario.defaults(8, 400, START));

        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aRunPrefixGivesFreshAccountIdsForTheSamePopulation() {
        List<Label> plain = new ArrayList<>();
        List<Label> prefixed = new ArrayList<>();
        List<ActivityEvent> events = new ArrayList<>();
        new TrafficGenerator(Scenario.defaults(7, 300, START)).generate(e -> { }, plain::add);
        new TrafficGenerator(Scenario.defaults(7, 300, START).withRun("r1")).generate(events::add, prefixed::add);

        assertThat(prefixed).extracting(Label::persona).isEqualTo(plain.stream().map(Label::persona).toList());
        assertThat(prefixed).extracting(Label::accountId).allMatch(id -> id.startsWith("sim-r1-7-"))
                .doesNotContainAnyElementsOf(plain.stream().map(Label::accountId).toList());
        assertThat(events).extracting(ActivityEvent::accountId).allMatch(id -> id.startsWith("sim-r1-7-"));
        assertThat(events).filteredOn(e -> e.type() == ActivityType.ACCOUNT_REGISTERED)
                .allSatisfy(e -> assertThat(e.contactEmail()).isEqualTo(e.accountId() + "@example.org"));
    }

    @Test
    void aRunPrefixOutsideLowerCaseLettersAndDigitsIsRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Scenario.defaults(7, 10, START).withRun("r-1:x"));
    }

    @Test
    void personasFollowTheMixAndCarryTheirGroundTruth() {
        List<Label> labels = new ArrayList<>();
        new TrafficGenerator(Scenario.defaults(42, 1000, START)).generate(e -> { }, labels::add);

        Map<Persona, Long> counts = labels.stream().collect(Collectors.groupingBy(Label::persona,
                () -> new EnumMap<>(Persona.class), Collectors.counting()));
        assertThat(labels).hasSize(1000);
        assertThat(counts.get(Persona.ORDINARY)).isEqualTo(620);
        assertThat(counts.get(Persona.FRESH_BOT)).isEqualTo(50);
        assertThat(labels).filteredOn(l -> l.persona() == Persona.NEWSLETTER)
                .allSatisfy(l -> assertThat(l.violations()).containsExactly(Violation.NON_PERSONAL_USE));
        assertThat(labels).filteredOn(l -> l.persona().legitimate()).allSatisfy(l -> assertThat(l.violations()).isEmpty());
        assertThat(labels).extracting(Label::accountId).doesNotHaveDuplicates();
    }

    @Test
    void everyEventPassesTheContractAndStaysInsideTheScenarioSpan() {
        ActivityEventParser parser = new ActivityEventParser(Duration.ofMinutes(5));
        List<ActivityEvent> events = new ArrayList<>();
        new TrafficGenerator(Scenario.defaults(42, 500, START)).generate(events::add, l -> { });

        assertThat(events).allSatisfy(e -> assertThat(parser.parse(WardenJson.write(e).getBytes(), START.plus(Duration.ofHours(2))))
                .isInstanceOf(ParseResult.Accepted.class));
        assertThat(events).filteredOn(e -> e.type() == ActivityType.MESSAGE_SENT)
                .allSatisfy(e -> assertThat(e.occurredAt()).isBetween(START, START.plus(Duration.ofHours(1))));
    }

    @Test
    void freshBotsRegisterInsideTheSpanAndBurstToStrangers() {
        TrafficGenerator g = new TrafficGenerator(Scenario.defaults(42, 200, START));
        for (int i = 0; i < 200; i++) {
            if (g.label(i).persona() != Persona.FRESH_BOT) {
                continue;
            }
            List<ActivityEvent> events = g.account(i);
            ActivityEvent registration = events.get(0);
            assertThat(registration.type()).isEqualTo(ActivityType.ACCOUNT_REGISTERED);
            assertThat(registration.occurredAt()).isAfterOrEqualTo(START);
            List<ActivityEvent> messages = events.stream().filter(e -> e.type() == ActivityType.MESSAGE_SENT).toList();
            assertThat(messages).hasSizeGreaterThanOrEqualTo(50)
                    .allSatisfy(m -> assertThat(m.recipientsInContacts()).isZero());
            assertThat(Duration.between(messages.get(0).occurredAt(), messages.get(messages.size() - 1).occurredAt()))
                    .isLessThanOrEqualTo(Duration.ofSeconds(40));
        }
    }

    @Test
    void legitimateBusinessesUseTheBusinessClient() {
        TrafficGenerator g = new TrafficGenerator(Scenario.defaults(42, 300, START));
        for (int i = 0; i < 300; i++) {
            if (g.label(i).persona() == Persona.BUSINESS) {
                assertThat(g.account(i).get(0).accountType()).isEqualTo(AccountType.BUSINESS);
                assertThat(g.account(i)).filteredOn(e -> e.type() == ActivityType.MESSAGE_SENT)
                        .allSatisfy(e -> assertThat(e.clientType()).isIn(ClientType.BUSINESS_APP, ClientType.BUSINESS_API));
            }
            if (g.label(i).persona() == Persona.LARGE_GROUP) {
                assertThat(g.account(i)).filteredOn(e -> e.chatType() == ChatType.GROUP).isNotEmpty();
            }
        }
    }

    private static List<String> run(Scenario s) {
        List<String> out = new ArrayList<>();
        new TrafficGenerator(s).generate(e -> out.add(WardenJson.write(e)), l -> out.add(WardenJson.write(l)));
        return out;
    }
}
