package dev.warden.detection.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import dev.warden.common.problem.ProblemException;
import dev.warden.detection.config.DetectionConfig;

/** Lists rules in force and stores new versions (optimistic: the version must be the current one plus 1). */
@ApplicationScoped
public class RuleService {

    @Inject
    KafkaStreams streams;

    @Inject
    RulePublisher publisher;

    @Inject
    DetectionConfig config;

    private RuleCatalog catalog;

    private synchronized RuleCatalog catalog() {
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

    public RuleDefinition get(String id) {
        Detector detector = catalog().detector(id).orElseThrow(() -> ProblemException.notFound("rule", id));
        return new RuleBook(store()).rule(detector);
    }

    public RuleDefinition put(String id, RuleDefinition candidate) {
        Detector detector = catalog().detector(id).orElseThrow(() -> ProblemException.notFound("rule", id));
        if (candidate.id() != null && !candidate.id().equals(id)) {
            throw ProblemException.unprocessable("id", "must be the rule id of the path, " + id);
        }
        RuleDefinition current = get(id);
        if (candidate.version() != current.version() + 1) {
            throw ProblemException.conflict("rule " + id + " is at version " + current.version()
                    + "; a change must carry version " + (current.version() + 1));
        }
        RuleValidator.validate(candidate, detector.defaults());
        RuleDefinition stored = new RuleDefinition(id, candidate.version(), candidate.violation(), candidate.enabled(),
                candidate.score(), candidate.cooldownSeconds(), candidate.thresholds(),
                candidate.weights() == null ? detector.defaults().weights() : candidate.weights(),
                candidate.description() == null ? detector.defaults().description() : candidate.description());
        publisher.publish(stored);
        awaitApplied(detector, stored.version());
        return stored;
    }

    /** Read-your-write: answer once this instance's global store applies the new version. */
    private void awaitApplied(Detector detector, int version) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (new RuleBook(store()).rule(detector).version() >= version) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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
