package dev.warden.cases.readmodel;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.warden.cases.account.Account;
import dev.warden.cases.account.Strike;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.domain.DomainException;

@ApplicationScoped
public class AccountQueries {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public AccountView view(String accountId) {
        Account a = Account.<Account>findByIdOptional(accountId)
                .orElseThrow(() -> DomainException.notFound("account", accountId));
        var strikes = Strike.history(accountId).stream().map(s -> new AccountView.StrikeEntry(s.id, s.decisionId,
                s.caseId, s.action, s.createdAt, s.clearedAt, s.clearedReason)).toList();
        var cases = EnforcementCase.<EnforcementCase>list("accountId = ?1 order by openedAt desc", accountId).stream()
                .map(c -> new AccountView.CaseEntry(c.id, c.status().name(), c.priority, c.maxScore, c.primaryViolation,
                        c.assignee, c.openedAt, c.updatedAt)).toList();
        return new AccountView(a.id, a.accountType, a.status.name(), a.restrictedUntil, a.offPlatformEvidence,
                Strike.countWithinWindow(accountId, clock.instant()), strikes, cases, a.version);
    }
}
