package dev.warden.detection.rules;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import dev.warden.common.problem.ProblemException;
import dev.warden.contracts.json.WardenJson;
import dev.warden.detection.config.DetectionConfig;

/**
 * Reads the rules in force and writes new versions (optimistic: the version must be the current one
 * plus 1). Every write names its actor and the version it replaces, and returns only once this
 * instance's global store holds it: the caller reads its own write.
 */
@ApplicationScoped
public class RuleService {

    @Inject
    KafkaStreams streams;

    @Inject
    RulePublisher publisher;

    @Inject
    RuleChanges changes;

    @Inject
    DetectionConfig config;

    @Inject
    RulesAdminConfig admin;

    @Inject
    Clock clock;

    private RuleCatalog catalog;

    public synchronized RuleCatalog catalog() {
        if (catalog == null) {
            catalog = new RuleCatalog(config);
        }
        return catalog;
    }

    public List<RuleDefinition> all() {
        RuleBook book = new RuleBook(store());
        List<RuleDefinition> rules = new ArrayList<>();
        catalog().detectors().forEach(d -> rules.add(book.rule(d)));
        return rules;
    }

    public Detector detector(String id) {
        return catalog().detector(id).orElseThrow(() -> ProblemException.notFound("rule", id));
    }

    public RuleDefinition get(String id) {
        return new RuleBook(store()).rule(detector(id));
    }

    /** Who changed the active version last, when, and what it replaced; and the shadow version, if any. */
    public RuleAudit audit(String id) {
        detector(id);
        return new RuleAudit(stored(id).orElse(null), shadow(id).orElse(null));
    }

    /** The shadow version of a rule, if one is running (one not above the active version is spent). */
    public Optional<RuleRecord> shadow(String id) {
        int active = get(id).version();
        return stored(RuleRecord.shadowKey(id)).filter(r -> r.rule().version() > active);
    }

    public RuleDefinition put(String id, RuleDefinition candidate, String actor) {
        RuleDefinition current = get(id);
        RuleDefinition stored = candidate(id, candidate, current.version() + 1);
        write(new RuleRecord(stored, RuleStatus.ACTIVE, actor, clock.instant(), current, null));
        return stored;
    }

    /**
     * A complete, valid next version of rule {@code id} from what an admin sent: 404 for an unknown rule,
     * 422 for an id that is not the path's or invalid values, 409 for a version other than {@code expected}.
     */
    public RuleDefinition candidate(String id, RuleDefinition candidate, int expected) {
        Detector detector = detector(id);
        if (candidate.id() != null && !candidate.id().equals(id)) {
            throw ProblemException.unprocessable("id", "must be the rule id of the path, " + id);
        }
        if (candidate.version() != expected) {
            throw ProblemException.conflict("rule " + id + " is at version " + (expected - 1)
                    + "; a change must carry version " + expected);
        }
        RuleValidator.validate(candidate, detector.defaults());
        return new RuleDefinition(id, candidate.version(), candidate.violation(), candidate.enabled(),
                candidate.score(), candidate.cooldownSeconds(), candidate.thresholds(),
                candidate.weights() == null ? detector.defaults().weights() : candidate.weights(),
                candidate.description() == null ? detector.defaults().description() : candidate.description());
    }

    /** Publishes the record and waits (woken by each store change, no polling) until it is in force here. */
    public void write(RuleRecord record) {
        publisher.publish(record);
        long deadline = System.currentTimeMillis() + admin.applyTimeout().toMillis();
        long seen = changes.generation();
        while (!applied(record)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw ProblemException.unavailable("version " + record.rule().version() + " of rule "
                        + record.rule().id() + " was written but is not in force on this instance yet; GET "
                        + "/api/rules/" + record.rule().id() + "/audit shows when it is");
            }
            try {
                seen = changes.awaitChangeAfter(seen, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProblemException.unavailable("interrupted while waiting for the rule to apply; retry");
            }
        }
    }

    private boolean applied(RuleRecord written) {
        Optional<RuleRecord> now = stored(written.key());
        if (written.status() == RuleStatus.WITHDRAWN) {
            return now.isEmpty() || now.get().rule().version() > written.rule().version();
        }
        return now.isPresent() && (now.get().rule().version() > written.rule().version()
                || now.get().changedAt().equals(written.changedAt()));
    }

    private Optional<RuleRecord> stored(String key) {
        String json = store().get(key);
        return json == null ? Optional.empty()
                : Optional.of(WardenJson.read(json, RuleRecord.class)).filter(r -> r.rule() != null);
    }

    private ReadOnlyKeyValueStore<String, String> store() {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(RuleBook.STORE,
                    QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw ProblemException.unavailable("rules are loading; retry shortly");
        }
    }
}
