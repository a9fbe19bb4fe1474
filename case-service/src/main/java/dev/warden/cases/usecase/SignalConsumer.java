package dev.warden.cases.usecase;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.warden.cases.signal.SignalValidation;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.common.messaging.ConsumerRetry;
import io.smallrye.common.annotation.Blocking;

/**
 * Reads {@code warden.signals.v1}. Filing that fails for a transient reason (a reviewer's decision on
 * the same case committed first, the database restarts) is retried; a record that cannot be read or
 * filed is nacked and the connector moves it to {@code warden.signals.v1.dlq} with the reason in
 * {@code dead-letter-reason}.
 */
@ApplicationScoped
public class SignalConsumer {

    @Inject
    SignalIntake intake;

    @Inject
    ConsumerRetry retry;

    @Incoming("signals")
    @Blocking
    public void onSignal(String json) {
        DetectionSignal signal = SignalValidation.read(json);
        retry.run("signals", () -> intake.receive(signal));
    }
}
