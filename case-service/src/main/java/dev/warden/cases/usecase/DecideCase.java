package dev.warden.cases.usecase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import org.hibernate.StaleStateException;

import dev.warden.cases.account.Account;
import dev.warden.cases.account.AccountStatus;
import dev.warden.cases.audit.AuditTrail;
import dev.warden.cases.casework.Actor;
import dev.warden.cases.casework.CaseTransition;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.config.PolicyConfig;
import dev.warden.cases.decision.BulkDecisionPreview;
import dev.warden.cases.decision.BulkDecisionRequest;
import dev.warden.cases.decision.BulkDecisionResult;
import dev.warden.cases.decision.Decision;
import dev.warden.cases.decision.DecisionAction;
import dev.warden.cases.decision.DecisionCommand;
import dev.warden.cases.decision.DecisionPreview;
import dev.warden.cases.decision.DecisionRequest;
import dev.warden.cases.decision.DecisionView;
import dev.warden.cases.decision.Decisions;
import dev.warden.cases.domain.DomainException;
import dev.warden.cases.dsa.DsaStatementFactory;
import dev.warden.cases.dsa.StatementRejectedException;
import dev.warden.cases.dsa.SubmissionNotConfiguredException;
import dev.warden.cases.duty.SeparationOfDuties;
import dev.warden.cases.idempotency.IdempotencyKeys;

/**
 * A reviewer decides a case, one or many at a time, or confirms / rejects a proposed ban. Each call is
 * one transaction: version check, lifecycle and duty rules, then {@link DecisionEffects}.
 */
@ApplicationScoped
public class DecideCase {

    static final Duration MAX_RESTRICTION = Duration.ofDays(365);

    @Inject
    DecisionEffects effects;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    PolicyConfig policy;

    @Inject
    DsaStatementFactory statements;

    @Transactional
    public IdempotencyKeys.Result<DecisionView> decide(UUID caseId, DecisionRequest req, Actor actor,
            Long expectedVersion, String idempotencyKey) {
        return idempotency.once(actor.name(), idempotencyKey, List.of(caseId.toString(), req), DecisionView.class, () -> {
            EnforcementCase c = load(caseId, expectedVersion);
            Account account = Account.findById(c.accountId);
            Instant until = check(c, account, req, actor, true);
            Decision d = apply(c, account, req, actor, until);
            flush(caseId);
            return d == null ? proposalView(c, account, req, actor) : view(d, c, account);
        });
    }

    /**
     * What {@link #decide} would do, changing nothing: the same version, lifecycle, account and duty checks
     * (so a refusal is the refusal the decision would get), and the statement of reasons a RESTRICT or BAN
     * would carry, built and validated as it would be. Neither audited nor idempotent: nothing happens.
     */
    @Transactional
    public DecisionPreview preview(UUID caseId, DecisionRequest req, Actor actor, Long expectedVersion) {
        EnforcementCase c = load(caseId, expectedVersion);
        Account account = Account.findById(c.accountId);
        Instant until = check(c, account, req, actor, true);
        if (proposes(c, req)) {
            return new DecisionPreview(c.id, req.action().name(), true, false, null, c.version);
        }
        Decision draft = Decisions.draft(c, new DecisionCommand(req.action(), req.reasonCode(), req.reasonText(),
                actor.name(), false, null, null, until), clock.instant());
        var statement = statements.preview(draft, c, account);
        return new DecisionPreview(c.id, req.action().name(), false, statement != null, statement, c.version);
    }

    /** Decides many cases in one transaction: every case is checked first, and one that may not take the decision fails the call. */
    @Transactional
    public IdempotencyKeys.Result<BulkDecisionResult> decideAll(BulkDecisionRequest req, Actor actor, String idempotencyKey) {
        return idempotency.once(actor.name(), idempotencyKey, req, BulkDecisionResult.class, () -> {
            List<BulkCheck> checked = checkAll(req, actor);
            DomainException refused = refusal(checked);
            if (refused != null) {
                throw refused;
            }
            DecisionRequest each = each(req);
            List<Decision> decided = new ArrayList<>();
            for (BulkCheck b : checked) {
                decided.add(apply(b.c(), b.account(), each, actor, b.until()));
            }
            audit.record("BULK_DECISION", null, null, null, req.action() + " on " + checked.size() + " cases: " + req.reasonCode());
            flush(null);
            List<DecisionView> done = new ArrayList<>();
            for (int i = 0; i < checked.size(); i++) {
                EnforcementCase c = checked.get(i).c();
                Account a = Account.findById(c.accountId);
                done.add(decided.get(i) == null ? proposalView(c, a, each, actor) : view(decided.get(i), c, a));
            }
            return new BulkDecisionResult(done.size(), done);
        });
    }

