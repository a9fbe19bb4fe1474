package dev.warden.detection.campaign;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.activity.ClientType;
import dev.warden.detection.activity.ValidatedActivity;

/**
 * Accepted activity → {@code (fingerprint, Sighting(account, event millis))} for the {@link CampaignTracker}: only
 * personal clients' messages with content to strangers (what the campaign rule can use), and only the
 * sightings {@link SightingDedupe} lets through (an account repeating its content counts once anyway).
 */
public class CampaignSightings implements Processor<String, ValidatedActivity, String, Sighting> {

    private final SightingDedupe dedupe = new SightingDedupe();
    private ProcessorContext<String, Sighting> context;

    @Override
    public void init(ProcessorContext<String, Sighting> context) {
        this.context = context;
        dedupe.clear();
    }

    @Override
    public void process(Record<String, ValidatedActivity> record) {
        ActivityEvent e = record.value().event();
        if (!toStrangersWithFingerprint(e)) {
            return;
        }
        long at = e.occurredAt().toEpochMilli();
        if (dedupe.shouldForward(record.key(), e.contentFingerprint(), at)) {
            context.forward(new Record<>(e.contentFingerprint(), new Sighting(record.key(), at), record.timestamp(),
                    record.headers()));
        }
    }

    @Override
    public void close() {
        dedupe.clear();
    }

    /** Only what the campaign rule can use: personal clients' messages with content to strangers. */
    static boolean toStrangersWithFingerprint(ActivityEvent e) {
        return e.type() == ActivityType.MESSAGE_SENT && e.contentFingerprint() != null
                && e.recipientCount() > e.recipientsInContacts()
                && e.clientType() != ClientType.BUSINESS_APP && e.clientType() != ClientType.BUSINESS_API;
    }
}
