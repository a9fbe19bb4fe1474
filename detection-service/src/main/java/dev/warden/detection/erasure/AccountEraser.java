package dev.warden.detection.erasure;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.warden.contracts.Topics;
import dev.warden.contracts.erasure.ErasureEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.detection.account.AccountState;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies {@code warden.erasures.v1}: deletes the account's state (what detection knows of it, contact
 * address included) and remembers the erasure's time. An erasure no later than one already applied (a
 * replay) changes nothing, so it never deletes what the account did after the erasure. An unreadable
 * record is forwarded, with the reason in a header, to the dead-letter topic.
 */
public class AccountEraser implements Processor<String, byte[], String, byte[]> {

    private final MeterRegistry metrics;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, AccountState> accounts;
    private KeyValueStore<String, Long> erased;

    public AccountEraser(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.accounts = context.getStateStore(AccountState.STORE);
        this.erased = context.getStateStore(ErasedAccounts.STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        ErasureEvent e;
        try {
            e = WardenJson.read(record.value() == null ? "null" : new String(record.value(), StandardCharsets.UTF_8),
                    ErasureEvent.class);
        } catch (IllegalArgumentException ex) {
            reject(record, "not an erasure event: " + ex.getMessage());
            return;
        }
        if (e == null || e.accountId() == null || e.erasedAt() == null) {
            reject(record, "erasure event lacks accountId or erasedAt");
            return;
        }
        if (!e.accountId().equals(record.key())) {
            reject(record, "erasure event's accountId is not its key");
            return;
        }
        long at = e.erasedAt().toEpochMilli();
        Long before = erased.get(e.accountId());
        if (before != null && before >= at) {
            return; // replayed (or superseded): the state after that erasure stays
        }
        accounts.delete(e.accountId());
        erased.put(e.accountId(), at);
        metrics.counter("warden.detection.erasures").increment();
    }

    private void reject(Record<String, byte[]> record, String reason) {
        metrics.counter("warden.detection.erasures.rejected").increment();
        record.headers().add(Topics.DLQ_REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        context.forward(record);
    }
}
