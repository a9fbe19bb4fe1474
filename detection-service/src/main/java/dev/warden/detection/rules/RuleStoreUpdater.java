package dev.warden.detection.rules;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

import dev.warden.common.problem.ProblemException;
import dev.warden.contracts.json.WardenJson;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Feeds the global rules store from the compacted rules topic: the active version under the rule id,
 * a shadow version under its shadow key. A record the admin API would not have written (unreadable, no
 * actor or time, unknown rule, key and content disagree, values out of range) is skipped and counted in
 * {@code warden.detection.rules.skipped}: a forged or bad write must never take detection down or blank a rule.
 */
public class RuleStoreUpdater implements Processor<String, String, Void, Void> {

    private static final Logger LOG = Logger.getLogger(RuleStoreUpdater.class);

    private final RuleCatalog catalog;
    private final RuleChanges changes;
    private final MeterRegistry metrics;
    private KeyValueStore<String, String> store;

    public RuleStoreUpdater(RuleCatalog catalog, RuleChanges changes, MeterRegistry metrics) {
        this.catalog = catalog;
        this.changes = changes;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(RuleBook.STORE);
    }

    @Override
    public void process(Record<String, String> record) {
        if (record.key() == null) {
            skip("?", "no key");
            return;
        }
        if (record.value() == null) {
            store.delete(record.key()); // tombstone: back to the built-in definition (or no shadow)
            changes.changed();
            return;
        }
        try {
            RuleRecord rule = WardenJson.read(record.value(), RuleRecord.class);
            check(record.key(), rule);
            if (rule.status() == RuleStatus.WITHDRAWN) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
            changes.changed();
        } catch (ProblemException e) {
            skip(record.key(), e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).field() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            skip(record.key(), e.getMessage());
        }
    }

    private void check(String key, RuleRecord r) {
        if (r.actor() == null || r.actor().isBlank() || r.actor().length() > RuleRecord.MAX_ACTOR_LENGTH) {
            throw new IllegalArgumentException("no actor: not written through the admin API");
        }
        if (r.changedAt() == null || r.status() == null || r.rule() == null || r.rule().id() == null) {
            throw new IllegalArgumentException("incomplete record: status, changedAt and rule are required");
        }
        Detector detector = catalog.detector(RuleRecord.ruleId(key))
                .orElseThrow(() -> new IllegalArgumentException("unknown rule"));
        if (!key.equals(r.key()) && !(r.status() == RuleStatus.WITHDRAWN && RuleRecord.isShadowKey(key))) {
            throw new IllegalArgumentException("key does not match rule " + r.rule().id() + " in status " + r.status());
        }
        if (r.rule().version() < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
        RuleValidator.validate(r.rule(), detector.defaults());
    }

    private void skip(String key, String reason) {
        metrics.counter("warden.detection.rules.skipped").increment();
        LOG.warnf("skipping rule record %s: %s", key, reason);
    }
}
