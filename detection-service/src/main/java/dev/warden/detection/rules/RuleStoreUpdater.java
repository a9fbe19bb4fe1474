package dev.warden.detection.rules;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

import dev.warden.common.problem.ProblemException;
import dev.warden.contracts.json.WardenJson;

/**
 * Feeds the global rules store from the compacted rules topic. A record that is not a valid version
 * of a known rule is skipped (logged): a bad write must never take detection down or blank a rule.
 */
public class RuleStoreUpdater implements Processor<String, String, Void, Void> {

    private static final Logger LOG = Logger.getLogger(RuleStoreUpdater.class);

    private final RuleCatalog catalog;
    private final RuleChanges changes;
    private KeyValueStore<String, String> store;

    public RuleStoreUpdater(RuleCatalog catalog, RuleChanges changes) {
        this.catalog = catalog;
        this.changes = changes;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(RuleBook.STORE);
    }

    @Override
    public void process(Record<String, String> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key()); // tombstone: back to the built-in definition
            changes.changed();
            return;
        }
        try {
            Detector detector = catalog.detector(record.key())
                    .orElseThrow(() -> new IllegalArgumentException("unknown rule"));
            RuleDefinition rule = WardenJson.read(record.value(), RuleDefinition.class);
            if (!record.key().equals(rule.id())) {
                throw new IllegalArgumentException("key does not match id " + rule.id());
            }
            RuleValidator.validate(rule, detector.defaults());
            store.put(record.key(), record.value());
            changes.changed();
        } catch (ProblemException | IllegalArgumentException | IllegalStateException e) {
            LOG.warnf("ignoring rule record %s: %s", record.key(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("ignoring unreadable rule record %s: %s", record.key(), e.getMessage());
        }
    }
}
