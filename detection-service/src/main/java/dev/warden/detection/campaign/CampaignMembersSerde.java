package dev.warden.detection.campaign;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Layout 1: {@code [1] [varint count]}, then per member {@code [varint length, UTF-8 account id]
 * [8-byte earliest millis]}, in joining order. No reflection.
 */
public final class CampaignMembersSerde implements Serde<CampaignMembers> {

    @Override
    public Serializer<CampaignMembers> serializer() {
        return (topic, m) -> m == null ? null : write(m);
    }

    @Override
    public Deserializer<CampaignMembers> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    public static byte[] write(CampaignMembers members) {
        List<CampaignMembers.Member> list = members.members();
        byte[][] accounts = new byte[list.size()][];
        int size = 1 + WireFormat.varintSize(list.size());
        for (int i = 0; i < accounts.length; i++) {
            accounts[i] = WireFormat.utf8(list.get(i).accountId());
            size += WireFormat.textSize(accounts[i].length) + Long.BYTES;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put((byte) WireFormat.VERSION_1);
        WireFormat.putVarint(out, accounts.length);
        for (int i = 0; i < accounts.length; i++) {
            WireFormat.putText(out, accounts[i]);
            out.putLong(list.get(i).earliestMillis());
        }
        return out.array();
    }

    public static CampaignMembers read(byte[] bytes) {
        return WireFormat.read(bytes, "campaign members", CampaignMembersSerde::binary, CampaignMembersSerde::legacyText);
    }

    private static CampaignMembers binary(ByteBuffer in) {
        int n = WireFormat.getVarint(in);
        if (n > in.remaining()) {
            throw new IllegalArgumentException(n + " members in " + in.remaining() + " bytes");
        }
        List<CampaignMembers.Member> members = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            members.add(new CampaignMembers.Member(WireFormat.getText(in), in.getLong()));
        }
        return new CampaignMembers(members);
    }

    /** Before layout 1: lines {@code accountId \t earliestMillis}. */
    private static CampaignMembers legacyText(String text) {
        List<CampaignMembers.Member> members = new ArrayList<>();
        for (String line : text.split("\n")) {
            int tab = line.lastIndexOf('\t');
            if (tab > 0) {
                members.add(new CampaignMembers.Member(line.substring(0, tab), Long.parseLong(line.substring(tab + 1))));
            }
        }
        return new CampaignMembers(members);
    }
}
