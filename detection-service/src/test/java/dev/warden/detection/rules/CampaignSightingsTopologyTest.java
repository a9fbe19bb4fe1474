package dev.warden.detection.rules;

import static dev.warden.detection.rules.TopologyHarness.T0;
import static dev.warden.detection.rules.TopologyHarness.message;
import static dev.warden.detection.rules.TopologyHarness.registered;
import static dev.warden.detection.rules.TopologyHarness.toStranger;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.activity.AccountType;
import dev.warden.contracts.activity.ChatType;
import dev.warden.contracts.activity.ClientType;
import dev.warden.detection.campaign.Sighting;
import dev.warden.detection.campaign.SightingDedupe;

/**
 * Only the first (account, fingerprint) sighting within a few minutes goes through the fingerprint
 * repartition: the campaign rule counts distinct senders, so repeats must not change what it sees.
 */
class CampaignSightingsTopologyTest {

    private static final Instant OLD = T0.minus(Duration.ofDays(100));
    private TopologyHarness h;

    @BeforeEach
    void start() {
        h = new TopologyHarness();
        for (String a : new String[] {"a", "b", "c"}) {
            h.send(registered(a, OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        }
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void anAccountRepeatingAFingerprintIsForwardedOnceAndStillCountsOnce() {
        for (int i = 0; i < 10; i++) {
            h.send(toStranger("a", T0.plusSeconds(10L * i), "feed01"));
        }
        assertThat(h.fingerprintSightings.readKeyValuesToList()).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo("feed01");
            assertThat(kv.value).isEqualTo(new Sighting("a", T0.toEpochMilli()));
        });

        h.send(toStranger("b", T0.plusSeconds(100), "feed01"));
        h.send(toStranger("b", T0.plusSeconds(101), "feed01"));

        assertThat(h.fingerprintSightings.readKeyValuesToList()).as("a second account is forwarded, once")
                .extracting(kv -> kv.value).containsExactly(new Sighting("b", T0.plusSeconds(100).toEpochMilli()));
        assertThat(h.state("b").campaignAccounts).as("two distinct senders, however many messages").isEqualTo(2);
        assertThat(h.state("a").campaignAccounts).as("every sender hears each new size").isEqualTo(2);

        h.send(toStranger("c", T0.plusSeconds(120), "feed01"));
        assertThat(h.state("a").campaignAccounts).isEqualTo(3);
        assertThat(h.state("c").campaignAccounts).isEqualTo(3);
    }

    @Test
    void aRepeatIsForwardedAgainInTheNextCampaignBucket() {
        long bucket = SightingDedupe.BUCKET_MILLIS;
        Instant start = Instant.ofEpochMilli(Math.floorDiv(T0.toEpochMilli(), bucket) * bucket);
        h.send(toStranger("a", start, "feed02"));
        h.send(toStranger("a", start.plusMillis(bucket - 1), "feed02"));
        h.send(toStranger("a", start.plusMillis(bucket), "feed02"));
        h.send(toStranger("a", start.plusMillis(bucket + 1), "feed02"));
        assertThat(h.fingerprintSightings.readValuesToList()).containsExactly(new Sighting("a", start.toEpochMilli()),
                new Sighting("a", start.plusMillis(bucket).toEpochMilli()));
    }

    @Test
    void messagesTheCampaignRuleCannotUseAreNotForwarded() {
        h.send(message("a", T0, ChatType.DIRECT, 2, 2, "feed03", false, ClientType.OFFICIAL_APP)); // contacts only
        h.send(message("a", T0.plusSeconds(1), ChatType.DIRECT, 2, 0, "feed03", false, ClientType.BUSINESS_API));
        h.send(message("a", T0.plusSeconds(2), ChatType.DIRECT, 2, 0, null, false, ClientType.OFFICIAL_APP));
        assertThat(h.fingerprintSightings.readValuesToList()).isEmpty();

        h.send(message("a", T0.plusSeconds(3), ChatType.DIRECT, 2, 1, "feed03", false, ClientType.OFFICIAL_APP));
        assertThat(h.fingerprintSightings.readValuesToList()).hasSize(1);
    }
}
