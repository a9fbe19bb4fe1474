package dev.warden.cases.decision;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.warden.cases.account.Account;
import dev.warden.cases.account.AccountStatus;
import dev.warden.cases.account.Strike;
import dev.warden.cases.casework.CaseStatus;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.config.PolicyConfig;
import dev.warden.cases.outbox.OutboxWriter;
import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementEvent;

/** Applies decisions to cases and accounts and announces them through the outbox, in one transaction. */
@ApplicationScoped
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);

    @Inject
    OutboxWriter outbox;

    @Inject
    PolicyConfig policy;

    @Inject
    Clock clock;

    @Inject
    StatementOfReasonsFactory statements;

    @Inject
    Event<DecisionApplied> decisionApplied;

    @Transactional(Transactional.TxType.REQUIRED)
    public Decision applyDecision(UUID caseId, DecisionCommand cmd) {
        EnforcementCase c = EnforcementCase.require(caseId);
        Account account = Account.findById(c.accountId);
        Instant now = clock.instant();

        Decision d = new Decision();
        d.id = UUID.randomUUID();
        d.caseId = c.id;
        d.accountId = c.accountId;
        d.action = cmd.action();
        d.reasonCode = cmd.reasonCode();
        d.reasonText = cmd.reasonText();
        d.automated = cmd.automated();
        d.actor = cmd.actor();
        d.policyRuleId = cmd.policyRuleId();
        d.policyVersion = cmd.policyVersion();
        d.restrictedUntil = cmd.restrictedUntil();
        d.policySetVersion = cmd.policySetVersion();
        d.decidedAt = now;
        d.persist();
        if (d.action.strike()) {
            strike(d, now);
        }

        applyToAccount(account, d, now);
        c.status = switch (d.action) {
            case DISMISS -> CaseStatus.DISMISSED;
            case ESCALATE -> CaseStatus.ESCALATED;
            default -> CaseStatus.ACTIONED;
        };
        c.updatedAt = now;
        decisionApplied.fire(new DecisionApplied(d, c, account));

        if (d.action.published() != null) {
            EnforcementEvent event = EnforcementEvents.of(d, c, account, policy.appealWindow(),
                    statements.statementFor(d, c, account));
            outbox.append(Topics.ENFORCEMENT, EnforcementEvents.eventId(d), account.id,
                    "dev.warden.enforcement.v1." + d.action.published().name().toLowerCase(), event);
        }
        LOG.infof("case %s: %s %s by %s", c.id, d.action, account.id, d.actor);
        return d;
    }

    private static void strike(Decision d, Instant now) {
        Strike s = new Strike();
        s.id = UUID.randomUUID();
        s.accountId = d.accountId;
        s.decisionId = d.id;
        s.caseId = d.caseId;
        s.action = d.action.name();
        s.createdAt = now;
        s.persist();
    }

    private static void applyToAccount(Account a, Decision d, Instant now) {
        switch (d.action) {
            case WARN -> a.status = a.status == AccountStatus.ACTIVE ? AccountStatus.WARNED : a.status;
            case RESTRICT -> {
                a.status = AccountStatus.RESTRICTED;
                a.restrictedUntil = d.restrictedUntil;
            }
            case BAN -> a.status = AccountStatus.BANNED;
            case REINSTATE -> {
                a.status = AccountStatus.ACTIVE;
                a.restrictedUntil = null;
            }
            case ESCALATE, DISMISS -> { }
        }
        a.updatedAt = now;
    }
}