    /**
     * What {@link #decideAll} would do, changing nothing: the same checks case by case, and the refusal the
     * call would get. The statements of reasons are built and validated as the decisions would build them, so
     * one that would not validate fails the preview as it would fail the call. Neither audited nor idempotent.
     */
    @Transactional
    public BulkDecisionPreview previewAll(BulkDecisionRequest req, Actor actor) {
        List<BulkCheck> checked = checkAll(req, actor);
        DecisionRequest each = each(req);
        List<BulkDecisionPreview.Item> items = new ArrayList<>();
        for (BulkCheck b : checked) {
            if (b.refusal() != null) {
                items.add(new BulkDecisionPreview.Item(b.caseId(), b.c() == null ? null : b.c().accountId,
                        BulkDecisionPreview.Outcome.REFUSED, false, b.refusal()));
            } else if (proposes(b.c(), each)) {
                items.add(new BulkDecisionPreview.Item(b.caseId(), b.c().accountId, BulkDecisionPreview.Outcome.PROPOSED,
                        false, null));
            } else {
                Decision draft = Decisions.draft(b.c(), new DecisionCommand(each.action(), each.reasonCode(),
                        each.reasonText(), actor.name(), false, null, null, b.until()), clock.instant());
                boolean statement = statements.preview(draft, b.c(), b.account()) != null;
                items.add(new BulkDecisionPreview.Item(b.caseId(), b.c().accountId, BulkDecisionPreview.Outcome.DECIDED,
                        statement, null));
            }
        }
        return new BulkDecisionPreview(req.action().name(), items, refusal(checked));
    }

    /** One case of a bulk decision after its checks: loaded and cleared (with its restriction's end), or refused. */
    private record BulkCheck(int index, UUID caseId, EnforcementCase c, Account account, Instant until,
            DomainException refusal) {
    }

