package dev.warden.notify.delivery;

import java.time.Clock;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.warden.common.logging.LogSafe;
import dev.warden.common.relay.LeaseRelay;
import dev.warden.notify.config.NotifyConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Sends due mails through the shared {@link LeaseRelay}: claimed under a lease in a short transaction,
 * sent with no transaction open, each outcome recorded in its own. One account's mails go one after
 * another (a failure holds back the rest), accounts in parallel. A token bucket caps the mails per
 * second handed to the SMTP relay. Failures back off and end DEAD (see {@link MailStore}).
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    @Inject
    MailStore store;

    @Inject
    MailSender sender;

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    @Inject
    DeliveryMetrics metrics;

    private TokenBucket relayLimit;
    private LeaseRelay<Delivery> relay;

    @PostConstruct
    void init() {
        relayLimit = new TokenBucket(config.rateLimit().perSecond(), config.rateLimit().burst(), System::nanoTime);
        relay = new LeaseRelay<>("mail", store, sender,
                new LeaseRelay.Settings(config.lease(), config.batchSize(), config.sendTimeout()), clock, registry,
                Infrastructure.getDefaultWorkerPool());
    }

    @Scheduled(every = "${warden.notify.dispatch-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            dispatch();
        } catch (RuntimeException e) {
            LOG.warnf("dispatch run failed, will retry: %s", LogSafe.text(e.getMessage()));
        } finally {
            refreshQueueDepth();
        }
    }

    /**
     * Renews the leases of mails still waiting for the server's reply and claims as many due mails as
     * the rate limit allows; returns without waiting for the replies.
     *
     * @return how many due deliveries were claimed
     */
    public int dispatch() {
        int allowed = relayLimit.take(config.batchSize());
        int claimed = 0;
        try {
            claimed = relay.poll(allowed);
        } finally {
            relayLimit.giveBack(allowed - claimed);
        }
        return claimed;
    }

    /** Mails claimed by this instance whose reply has not come (or not been recorded) yet. */
    public int inFlight() {
        return relay.inFlight();
    }

    private void refreshQueueDepth() {
        try {
            metrics.refreshQueueDepth();
        } catch (RuntimeException e) {
            LOG.debugf("queue depth not refreshed: %s", e.getMessage());
        }
    }
}
