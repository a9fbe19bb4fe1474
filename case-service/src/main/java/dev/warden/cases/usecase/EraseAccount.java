package dev.warden.cases.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.warden.cases.account.Account;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.domain.DomainException;
import dev.warden.cases.idempotency.IdempotencyKeys;
import dev.warden.cases.legal.AccountErasure;
import dev.warden.cases.legal.AccountErasures;
import dev.warden.cases.legal.EscalationStatus;
import dev.warden.cases.legal.LegalEscalation;
import dev.warden.cases.legal.PersonalData;
import dev.warden.contracts.erasure.ErasureEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Erases an account's personal data on request (the platform deleted it, or an admin acts on a data
 * subject's request), in one transaction: every case's evidence and free text, the account's contact
 * details and its other traces, and the erasure announced through the outbox for the other services.
 * A legal hold on the account or one of its cases, or an escalation legal has not closed, refuses it.
 */
@ApplicationScoped
public class EraseAccount {

    static final String ERASED = "[erased on request]";

    /** What the caller gets: the erasure's id, as every service's erasure carries it. */
    @RegisterForReflection
    public record ErasureView(UUID erasureId, String accountId, ErasureEvent.Cause cause, Instant erasedAt) {
    }

    @Inject
    Clock clock;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    PersonalData personalData;

    @Inject
    AccountErasures erasures;

    @Transactional
    public IdempotencyKeys.Result<ErasureView> erase(String accountId, String by, String idempotencyKey) {
        return idempotency.once(by, idempotencyKey, java.util.Map.of("accountId", accountId), ErasureView.class, () -> erase(accountId, by));
    }

    private ErasureView erase(String accountId, String by) {
        Account account = Account.<Account>findByIdOptional(accountId)
                .orElseThrow(() -> DomainException.notFound("account", accountId));
        erasures.holdOn(accountId).ifPresent(h -> {
            throw DomainException.conflict("legal hold " + h.id + " on " + h.scope.name().toLowerCase() + " "
                    + h.targetId + " keeps this account's data until it is released");
        });
        List<EnforcementCase> cases = EnforcementCase.list("accountId", accountId);
        List<UUID> caseIds = cases.stream().map(c -> c.id).toList();
        if (!caseIds.isEmpty() && LegalEscalation.count("caseId in ?1 and status <> ?2", caseIds, EscalationStatus.CLOSED) > 0) {
            throw DomainException.conflict("an escalation legal has not closed keeps this account's data");
        }
        Instant now = clock.instant();
        for (UUID caseId : caseIds) {
            personalData.eraseCase(caseId, ERASED);
        }
        AccountErasure e = erasures.erase(account, ErasureEvent.Cause.REQUEST, by, ERASED, now);
        return new ErasureView(e.id, e.accountId, e.cause, e.erasedAt);
    }
}