    /** Every case through {@link #check}; the input that concerns the whole call is refused before any case. */
    private List<BulkCheck> checkAll(BulkDecisionRequest req, Actor actor) {
        List<UUID> ids = req.caseIds();
        if (ids.stream().distinct().count() != ids.size()) {
            throw DomainException.unprocessable("caseIds", "must not contain duplicates");
        }
        if (req.action() == DecisionAction.RESTRICT) {
            restriction(req.restrictFor());
        } else if (req.restrictFor() != null) {
            throw DomainException.invalid("restrictFor", "only allowed with action RESTRICT");
        }
        DecisionRequest each = each(req);
        List<BulkCheck> checked = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            EnforcementCase c = null;
            try {
                c = load(ids.get(i), null);
                Account account = Account.findById(c.accountId);
                checked.add(new BulkCheck(i, ids.get(i), c, account, check(c, account, each, actor, false), null));
            } catch (StatementRejectedException | SubmissionNotConfiguredException e) {
                throw e; // about the decision as a whole, not about this case
            } catch (DomainException e) {
                checked.add(new BulkCheck(i, ids.get(i), c, null, null, e));
            }
        }
        return checked;
    }

    /** The refusal a bulk call answers with when any case may not take the decision, under the first one's kind. */
    private static DomainException refusal(List<BulkCheck> checked) {
        List<DomainException.Field> refused = new ArrayList<>();
        DomainException.Kind kind = null;
        for (BulkCheck b : checked) {
            if (b.refusal() != null) {
                kind = kind == null ? b.refusal().kind() : kind;
                refused.add(new DomainException.Field("caseIds[" + b.index() + "]", b.caseId() + ": " + b.refusal().getMessage()));
            }
        }
        if (refused.isEmpty()) {
            return null;
        }
        return DomainException.of(kind, refused.size() + " of " + checked.size() + " cases may not take this decision, so none was decided: "
                + refused.get(0).name() + " " + refused.get(0).message(), refused);
    }

    private static DecisionRequest each(BulkDecisionRequest req) {
        return new DecisionRequest(req.action(), req.reasonCode(), req.reasonText(), req.restrictFor());
    }

    /** A second reviewer confirms a proposed ban: the ban is decided, naming both. */
    @Transactional
    public DecisionView confirm(UUID caseId, Actor actor, Long expectedVersion) {
        EnforcementCase c = load(caseId, expectedVersion);
        c.require(CaseTransition.CONFIRM);
        SeparationOfDuties.checkSecondReviewer(c, actor);
        Account account = Account.findById(c.accountId);
        DecisionCommand cmd = new DecisionCommand(DecisionAction.BAN, c.proposalReasonCode, c.proposalReasonText,
                c.proposedBy, false, null, null, null, null, actor.name());
        Decision d = effects.apply(c, account, cmd, CaseTransition.CONFIRM);
        flush(caseId);
        return view(d, c, account);
    }

    /** A second reviewer rejects a proposed ban; the case returns to review, assigned to them. */
    @Transactional
    public EnforcementCase reject(UUID caseId, Actor actor, String reason, Long expectedVersion) {
        EnforcementCase c = load(caseId, expectedVersion);
        c.require(CaseTransition.REJECT_PROPOSAL);
        SeparationOfDuties.checkSecondReviewer(c, actor);
        String proposer = c.proposedBy;
        c.rejectProposal(actor.name(), clock.instant());
        audit.record("BAN_PROPOSAL_REJECTED", c.id, c.accountId, proposer, reason);
        flush(caseId);
        return c;
    }

    /** Every rule a reviewer's decision must pass; returns the restriction's end (RESTRICT) or null. */
    private Instant check(EnforcementCase c, Account account, DecisionRequest req, Actor actor, boolean respectAssignee) {
        if (respectAssignee && c.assignee != null && !c.assignee.equals(actor.name())) {
            throw DomainException.conflict("case " + c.id + " is assigned to " + c.assignee);
        }
        c.require(proposes(c, req) ? CaseTransition.PROPOSE : Decisions.transitionFor(req.action()));
        if (req.action() == DecisionAction.REINSTATE && account.status == AccountStatus.ACTIVE) {
            throw DomainException.conflict("account " + account.id + " is not under any enforcement");
        }
        if (req.action() == DecisionAction.BAN && account.status == AccountStatus.BANNED) {
            throw DomainException.conflict("account " + account.id + " is already banned");
        }
        SeparationOfDuties.checkDecision(c, account, req.action(), actor, clock.instant());
        if (req.action() == DecisionAction.RESTRICT) {
            return clock.instant().plus(restriction(req.restrictFor()));
        } else if (req.restrictFor() != null) {
            throw DomainException.invalid("restrictFor", "only allowed with action RESTRICT");
        }
        return null;
    }

    /** Bans of business accounts wait for a second reviewer when the policy says so. */
    private boolean proposes(EnforcementCase c, DecisionRequest req) {
        return req.action() == DecisionAction.BAN && policy.businessBanConfirmation() && "BUSINESS".equals(c.accountType);
    }

    /** The decision, or null when it became a proposal awaiting a second reviewer. */
    private Decision apply(EnforcementCase c, Account account, DecisionRequest req, Actor actor, Instant until) {
        if (proposes(c, req)) {
            c.propose(actor.name(), req.reasonCode(), req.reasonText(), clock.instant());
            audit.record("BAN_PROPOSED", c.id, c.accountId, null, req.reasonCode() + ": " + req.reasonText());
            return null;
        }
        return effects.apply(c, account, new DecisionCommand(req.action(), req.reasonCode(), req.reasonText(),
                actor.name(), false, null, null, until), Decisions.transitionFor(req.action()));
    }

    /** A proposal has no decision yet: no id, no decision time. */
    private static DecisionView proposalView(EnforcementCase c, Account account, DecisionRequest req, Actor actor) {
        return new DecisionView(null, c.id, c.accountId, req.action().name(), req.reasonCode(), req.reasonText(),
                false, actor.name(), null, null, null, null, c.status().name(), c.version, account.status.name());
    }

    private void flush(UUID caseId) {
        try {
            em.flush(); // surface a concurrent change of the case or account now, as a 409
        } catch (OptimisticLockException | StaleStateException e) {
            throw DomainException.conflict((caseId == null ? "a case" : "case " + caseId)
                    + " was changed concurrently; reload it and decide again");
        }
    }

    private static EnforcementCase load(UUID caseId, Long expectedVersion) {
        EnforcementCase c = EnforcementCase.require(caseId);
        if (expectedVersion != null && expectedVersion != c.version) {
            throw DomainException.conflict("case " + caseId + " is at version " + c.version + ", not "
                    + expectedVersion + "; reload it and decide again");
        }
        return c;
    }

    static Duration restriction(String text) {
        if (text == null) {
            throw DomainException.invalid("restrictFor", "is required for RESTRICT (ISO-8601 duration, e.g. P7D)");
        }
        Duration d;
        try {
            d = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("restrictFor", "must be an ISO-8601 duration such as P7D");
        }
        if (d.isNegative() || d.isZero() || d.compareTo(MAX_RESTRICTION) > 0) {
            throw DomainException.invalid("restrictFor", "must be positive and at most 365 days");
        }
        return d;
    }

    public static DecisionView view(Decision d, EnforcementCase c, Account a) {
        return new DecisionView(d.id, d.caseId, d.accountId, d.action.name(), d.reasonCode, d.reasonText, d.automated,
                d.actor, d.policyRuleId, d.policyVersion, d.restrictedUntil, d.decidedAt, c.status().name(), c.version,
                a.status.name());
    }
}
