package dev.warden.cases.appeal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.warden.cases.account.Account;
import dev.warden.cases.audit.AuditTrail;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.config.PolicyConfig;
import dev.warden.cases.decision.Decision;
import dev.warden.cases.decision.DecisionAction;
import dev.warden.cases.domain.DomainException;
import dev.warden.cases.idempotency.IdempotencyKeys;
import dev.warden.cases.outbox.OutboxWriter;
import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;

/**
 * Appeals: filed by the platform within the appeal window (deciding one is {@code usecase.DecideAppeal}).
 * Every step is announced through the outbox so the account holder is told.
 */
@ApplicationScoped
public class AppealService {

    private static final EnumSet<DecisionAction> APPEALABLE = EnumSet.of(DecisionAction.WARN, DecisionAction.RESTRICT,
            DecisionAction.BAN);

    @Inject
    Clock clock;

    @Inject
    PolicyConfig config;

    @Inject
    OutboxWriter outbox;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    @Inject
    IdempotencyKeys idempotency;

    /** Files an appeal; a retry under the same Idempotency-Key gets the first response and files nothing. */
    @Transactional
    public IdempotencyKeys.Result<AppealView> file(AppealRequests.File req, String filedBy, String idempotencyKey) {
        return idempotency.once(filedBy, idempotencyKey, req, AppealView.class, () -> file(req, filedBy));
    }

    private AppealView file(AppealRequests.File req, String filedBy) {
        Decision d = Decision.<Decision>findByIdOptional(req.decisionId())
                .orElseThrow(() -> DomainException.notFound("decision", req.decisionId()));
        if (!APPEALABLE.contains(d.action)) {
            throw DomainException.unprocessable("decisionId", "a " + d.action + " decision cannot be appealed");
        }
        Instant now = clock.instant();
        if (now.isAfter(d.decidedAt.plus(config.appealWindow()))) {
            throw DomainException.unprocessable("decisionId", "the appeal window of " + config.appealWindow().toDays()
                    + " days after the decision has closed");
        }
        if (Appeal.count("decisionId", d.id) > 0) {
            throw DomainException.conflict("decision " + d.id + " has already been appealed");
        }
        Appeal a = new Appeal();
        a.id = UUID.randomUUID();
        a.decisionId = d.id;
        a.caseId = d.caseId;
        a.accountId = d.accountId;
        a.text = req.text();
        a.status = AppealStatus.RECEIVED;
        a.filedBy = filedBy;
        a.filedAt = now;
        a.persist();
        em.flush(); // the unique index on decision_id settles a race between two filings
        announce(a, a.id, EnforcementAction.APPEAL_RECEIVED, "APPEAL_RECEIVED", "Your appeal has been received.", filedBy);
        audit.record("APPEAL_RECEIVED", a.caseId, a.accountId, a.id.toString(), null);
        return view(a, d);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AppealView> queue(AppealStatus status, int page, int size) {
        return Appeal.<Appeal>find("status = ?1 order by filedAt, id", status).page(page, size).list().stream()
                .map(a -> view(a, Decision.findById(a.decisionId))).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AppealView get(UUID id) {
        Appeal a = Appeal.<Appeal>findByIdOptional(id).orElseThrow(() -> DomainException.notFound("appeal", id));
        return view(a, Decision.findById(a.decisionId));
    }

    /** Writes the appeal's event (received or decided) to the outbox, in the caller's transaction. */
    public void announce(Appeal a, UUID eventId, EnforcementAction action, String reasonCode, String reason,
            String actor) {
        EnforcementCase c = EnforcementCase.findById(a.caseId);
        Account account = Account.findById(a.accountId);
        EnforcementEvent.Recipient recipient = account.contactEmail == null ? null
                : new EnforcementEvent.Recipient(account.contactEmail, account.locale);
        EnforcementEvent event = new EnforcementEvent(eventId.toString(), c.id.toString(), account.id, action, false,
                c.primaryViolation, reasonCode, reason, null, null, actor, clock.instant(), null, null, recipient);
        outbox.append(Topics.ENFORCEMENT, eventId, account.id,
                "dev.warden.enforcement.v1." + action.name().toLowerCase(), event);
    }

    public static AppealView view(Appeal a, Decision d) {
        return new AppealView(a.id, a.decisionId, a.caseId, a.accountId, d.action.name(), d.actor, a.text, a.status,
                a.filedBy, a.filedAt, a.decidedBy, a.decidedAt, a.decisionReason, a.version);
    }
}
