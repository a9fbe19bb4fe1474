package dev.warden.cases.platform;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.warden.cases.account.Account;
import dev.warden.cases.account.ContactAddress;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps the platform's own account data (type, contact address, locale) from its registration and
 * profile events on {@code warden.activity.v1}, which only the platform writes. This, not a detection
 * signal, is where the address of enforcement mail and the account type come from.
 */
@ApplicationScoped
public class PlatformAccounts {

    private static final Logger LOG = Logger.getLogger(PlatformAccounts.class);

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    /**
     * Records what the platform says about the account.
     *
     * @return the account when this event brought its first contact address (so it can be told of decisions
     *         made before), otherwise null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account apply(ActivityEvent e) {
        if (e.type() != ActivityType.ACCOUNT_REGISTERED && e.type() != ActivityType.PROFILE_UPDATED) {
            return null;
        }
        String email = e.contactEmail();
        String problem = email == null ? null : ContactAddress.problem(email);
        if (problem != null) {
            metrics.counter("warden.case.contact.rejected").increment();
            LOG.warnf("activity event %s: contact address not kept (%s)", e.eventId(), problem);
            email = null;
        }
        String type = e.accountType() == null ? null : e.accountType().name();
        if (type == null && email == null && e.locale() == null) {
            return null;
        }
        Account a = Account.<Account>findByIdOptional(e.accountId()).orElseGet(() -> {
            Account fresh = Account.open(e.accountId(), clock.instant());
            fresh.persist();
            return fresh;
        });
        boolean hadAddress = a.contactEmail != null;
        a.fromPlatform(type, email, e.locale(), e.occurredAt());
        a.updatedAt = clock.instant();
        return !hadAddress && a.contactEmail != null ? a : null;
    }
}
