package dev.warden.detection.rules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.contracts.signal.SignalIds;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.activity.ValidatedActivity;
import dev.warden.detection.config.DetectionConfig;
import dev.warden.detection.features.FeatureUpdater;
import dev.warden.detection.features.Features;
import dev.warden.detection.rules.Verdict.Fired;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Folds each accepted event into its account's state, then asks every enabled rule whether the account
 * now crosses its thresholds. Each rule fires at most once per cooldown; a conclusive finding (auto-ban
 * level) is emitted alone and silences the account for that rule's cooldown.
 */
public class AccountDetector implements Processor<String, ValidatedActivity, String, String> {

    private final DetectionConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private KeyValueStore<String, AccountState> store;
    private final RuleChanges ruleChanges;
    private RuleBook rules;
    private ProcessorContext<String, String> context;
    private Timer latency;
    /** By rule id: the registry is not asked on every signal. */
    private final Map<String, Counter> emitted = new HashMap<>();
    private final CoordinatedCampaignDetector campaignDetector;
    private final List<Detector> detectors = new ArrayList<>();

    public AccountDetector(DetectionConfig config, Clock clock, RuleCatalog catalog, RuleChanges ruleChanges,
            MeterRegistry metrics) {
        this.config = config;
        this.clock = clock;
        this.ruleChanges = ruleChanges;
        this.metrics = metrics;
        this.campaignDetector = catalog.campaignDetector();
        catalog.detectors().forEach(detectors::add);
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.store = context.getStateStore(AccountState.STORE);
        this.rules = new RuleBook(context.getStateStore(RuleBook.STORE), ruleChanges);
        this.latency = Timer.builder("warden.detection.latency")
                .description("event time of the triggering event to signal emitted")
                .publishPercentiles(0.5, 0.99).register(metrics);
    }

    @Override
    public void process(Record<String, ValidatedActivity> record) {
        ValidatedActivity value = record.value();
        if (value.campaign() != null) {
            campaign(record.key(), value.campaign(), record.timestamp());
            return;
        }
        ActivityEvent event = value.event();
        AccountState state = state(event.accountId());
        if (!state.remember(event.eventId(), event.occurredAt().toEpochMilli(), config.lateEventGrace().toMillis())) {
            return; // replayed event: no second effect
        }
        boolean counted = FeatureUpdater.apply(state, event, config.lateEventGrace().toMillis(),
                config.sampleEventIds());
        List<DetectionSignal> signals = counted ? evaluate(state, event) : List.of();
        store.put(event.accountId(), state);
        for (DetectionSignal signal : signals) {
            emit(event.accountId(), signal, record.timestamp(), event.occurredAt());
        }
    }

    /**
     * Cross-account news is evaluated when it arrives, at the event time it speaks of (this account's own
     * message in the campaign window), not on the account's next message: the decision must not depend on
     * whether the account sends again after the news got back to it.
     */
    private void campaign(String accountId, ValidatedActivity.CampaignSighting news, long timestamp) {
        AccountState state = state(accountId);
        FeatureUpdater.campaign(state, news.accounts(), news.atMillis());
        RuleDefinition rule = rules.rule(campaignDetector);
        Optional<Finding> finding = rule.enabled()
                ? campaignDetector.onCampaign(state, news.accounts(), news.windowStartMillis(), news.atMillis(), rule)
                : Optional.empty();
        DetectionSignal signal = null;
        if (finding.isPresent()) {
            long at = news.atMillis();
            Features features = Features.of(state, at); // the account as of its own message in the campaign
            Fired fired = new Fired(rule, finding.get());
            if (finding.get().score() >= config.conclusiveScore()) {
                state.silence(at, rule.cooldownSeconds() * 1000);
            }
            signal = signal(accountId, state, Instant.ofEpochMilli(at), features, fired, clock.instant(),
                    CoordinatedCampaignDetector.signalPeriodStart(news.windowStartMillis(), rule));
        }
        store.put(accountId, state);
        if (signal != null) {
            emit(accountId, signal, timestamp, Instant.ofEpochMilli(news.atMillis()));
        }
    }

    private void emit(String accountId, DetectionSignal signal, long timestamp, Instant trigger) {
        context.forward(new Record<>(accountId, WardenJson.write(signal), timestamp));
        emitted.computeIfAbsent(signal.ruleId(), rule -> metrics.counter("warden.signals.emitted", "rule", rule))
                .increment();
        latency.record(Duration.between(trigger, signal.detectedAt()));
    }

    private AccountState state(String accountId) {
        return Optional.ofNullable(store.get(accountId)).orElseGet(AccountState::new);
    }

    private List<DetectionSignal> evaluate(AccountState state, ActivityEvent trigger) {
        Verdict verdict = Verdict.of(state, trigger, detectors, rules.rules(detectors), config.conclusiveScore());
        if (verdict.fired().isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<DetectionSignal> signals = new ArrayList<>();
        for (Fired f : verdict.fired()) {
            signals.add(signal(trigger.accountId(), state, trigger.occurredAt(), verdict.features(), f, now,
                    f.finding().windowStartMillis()));
        }
        return signals;
    }

    /** @param idInstantMillis the instant the signal id is derived from: the same evidence, the same id */
    private DetectionSignal signal(String accountId, AccountState s, Instant triggerAt, Features features, Fired fired,
            Instant now, long idInstantMillis) {
        RuleDefinition rule = fired.rule();
        Finding finding = fired.finding();
        Instant windowStart = Instant.ofEpochMilli(finding.windowStartMillis());
        var featureMap = features.asMap();
        finding.criteria().forEach(c -> featureMap.put(c.feature(), c.value()));
        return new DetectionSignal(SignalIds.of(accountId, rule.id(), Instant.ofEpochMilli(idInstantMillis)), accountId,
                rule.violation(), finding.score(), rule.id(), rule.version(),
                new DetectionSignal.Window(windowStart, Instant.ofEpochMilli(finding.windowEndMillis())), featureMap,
                finding.criteria(), s.sampleEventIds.toList(),
                new DetectionSignal.AccountContext(s.accountType, s.clientType, s.country,
                        s.registeredAtMillis == 0 ? null : Instant.ofEpochMilli(s.registeredAtMillis), s.contactEmail,
                        s.locale),
                finding.summary(), triggerAt, now);
    }
}
