package dev.warden.detection.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The binary layouts of the records between the campaign stages and of the tracker's store. */
class CampaignSerdesTest {

    private final Random random = new Random(42);

    @Test
    void sightingsUpdatesAndMembersRoundTrip() {
        for (int n = 0; n < 2_000; n++) {
            Sighting s = new Sighting(account(), random.nextLong());
            assertThat(SightingSerde.read(SightingSerde.write(s))).isEqualTo(s);
            CampaignUpdate u = new CampaignUpdate(random.nextInt(), random.nextLong(), random.nextLong());
            assertThat(CampaignUpdateSerde.read(CampaignUpdateSerde.write(u))).isEqualTo(u);
            CampaignMembers m = members(random.nextInt(CampaignMembers.MAX_MEMBERS + 1));
            assertThat(CampaignMembersSerde.read(CampaignMembersSerde.write(m))).isEqualTo(m);
        }
    }

    @Test
    void anUnknownLayoutByteIsASerializationErrorNamingIt() {
        byte[] sighting = SightingSerde.write(new Sighting("acc-1", 1L));
        byte[] update = CampaignUpdateSerde.write(new CampaignUpdate(3, 2L, 1L));
        byte[] members = CampaignMembersSerde.write(members(3));
        sighting[0] = 2;
        update[0] = 9;
        members[0] = 0;

        assertThatThrownBy(() -> SightingSerde.read(sighting)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown campaign sighting layout 2");
        assertThatThrownBy(() -> CampaignUpdateSerde.read(update)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown campaign update layout 9");
        assertThatThrownBy(() -> CampaignMembersSerde.read(members)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown campaign members layout 0");
    }

    @Test
    void truncatedOrOverlongBytesAreASerializationError() {
        assertEveryCutFails(SightingSerde.write(new Sighting("acc-ü", 7L)), SightingSerde::read);
        assertEveryCutFails(CampaignUpdateSerde.write(new CampaignUpdate(3, 2L, 1L)), CampaignUpdateSerde::read);
        assertEveryCutFails(CampaignMembersSerde.write(members(5)), CampaignMembersSerde::read);
    }

    @Test
    void theTabSeparatedTextOfThePreviousVersionIsStillRead() {
        assertThat(SightingSerde.read(utf8("acc-7\t1732000000000"))).isEqualTo(new Sighting("acc-7", 1732000000000L));
        assertThat(CampaignUpdateSerde.read(utf8("12\t1731999600000\t1732000000000")))
                .isEqualTo(new CampaignUpdate(12, 1731999600000L, 1732000000000L));
        assertThat(CampaignMembersSerde.read(utf8("acc-1\t5\nacc-2\t3")).members()).containsExactly(
                new CampaignMembers.Member("acc-1", 5L), new CampaignMembers.Member("acc-2", 3L));
        assertThatThrownBy(() -> SightingSerde.read(utf8("acc-7 no tab"))).isInstanceOf(SerializationException.class);
    }

    private static void assertEveryCutFails(byte[] bytes, Function<byte[], ?> read) {
        for (int len = 0; len < bytes.length; len++) {
            byte[] cut = Arrays.copyOf(bytes, len);
            assertThatThrownBy(() -> read.apply(cut)).as("%d of %d bytes", len, bytes.length)
                    .isInstanceOf(SerializationException.class);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> read.apply(longer)).isInstanceOf(SerializationException.class);
    }

    private CampaignMembers members(int n) {
        List<CampaignMembers.Member> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new CampaignMembers.Member(account() + i, random.nextLong()));
        }
        return new CampaignMembers(list);
    }

    private String account() {
        return switch (random.nextInt(3)) {
            case 0 -> "acc-" + random.nextInt(1_000_000);
            case 1 -> "ü".repeat(random.nextInt(200));
            default -> "";
        };
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
