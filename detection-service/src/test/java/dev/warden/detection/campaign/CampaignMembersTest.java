package dev.warden.detection.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CampaignMembersTest {

    @Test
    void theSameSightingsInAnyOrderGiveTheSameSendersWithTheirEarliestTimes() {
        List<Sighting> sightings = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sightings.add(new Sighting("acc-" + i % 10, 1_000L * (30 - i)));
        }
        CampaignMembers reference = joinAll(sightings);
        Random random = new Random(5);
        for (int n = 0; n < 50; n++) {
            Collections.shuffle(sightings, random);
            CampaignMembers shuffled = joinAll(sightings);
            assertThat(shuffled.size()).isEqualTo(10);
            assertThat(shuffled.members()).containsExactlyInAnyOrderElementsOf(reference.members());
        }
        assertThat(reference.members()).contains(new CampaignMembers.Member("acc-0", 10_000L));
    }

    @Test
    void aKnownSenderKeepsTheSizeAndOnlyAnEarlierSightingMovesItsTime() {
        CampaignMembers m = new CampaignMembers();
        assertThat(m.join("a", 50)).isEqualTo(CampaignMembers.Join.JOINED);
        assertThat(m.join("a", 60)).isEqualTo(CampaignMembers.Join.KNOWN);
        assertThat(m.join("a", 40)).isEqualTo(CampaignMembers.Join.EARLIER);
        assertThat(m.join("b", 70)).isEqualTo(CampaignMembers.Join.JOINED);
        assertThat(m.members()).containsExactly(new CampaignMembers.Member("a", 40), new CampaignMembers.Member("b", 70));
    }

    @Test
    void beyondTheCapNewcomersAreNotKept() {
        CampaignMembers m = new CampaignMembers();
        for (int i = 0; i < CampaignMembers.MAX_MEMBERS; i++) {
            assertThat(m.join("acc-" + i, i)).isEqualTo(CampaignMembers.Join.JOINED);
        }
        assertThat(m.join("late", 1)).isEqualTo(CampaignMembers.Join.OVER_CAP);
        assertThat(m.join("acc-3", 0)).as("known members still move").isEqualTo(CampaignMembers.Join.EARLIER);
        assertThat(m.size()).isEqualTo(CampaignMembers.MAX_MEMBERS);
    }

    private static CampaignMembers joinAll(List<Sighting> sightings) {
        CampaignMembers m = new CampaignMembers();
        sightings.forEach(s -> m.join(s.accountId(), s.atMillis()));
        return m;
    }
}
