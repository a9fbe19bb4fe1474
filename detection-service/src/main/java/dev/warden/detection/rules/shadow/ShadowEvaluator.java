package dev.warden.detection.rules.shadow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
import dev.warden.detection.activity.ValidatedActivity;
import dev.warden.detection.config.DetectionConfig;
import dev.warden.detection.features.Features;
import dev.warden.detection.rules.Detector;
import dev.warden.detection.rules.Finding;
import dev.warden.detection.rules.RuleBook;
import dev.warden.detection.rules.RuleCatalog;
import dev.warden.detection.rules.RuleChanges;
import dev.warden.detection.rules.RuleDefinition;
import dev.warden.detection.rules.RuleRecord;

/**
 * Runs every shadow rule version on the account state the live detector has just updated (it sits after
 * the live detector on the same stream, so it sees the same state) and forwards what they find to the
 * shadow signals sink. It only reads the account store; its cooldowns live in their own store, so a
 * shadow version never changes what the live rules emit.
 */
public class ShadowEvaluator implements Processor<String, ValidatedActivity, String, String> {

    public static final String STORE = "shadow-cooldowns";

    private final DetectionConfig config;
    private final Clock clock;
    private final String accountStore;
    private final String rulesStoreName;
    private final RuleCatalog catalog;
    private final RuleChanges changes;
    private KeyValueStore<String, AccountState> accounts;
    private KeyValueStore<String, String> rulesStore;
    private KeyValueStore<String, ShadowCooldowns> cooldowns;
    private ProcessorContext<String, String> context;
    private RuleBook active;
    private List<Shadow> shadows = List.of();
    private long generation = -1;

    private record Shadow(Detector detector, RuleDefinition rule) {
    }

    /** Store names come from the topology wiring, so this package does not depend on it. */
    public ShadowEvaluator(DetectionConfig config, Clock clock, RuleCatalog catalog, RuleChanges changes,
            String accountStore, String rulesStore) {
        this.config = config;
        this.clock = clock;
        this.accountStore = accountStore;
        this.rulesStoreName = rulesStore;
        this.catalog = catalog;
        this.changes = changes;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.accounts = context.getStateStore(accountStore);
        this.rulesStore = context.getStateStore(rulesStoreName);
        this.cooldowns = context.getStateStore(STORE);
        this.active = new RuleBook(rulesStore, changes);
    }

    @Override
    public void process(Record<String, ValidatedActivity> record) {
        ActivityEvent event = record.value().event();
        if (event == null || (event.type() != ActivityType.MESSAGE_SENT && event.type() != ActivityType.USER_REPORT)) {
            return;
        }
        List<Shadow> running = shadows();
        AccountState state = running.isEmpty() ? null : accounts.get(event.accountId());
        if (state == null) {
            return;
        }
        long at = event.occurredAt().toEpochMilli();
        // as the live detector: late events do not count, a conclusively flagged account is silenced. The
        // state is already past this event: if a live rule fired on it, the account was not silenced before.
        boolean silenced = at < state.silencedUntilMillis && !state.lastFiredMillis.containsValue(at);
        if (silenced || at < state.watermarkMillis - config.lateEventGrace().toMillis()) {
            return;
        }
        Features features = Features.of(state, at);
        ShadowCooldowns fired = cooldowns.get(event.accountId());
        fired = fired == null ? new ShadowCooldowns(null) : fired;
        boolean changed = false;
        for (Shadow s : running) {
            Long last = fired.lastFiredMillis().get(s.rule().id());
            if (s.rule().coolingDown(last, at)) {
                continue;
            }
            var finding = s.detector().evaluate(event, state, features, s.rule());
            if (finding.isPresent()) {
                fired.lastFiredMillis().put(s.rule().id(), at);
                changed = true;
                DetectionSignal signal = signal(state, event, features, s.rule(), finding.get(), clock.instant());
                context.forward(new Record<>(event.accountId(), WardenJson.write(signal), record.timestamp()));
            }
        }
        if (changed) {
            cooldowns.put(event.accountId(), fired);
        }
    }

    /** The running shadow versions, re-read only when the rules store changed. */
    private List<Shadow> shadows() {
        long now = changes.generation();
        if (now != generation) {
            List<Shadow> found = new ArrayList<>();
            for (Detector d : catalog.detectors()) {
                String json = rulesStore.get(RuleRecord.shadowKey(d.id()));
                RuleDefinition rule = json == null ? null : WardenJson.read(json, RuleRecord.class).rule();
                if (rule != null && rule.enabled() && rule.version() > active.rule(d).version()) {
                    found.add(new Shadow(d, changes.shared(rule)));
                }
            }
            shadows = List.copyOf(found);
            generation = now;
        }
        return shadows;
    }

    /** The same signal the live detector builds, from the shadow version's finding. */
    static DetectionSignal signal(AccountState s, ActivityEvent trigger, Features features, RuleDefinition rule,
            Finding finding, Instant now) {
        Instant windowStart = Instant.ofEpochMilli(finding.windowStartMillis());
        var featureMap = features.asMap();
        finding.criteria().forEach(c -> featureMap.put(c.feature(), c.value()));
        return new DetectionSignal(SignalIds.of(trigger.accountId(), rule.id(), windowStart), trigger.accountId(),
                rule.violation(), finding.score(), rule.id(), rule.version(),
                new DetectionSignal.Window(windowStart, Instant.ofEpochMilli(finding.windowEndMillis())), featureMap,
                finding.criteria(), s.sampleEventIds.toList(),
                new DetectionSignal.AccountContext(s.accountType, s.clientType, s.country,
                        s.registeredAtMillis == 0 ? null : Instant.ofEpochMilli(s.registeredAtMillis), s.contactEmail,
                        s.locale),
                finding.summary(), trigger.occurredAt(), now);
    }
}
