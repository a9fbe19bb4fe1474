package dev.warden.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.activity.ActivityEventParser;
import dev.warden.contracts.activity.ParseResult;
import dev.warden.contracts.json.WardenJson;

class FamiliesTest {

    private static final Instant START = Instant.parse("2026-11-22T00:00:00Z");

    private static Scenario day(Map<Persona, Double> mix, Scenario.Ranges ranges) {
        return Scenario.defaults(42, 400, START).withDuration(Duration.ofHours(24)).withMix(mix).withRanges(ranges);
    }

    @Test
    void everyMixSumsToOneAndTheNewMixesHoldEveryNewFamily() {
        for (String name : List.of("default", "adversarial", "evasion")) {
            assertThat(Scenario.mix(name).values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        }
        List<Persona> covered = new ArrayList<>(Scenario.adversarialMix().keySet());
        covered.addAll(Scenario.evasionMix().keySet());
        covered.addAll(Scenario.defaultMix().keySet());
        assertThat(covered).containsAll(List.of(Persona.values()));
    }

    @Test
    void everyEventOfEveryFamilyPassesTheContract() {
        ActivityEventParser parser = new ActivityEventParser(Duration.ofMinutes(5));
        for (Map<Persona, Double> mix : List.of(Scenario.adversarialMix(), Scenario.evasionMix())) {
            List<ActivityEvent> events = new ArrayList<>();
            new TrafficGenerator(day(mix, Scenario.Ranges.HELD_OUT)).generate(events::add, l -> { });
            assertThat(events).allSatisfy(e -> assertThat(parser.parse(WardenJson.write(e).getBytes(),
                    START.plus(Duration.ofDays(2)))).isInstanceOf(ParseResult.Accepted.class));
        }
    }

    @Test
    void parametersAreDrawnFromTheScenariosRangeSoHeldOutTrafficDiffers() {
        TrafficGenerator dev = new TrafficGenerator(day(Scenario.adversarialMix(), Scenario.Ranges.DEV));
        TrafficGenerator heldOut = new TrafficGenerator(day(Scenario.adversarialMix(), Scenario.Ranges.HELD_OUT));
        List<Integer> devSizes = new ArrayList<>();
        List<Integer> heldOutSizes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            if (dev.label(i).persona() == Persona.ROTATING_SPAM) {
                devSizes.add(dev.account(i).size());
                heldOutSizes.add(heldOut.account(i).size());
            }
        }
        assertThat(devSizes).hasSizeGreaterThan(5).doesNotHaveDuplicates();
        assertThat(heldOutSizes).isNotEqualTo(devSizes);
    }

    @Test
    void evasionBurstsStayUnderTenMessagesInAnyMinute() {
        TrafficGenerator g = new TrafficGenerator(day(Scenario.evasionMix(), Scenario.Ranges.HELD_OUT));
        for (int i = 0; i < 400; i++) {
            if (g.label(i).persona() != Persona.EVADE_BURST) {
                continue;
            }
            List<Instant> times = g.account(i).stream().filter(e -> e.type() == ActivityType.MESSAGE_SENT)
                    .map(ActivityEvent::occurredAt).sorted().toList();
            assertThat(times).hasSizeGreaterThanOrEqualTo(45);
            for (int k = 9; k < times.size(); k++) {
                assertThat(Duration.between(times.get(k - 9), times.get(k))).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
            }
        }
    }

    @Test
    void kafkaPropertiesArePassedThroughAndMustBeKeyValue() {
        Map<String, String> o = Simulator.options(new String[] {"generate", "--kafka-property", "security.protocol=SASL_PLAINTEXT",
                "--kafka-property", "sasl.jaas.config=a=b c", "--seed", "7"});
        assertThat(Simulator.kafkaProperties(o)).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.jaas.config", "a=b c");
        assertThat(o).containsEntry("seed", "7");
        assertThatThrownBy(() -> Simulator.options(new String[] {"generate", "--kafka-property", "novalue"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key=value");
    }
}
