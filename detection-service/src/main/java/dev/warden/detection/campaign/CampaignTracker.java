package dev.warden.detection.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs on the stream re-keyed by content fingerprint: remembers which accounts sent the fingerprint to
 * strangers within the hour and tells accounts (keyed by account id) how large the group is. The new
 * sender hears at once; all senders hear when the group reaches a milestone, so earlier members learn
 * they joined a campaign without an O(n²) stream of updates.
 * Store value: lines of {@code accountId \t lastSeenMillis}, at most {@value #MAX_MEMBERS}.
 */
public class CampaignTracker implements Processor<String, String, String, String> {

    public static final String STORE = "fingerprint-senders";
    static final int MAX_MEMBERS = 64;
    static final long WINDOW_MILLIS = 3_600_000L;
    private static final int[] MILESTONES = {3, 5, 10, 20, 40, 64};

    private KeyValueStore<String, String> store;
    private ProcessorContext<String, String> context;

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        // expire fingerprints nobody sent within the hour: the store stays bounded
        context.schedule(Duration.ofMinutes(5), PunctuationType.STREAM_TIME, this::expire);
    }

    /** key: fingerprint; value: {@code accountId \t eventMillis} */
    @Override
    public void process(Record<String, String> record) {
        int tab = record.value().indexOf('\t');
        String account = record.value().substring(0, tab);
        long at = Long.parseLong(record.value().substring(tab + 1));
        List<String[]> members = parse(store.get(record.key()), at);
        boolean known = false;
        for (String[] m : members) {
            if (m[0].equals(account)) {
                m[1] = Long.toString(Math.max(at, Long.parseLong(m[1])));
                known = true;
            }
        }
        if (!known && members.size() < MAX_MEMBERS) {
            members.add(new String[] {account, Long.toString(at)});
        }
        store.put(record.key(), format(members));
        if (known || members.size() < 2) {
            return;
        }
        int size = members.size();
        String update = size + "\t" + at;
        if (isMilestone(size)) {
            for (String[] m : members) {
                context.forward(new Record<>(m[0], update, record.timestamp()));
            }
        } else {
            context.forward(new Record<>(account, update, record.timestamp()));
        }
    }

    private static boolean isMilestone(int size) {
        for (int m : MILESTONES) {
            if (m == size) {
                return true;
            }
        }
        return false;
    }

    private void expire(long streamTime) {
        List<KeyValue<String, String>> changes = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, String> kv = it.next();
                List<String[]> members = parse(kv.value, streamTime);
                String kept = members.isEmpty() ? null : format(members);
                if (kept == null || !kept.equals(kv.value)) {
                    changes.add(KeyValue.pair(kv.key, kept));
                }
            }
        }
        changes.forEach(kv -> {
            if (kv.value == null) {
                store.delete(kv.key);
            } else {
                store.put(kv.key, kv.value);
            }
        });
    }

    private static List<String[]> parse(String value, long now) {
        List<String[]> members = new ArrayList<>();
        if (value == null || value.isEmpty()) {
            return members;
        }
        for (String line : value.split("\n")) {
            String[] m = line.split("\t");
            if (m.length == 2 && Long.parseLong(m[1]) >= now - WINDOW_MILLIS) {
                members.add(m);
            }
        }
        return members;
    }

    private static String format(List<String[]> members) {
        StringBuilder sb = new StringBuilder();
        for (String[] m : members) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(m[0]).append('\t').append(m[1]);
        }
        return sb.toString();
    }
}
