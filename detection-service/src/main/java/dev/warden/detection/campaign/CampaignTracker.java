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
 * Per (fingerprint, window) the store keeps the {@link CampaignMembers}: the set of senders with their earliest
 * sighting in the window, a set union: the same sightings give the same sets in any order, after a replay or a
 * restart. Whenever a new sender joins, every known sender hears the new size (up to
 * {@value CampaignMembers#MAX_MEMBERS} senders; beyond that only the newcomer), so each sender of a window of
 * final size n hears every size from its arrival up to n, whatever the arrival order: the decision
 * "n ≥ threshold" at the account is a function of the event stream. Output (key: account): {@link CampaignUpdate}.
 * Store {@value #STORE}: key {@code fingerprint @ windowStart}, value {@link CampaignMembers}.
 * <p>
 * Windows close by event time: the task's newest sighting (store {@value #EVENT_TIME_STORE}, changelogged, so a
 * restart keeps it), never by record timestamps, which are the producer's clock and run days ahead of event time
 * when a backlog is replayed. A sighting for a window that closed is ignored, so when the clean-up runs changes
 * nothing.
 */
public class CampaignTracker implements Processor<String, Sighting, String, CampaignUpdate> {

    public static final String STORE = "fingerprint-senders";
    /** One entry per task: the newest event time it has seen. */
    public static final String EVENT_TIME_STORE = "campaign-event-time";
    public static final long WINDOW_MILLIS = 3_600_000L;
    /** Windows are kept this long after they close, for sightings that arrive late. */
    static final long GRACE_MILLIS = 3_600_000L;
    private static final String EVENT_TIME_KEY = "newest";

    private KeyValueStore<String, CampaignMembers> store;
    private KeyValueStore<String, Long> eventTimes;
    private ProcessorContext<String, CampaignUpdate> context;
    private long eventTime = Long.MIN_VALUE;

    @Override
    public void init(ProcessorContext<String, CampaignUpdate> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.eventTimes = context.getStateStore(EVENT_TIME_STORE);
        Long stored = eventTimes.get(EVENT_TIME_KEY);
        eventTime = stored == null ? Long.MIN_VALUE : stored;
        // drop closed windows: the store stays bounded; when this runs does not change any result
        context.schedule(Duration.ofMinutes(5), PunctuationType.WALL_CLOCK_TIME, now -> expire());
    }

    /** key: fingerprint */
    @Override
    public void process(Record<String, Sighting> record) {
        Sighting sighting = record.value();
        long at = sighting.atMillis();
        if (at > eventTime) {
            eventTime = at;
            eventTimes.put(EVENT_TIME_KEY, at);
        }
        long newest = Math.floorDiv(at, SightingDedupe.BUCKET_MILLIS) * SightingDedupe.BUCKET_MILLIS;
        for (long window = newest; window > at - WINDOW_MILLIS; window -= SightingDedupe.BUCKET_MILLIS) {
            if (!closed(window)) {
                join(record, record.key() + '@' + window, window, sighting);
            }
        }
    }

    private void join(Record<String, Sighting> record, String key, long window, Sighting sighting) {
        CampaignMembers members = store.get(key);
        if (members == null) {
            members = new CampaignMembers();
        }
        switch (members.join(sighting.accountId(), sighting.atMillis())) {
            case KNOWN -> { }
            case EARLIER -> store.put(key, members); // the size did not change: nobody hears of it
            case OVER_CAP -> // the newcomer hears "more than the cap"; earlier senders already heard the cap
                    tell(sighting.accountId(), new CampaignUpdate(CampaignMembers.MAX_MEMBERS + 1, window,
                            sighting.atMillis()), record);
            case JOINED -> {
                store.put(key, members);
                if (members.size() >= 2) {
                    for (CampaignMembers.Member m : members.members()) {
                        tell(m.accountId(), new CampaignUpdate(members.size(), window, m.earliestMillis()), record);
                    }
                }
            }
        }
    }

    private void tell(String account, CampaignUpdate update, Record<String, Sighting> cause) {
        context.forward(new Record<>(account, update, cause.timestamp()));
    }

    /** Closed: the task has seen a sighting later than the window's end plus the grace period. */
    private boolean closed(long window) {
        return eventTime != Long.MIN_VALUE && window + WINDOW_MILLIS + GRACE_MILLIS < eventTime;
    }

    void expire() {
        List<String> closed = new ArrayList<>();
        try (KeyValueIterator<String, CampaignMembers> it = store.all()) {
            while (it.hasNext()) {
                String key = it.next().key;
                int at = key.lastIndexOf('@');
                // no '@': the event-time entry the text layout kept in this store, now in its own store
                if (at < 0 || closed(Long.parseLong(key.substring(at + 1)))) {
                    closed.add(key);
                }
            }
        }
        closed.forEach(store::delete);
    }
}
