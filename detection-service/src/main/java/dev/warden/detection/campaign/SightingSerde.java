package dev.warden.detection.campaign;

import java.nio.ByteBuffer;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Layout 1: {@code [1] [varint length, UTF-8 account id] [8-byte event millis]}. No reflection. */
public final class SightingSerde implements Serde<Sighting> {

    @Override
    public Serializer<Sighting> serializer() {
        return (topic, s) -> s == null ? null : write(s);
    }

    @Override
    public Deserializer<Sighting> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    public static byte[] write(Sighting s) {
        byte[] account = WireFormat.utf8(s.accountId());
        ByteBuffer out = ByteBuffer.allocate(1 + WireFormat.textSize(account.length) + Long.BYTES);
        out.put((byte) WireFormat.VERSION_1);
        WireFormat.putText(out, account);
        out.putLong(s.atMillis());
        return out.array();
    }

    public static Sighting read(byte[] bytes) {
        return WireFormat.read(bytes, "campaign sighting", in -> new Sighting(WireFormat.getText(in), in.getLong()),
                SightingSerde::legacyText);
    }

    /** Before layout 1: {@code accountId \t eventMillis}. */
    private static Sighting legacyText(String text) {
        int tab = text.lastIndexOf('\t');
        return new Sighting(text.substring(0, tab), Long.parseLong(text.substring(tab + 1)));
    }
}
