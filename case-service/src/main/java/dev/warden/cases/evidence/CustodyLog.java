package dev.warden.cases.evidence;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Writes the chain of custody. Joins the caller's transaction, or opens its own (after a streamed export). */
@ApplicationScoped
public class CustodyLog {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRED)
    public CustodyRecord record(UUID caseId, String actor, CustodyRecord.Action action, String detail, String chainHead,
            String handedOutSha256) {
        CustodyRecord r = new CustodyRecord();
        r.caseId = caseId;
        r.actor = actor;
        r.action = action;
        r.detail = detail;
        r.chainHead = chainHead;
        r.handedOutSha256 = handedOutSha256;
        r.at = clock.instant();
        r.persist();
        return r;
    }
}
