package dev.warden.cases.usecase;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.warden.cases.account.Account;
import dev.warden.cases.audit.AuditTrail;
import dev.warden.cases.casework.CaseTransition;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.config.PolicyConfig;
import dev.warden.cases.decision.Decision;
import dev.warden.cases.decision.DecisionAction;
import dev.warden.cases.decision.DecisionCommand;
import dev.warden.cases.decision.Decisions;
import dev.warden.cases.decision.EnforcementEvents;
import dev.warden.cases.decision.HolderNotice;
import dev.warden.cases.dsa.DsaStatementFactory;
import dev.warden.cases.evidence.EvidenceRecorder;
import dev.warden.cases.legal.Escalations;
import dev.warden.cases.outbox.OutboxWriter;
import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.enforcement.StatementOfReasons;

/**
 * What every decision does, in the calling use case's transaction and in this order: the domain change
 * (decision, strike, account, case lifecycle), its evidence-ledger item, its audit entry, the legal
 * escalation for ESCALATE, the statement of reasons for RESTRICT / BAN, and the enforcement event in
 * the outbox.
 */
@ApplicationScoped
public class DecisionEffects {

    private static final Logger LOG = Logger.getLogger(DecisionEffects.class);

    @Inject
    Clock clock;

    @Inject
    EvidenceRecorder evidence;

    @Inject
    AuditTrail audit;

    @Inject
    Escalations escalations;

    @Inject
    DsaStatementFactory statements;

    @Inject
    OutboxWriter outbox;

    @Inject
    PolicyConfig policy;

    @Transactional(Transactional.TxType.MANDATORY)
    public Decision apply(EnforcementCase c, Account account, DecisionCommand cmd, CaseTransition t) {
        Decision d = Decisions.record(c, account, cmd, t, clock.instant());
        evidence.decision(d);
        audit.recordAs(d.actor, audit.caller().clientId(), "DECISION_" + d.action.name(), c.id, account.id,
                d.id.toString(), d.reasonCode + ": " + d.reasonText);
        if (d.action == DecisionAction.ESCALATE) {
            escalations.open(d);
        }
        if (d.action.published() != null) {
            StatementOfReasons statement = statements.statementFor(d, c, account);
            EnforcementEvent event = EnforcementEvents.of(d, c, account, policy.appealWindow(), statement);
            if (d.action.tellsHolder()) {
                d.holderNotice = account.contactEmail == null ? HolderNotice.AWAITING_ADDRESS : HolderNotice.ADDRESSED;
                // an address arriving concurrently bumps the version too: one of the two retries and sees the other
                Account.getEntityManager().lock(account, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            }
            outbox.append(Topics.ENFORCEMENT, EnforcementEvents.eventId(d), account.id,
                    "dev.warden.enforcement.v1." + d.action.published().name().toLowerCase(), event);
        }
        LOG.infof("case %s: %s by %s", c.id, d.action, d.actor);
        return d;
    }

    /** A decision on a case by the transition its action implies (fixtures and scripts). */
    @Transactional
    public Decision apply(UUID caseId, DecisionCommand cmd) {
        EnforcementCase c = EnforcementCase.require(caseId);
        return apply(c, Account.findById(c.accountId), cmd, Decisions.transitionFor(cmd.action()));
    }
}
