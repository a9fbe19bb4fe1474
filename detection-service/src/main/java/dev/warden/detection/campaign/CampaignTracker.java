package dev.warden.detection.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs on the stream re-keyed by content fingerprint. Campaign windows are event-time windows of one hour
 * hopping by {@link SightingDedupe#BUCKET_MILLIS}; a sighting belongs to the two windows that contain it.
 * Per (fingerprint, window) the store keeps the set of senders with their earliest sighting in the window,
 * a set union: the same sightings give the same sets in any order, after a replay or a restart.
 * Whenever a new sender joins, every known sender hears the new size (up to {@value #MAX_MEMBERS}
 * senders; beyond that only the newcomer), so each sender of a window of final size n hears every size
 * from its arrival up to n, whatever the arrival order: the decision "n ≥ threshold" at the account is a
 * function of the event stream. Output (key: account): {@link CampaignUpdate#format()}.
 * Store key {@code fingerprint @ windowStart}, value lines {@code accountId \t earliestMillis}.
 * <p>
 * Windows close by event time: the task's newest sighting ({@value #EVENT_TIME_KEY} in the store, so a restart
 * keeps it), never by record timestamps, which are the producer's clock and run days ahead of event time when a
 * backlog is replayed. A sighting for a window that closed is ignored, so when the clean-up runs changes nothing.
 */
public class CampaignTracker implements Processor<String, String, String, String> {

    public static final String STORE = "fingerprint-senders";
    static final int MAX_MEMBERS = 64;
    public static final long WINDOW_MILLIS = 3_600_000L;
    /** Windows are kept this long after they close, for sightings that arrive late. */
    static final long GRACE_MILLIS = 3_600_000L;
    /** Sorts before every fingerprint key; holds the newest event time this task has seen. */
    static final String EVENT_TIME_KEY = "\u0000event-time";

    private KeyValueStore<String, String> store;
    private ProcessorContext<String, String> context;
    private long eventTime = Long.MIN_VALUE;

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        String stored = store.get(EVENT_TIME_KEY);
        eventTime = stored == null ? Long.MIN_VALUE : Long.parseLong(stored);
        // drop closed windows: the store stays bounded; when this runs does not change any result
        context.schedule(Duration.ofMinutes(5), PunctuationType.WALL_CLOCK_TIME, now -> expire());
    }

    /** key: fingerprint; value: {@code accountId \t eventMillis} */
    @Override
    public void process(Record<String, String> record) {
        int tab = record.value().indexOf('\t');
        String account = record.value().substring(0, tab);
        long at = Long.parseLong(record.value().substring(tab + 1));
        if (at > eventTime) {
            eventTime = at;
            store.put(EVENT_TIME_KEY, Long.toString(at));
        }
        long newest = Math.floorDiv(at, SightingDedupe.BUCKET_MILLIS) * SightingDedupe.BUCKET_MILLIS;
        for (long window = newest; window > at - WINDOW_MILLIS; window -= SightingDedupe.BUCKET_MILLIS) {
            if (!closed(window)) {
                join(record, record.key() + '@' + window, window, account, at);
            }
        }
    }

    private void join(Record<String, String> record, String key, long window, String account, long at) {
        String value = store.get(key);
        List<String[]> members = parse(value);
        for (String[] m : members) {
            if (m[0].equals(account)) {
                if (at < Long.parseLong(m[1])) {
                    m[1] = Long.toString(at);
                    store.put(key, format(members));
                }
                return; // a known sender: the size did not change
            }
        }
        int size = members.size() + 1;
        if (members.size() < MAX_MEMBERS) {
            members.add(new String[] {account, Long.toString(at)});
            store.put(key, format(members));
        } else {
            // beyond the cap the newcomer hears "more than the cap"; earlier senders already heard the cap
            context.forward(new Record<>(account, new CampaignUpdate(size, window, at).format(), record.timestamp()));
            return;
        }
        if (size < 2) {
            return;
        }
        for (String[] m : members) {
            context.forward(new Record<>(m[0], new CampaignUpdate(size, window, Long.parseLong(m[1])).format(),
                    record.timestamp()));
        }
    }

    /** Closed: the task has seen a sighting later than the window's end plus the grace period. */
    private boolean closed(long window) {
        return eventTime != Long.MIN_VALUE && window + WINDOW_MILLIS + GRACE_MILLIS < eventTime;
    }

    void expire() {
        List<String> closed = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.all()) {
            while (it.hasNext()) {
                String key = it.next().key;
                if (!EVENT_TIME_KEY.equals(key) && closed(Long.parseLong(key.substring(key.lastIndexOf('@') + 1)))) {
                    closed.add(key);
                }
            }
        }
        closed.forEach(store::delete);
    }

    private static List<String[]> parse(String value) {
        List<String[]> members = new ArrayList<>();
        if (value == null || value.isEmpty()) {
            return members;
        }
        for (String line : value.split("\n")) {
            String[] m = line.split("\t");
            if (m.length == 2) {
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
