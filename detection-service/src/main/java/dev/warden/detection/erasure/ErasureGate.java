package dev.warden.detection.erasure;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.warden.detection.activity.ValidatedActivity;

/**
 * Drops activity that happened no later than the account's latest erasure (by event time): a replayed
 * registration must not bring the erased contact address back, whichever topic is read first.
 */
public class ErasureGate implements FixedKeyProcessor<String, ValidatedActivity, ValidatedActivity> {

    private FixedKeyProcessorContext<String, ValidatedActivity> context;
    private KeyValueStore<String, Long> erased;

    @Override
    public void init(FixedKeyProcessorContext<String, ValidatedActivity> context) {
        this.context = context;
        this.erased = context.getStateStore(ErasedAccounts.STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, ValidatedActivity> record) {
        ValidatedActivity v = record.value();
        // the event's account id is the record key (the validator checks), and its hash is reused downstream
        Long erasedAt = v.event() == null ? null : erased.get(v.event().accountId());
        if (erasedAt != null && v.event().occurredAt() != null && v.event().occurredAt().toEpochMilli() <= erasedAt) {
            return;
        }
        context.forward(record);
    }
}
