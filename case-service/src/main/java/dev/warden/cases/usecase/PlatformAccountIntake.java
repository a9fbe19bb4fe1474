package dev.warden.cases.usecase;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.warden.cases.account.Account;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.config.PolicyConfig;
import dev.warden.cases.decision.Decision;
import dev.warden.cases.decision.EnforcementEvents;
import dev.warden.cases.decision.HolderNotice;
import dev.warden.cases.dsa.DsaStatementFactory;
import dev.warden.cases.outbox.OutboxWriter;
import dev.warden.cases.platform.PlatformAccounts;
import dev.warden.contracts.Topics;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.enforcement.EnforcementEvent;

/**
 * The platform's registration and profile events: keep the account's type, address and locale and, when
 * the first address arrives after decisions that could not be mailed, tell the holder of them late. A
 * signal and the registration travel on different topics, so which comes first depends on speed; this
 * makes the mails the holder gets independent of it. One transaction.
 */
@ApplicationScoped
public class PlatformAccountIntake {

    private static final Logger LOG = Logger.getLogger(PlatformAccountIntake.class);

    @Inject
    PlatformAccounts accounts;

    @Inject
    DsaStatementFactory statements;

    @Inject
    OutboxWriter outbox;

    @Inject
    PolicyConfig policy;

    @Transactional
    public void apply(ActivityEvent e) {
        Account addressed = accounts.apply(e);
        if (addressed != null) {
            tellLate(addressed);
        }
    }

    private void tellLate(Account a) {
        List<Decision> waiting = Decision.list("accountId = ?1 and holderNotice = ?2 order by decidedAt", a.id,
                HolderNotice.AWAITING_ADDRESS);
        for (Decision d : waiting) {
            if (!latestToldOnItsCase(d)) {
                d.holderNotice = HolderNotice.SUPERSEDED; // the holder hears of the later decision instead
                continue;
            }
            EnforcementCase c = EnforcementCase.require(d.caseId);
            EnforcementEvent own = EnforcementEvents.of(d, c, a, policy.appealWindow(), statements.storedFor(d));
            UUID id = EnforcementEvents.lateNoticeId(d);
            outbox.append(Topics.ENFORCEMENT, id, a.id,
                    "dev.warden.enforcement.v1." + d.action.published().name().toLowerCase(),
                    own.lateNotice(id.toString(), own.recipient()));
            d.holderNotice = HolderNotice.SENT_LATE;
            LOG.infof("case %s: %s told late, the address arrived after the decision", c.id, d.action);
        }
    }

    private static boolean latestToldOnItsCase(Decision d) {
        return Decision.<Decision>list("caseId = ?1 order by decidedAt desc", d.caseId).stream()
                .filter(x -> x.action.tellsHolder()).findFirst().map(x -> x.id.equals(d.id)).orElse(false);
    }
}
