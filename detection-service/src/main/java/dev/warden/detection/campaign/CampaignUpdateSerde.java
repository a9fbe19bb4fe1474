package dev.warden.detection.campaign;

import java.nio.ByteBuffer;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Layout 1: {@code [1] [4-byte accounts] [8-byte window start] [8-byte member millis]}, 21 bytes. No reflection. */
public final class CampaignUpdateSerde implements Serde<CampaignUpdate> {

    private static final int SIZE = 1 + Integer.BYTES + 2 * Long.BYTES;

    @Override
    public Serializer<CampaignUpdate> serializer() {
        return (topic, u) -> u == null ? null : write(u);
    }

    @Override
    public Deserializer<CampaignUpdate> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    public static byte[] write(CampaignUpdate u) {
        return ByteBuffer.allocate(SIZE).put((byte) WireFormat.VERSION_1).putInt(u.accounts())
                .putLong(u.windowStartMillis()).putLong(u.memberAtMillis()).array();
    }

    public static CampaignUpdate read(byte[] bytes) {
        return WireFormat.read(bytes, "campaign update", in -> new CampaignUpdate(in.getInt(), in.getLong(), in.getLong()),
                CampaignUpdateSerde::legacyText);
    }

    /** Before layout 1: {@code accounts \t windowStartMillis \t memberAtMillis}. */
    private static CampaignUpdate legacyText(String text) {
        String[] parts = text.split("\t");
        return new CampaignUpdate(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    }
}
