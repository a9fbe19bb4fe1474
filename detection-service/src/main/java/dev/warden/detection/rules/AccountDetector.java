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
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.contracts.signal.SignalIds;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.activity.ActivityTopology;
import dev.warden.detection.activity.ValidatedActivity;
import dev.warden.detection.config.DetectionConfig;
import dev.warden.detection.features.FeatureUpdater;
import dev.warden.detection.features.Features;
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
    private final RuleCatalog catalog;
    private final MeterRegistry metrics;
    private KeyValueStore<String, AccountState> store;
    private final RuleChanges ruleChanges;
    private RuleBook rules;
    private ProcessorContext<String, String> context;
    private Timer latency;
    /** By rule id: the registry is not asked on every signal. */
    private final Map<String, Counter> emitted = new HashMap<>();

    public AccountDetector(DetectionConfig config, Clock clock, RuleCatalog catalog, RuleChanges ruleChanges,
            MeterRegistry metrics) {
        this.config = config;
        this.clock = clock;
        this.catalog = catalog;
        this.ruleChanges = ruleChanges;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.store = context.getStateStore(ActivityTopology.ACCOUNT_STORE);
        this.rules = new RuleBook(context.getStateStore(ActivityTopology.RULES_STORE), ruleChanges);
        this.latency = Timer.builder("warden.detection.latency")
                .description("event time of the triggering event to signal emitted")
                .publishPercentiles(0.5, 0.99).register(metrics);
    }

    @Override
    public void process(Record<String, ValidatedActivity> record) {
        ValidatedActivity value = record.value();
        if (value.campaign() != null) {
            AccountState state = state(record.key());
            FeatureUpdater.campaign(state, value.campaign().accounts(), value.campaign().atMillis());
            store.put(record.key(), state);
            return;
        }
        ActivityEvent event = value.event();
        AccountState state = state(event.accountId());
        if (!state.remember(event.eventId())) {
            return; // replayed event: no second effect
        }
        boolean counted = FeatureUpdater.apply(state, event, config.lateEventGrace().toMillis(),
                config.sampleEventIds());
        List<DetectionSignal> signals = counted ? evaluate(state, event) : List.of();
        store.put(event.accountId(), state);
        for (DetectionSignal signal : signals) {
            context.forward(new Record<>(event.accountId(), WardenJson.write(signal), record.timestamp()));
            emitted.computeIfAbsent(signal.ruleId(), rule -> metrics.counter("warden.signals.emitted", "rule", rule))
                    .increment();
            latency.record(Duration.between(event.occurredAt(), signal.detectedAt()));
        }
    }

    private AccountState state(String accountId) {
        return Optional.ofNullable(store.get(accountId)).orElseGet(AccountState::new);
    }

    private List<DetectionSignal> evaluate(AccountState state, ActivityEvent trigger) {
        if (trigger.type() != ActivityType.MESSAGE_SENT && trigger.type() != ActivityType.USER_REPORT) {
            return List.of();
        }
        long at = trigger.occurredAt().toEpochMilli();
        if (at < state.silencedUntilMillis) {
            return List.of();
        }
        Features features = Features.of(state, at);
        List<Fired> fired = new ArrayList<>();
        for (Detector detector : catalog.detectors()) {
            RuleDefinition rule = rules.rule(detector);
            if (!rule.enabled()) {
                continue;
            }
            Long last = state.lastFiredMillis.get(rule.id());
            if (last != null && at - last < rule.cooldownSeconds() * 1000 && at >= last) {
                continue;
            }
            detector.evaluate(trigger, state, features, rule).ifPresent(f -> fired.add(new Fired(rule, f)));
        }
        if (fired.isEmpty()) {
            return List.of();
        }
        Fired conclusive = fired.stream().filter(f -> f.finding().score() >= config.conclusiveScore())
                .max((a, b) -> Double.compare(a.finding().score(), b.finding().score())).orElse(null);
        List<Fired> emit = conclusive == null ? fired : List.of(conclusive);
        if (conclusive != null) {
            state.silencedUntilMillis = at + conclusive.rule().cooldownSeconds() * 1000;
        }
        Instant now = clock.instant();
        List<DetectionSignal> signals = new ArrayList<>();
        for (Fired f : emit) {
            state.lastFiredMillis.put(f.rule().id(), at);
            signals.add(signal(state, trigger, features, f, now));
        }
        return signals;
    }

    private record Fired(RuleDefinition rule, Finding finding) {
    }

    private DetectionSignal signal(AccountState s, ActivityEvent trigger, Features features, Fired fired, Instant now) {
        RuleDefinition rule = fired.rule();
        Finding finding = fired.finding();
        Instant windowStart = Instant.ofEpochMilli(finding.windowStartMillis());
        var featureMap = features.asMap();
        finding.criteria().forEach(c -> featureMap.put(c.feature(), c.value()));
        return new DetectionSignal(SignalIds.of(trigger.accountId(), rule.id(), windowStart), trigger.accountId(),
                rule.violation(), finding.score(), rule.id(), rule.version(),
                new DetectionSignal.Window(windowStart, Instant.ofEpochMilli(finding.windowEndMillis())), featureMap,
                finding.criteria(), List.copyOf(s.sampleEventIds),
                new DetectionSignal.AccountContext(s.accountType, s.clientType, s.country,
                        s.registeredAtMillis == 0 ? null : Instant.ofEpochMilli(s.registeredAtMillis), s.contactEmail,
                        s.locale),
                finding.summary(), trigger.occurredAt(), now);
    }
}
