package dev.warden.cases.usecase;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.warden.common.messaging.ConsumerRetry;
import dev.warden.contracts.activity.ActivityEventParser;
import dev.warden.contracts.activity.ParseResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;

/**
 * Reads the platform's registration and profile events ({@code warden.activity.v1}, group
 * {@code warden-cases-accounts}). Records detection dead-letters already are skipped and counted here,
 * not dead-lettered a second time.
 */
@ApplicationScoped
public class ActivityConsumer {

    // registration data is kept whatever its timestamp says; only a wildly future one is unreadable
    private final ActivityEventParser parser = new ActivityEventParser(java.time.Duration.ofHours(1));

    @Inject
    PlatformAccountIntake intake;

    @Inject
    ConsumerRetry retry;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    @Incoming("platform-accounts")
    @Blocking
    public void onActivity(String json) {
        ParseResult r = parser.parse(json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8), clock.instant());
        if (r instanceof ParseResult.Accepted a) {
            retry.run("platform-accounts", () -> intake.apply(a.event()));
        } else {
            metrics.counter("warden.case.activity.unreadable").increment();
        }
    }
}
