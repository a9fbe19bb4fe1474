package dev.warden.detection.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.activity.ActivityTopology;
import dev.warden.detection.activity.ValidatedActivity;
import dev.warden.detection.config.DetectionConfig;

/**
 * Folds each accepted event into its account's state, then asks the rules whether the account now
 * crosses a threshold. Emits at most one signal per rule per cooldown.
 */
public class AccountDetector implements Processor<String, ValidatedActivity, String, String> {

    private final DetectionConfig config;
    private final Clock clock;
    private final RegistrationBurstDetector registrationBurst;
    private KeyValueStore<String, AccountState> store;
    private ProcessorContext<String, String> context;

    public AccountDetector(DetectionConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.registrationBurst = new RegistrationBurstDetector(config.registrationBurst());
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.store = context.getStateStore(ActivityTopology.ACCOUNT_STORE);
    }

    @Override
    public void process(Record<String, ValidatedActivity> record) {
        ActivityEvent event = record.value().event();
        AccountState state = Optional.ofNullable(store.get(event.accountId())).orElseGet(AccountState::new);
        if (!state.remember(event.eventId())) {
            return; // replayed event: no second effect
        }
        boolean counted = AccountFeatures.apply(state, event, config);
        List<DetectionSignal> signals = counted ? evaluate(state, event) : List.of();
        store.put(event.accountId(), state);
        for (DetectionSignal signal : signals) {
            context.forward(new Record<>(event.accountId(), WardenJson.write(signal), record.timestamp()));
        }
    }

    private List<DetectionSignal> evaluate(AccountState state, ActivityEvent trigger) {
        Instant now = clock.instant();
        return registrationBurst.evaluate(state, trigger, now).map(List::of).orElse(List.of());
    }
}
