package dev.warden.cases.legal;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.warden.cases.account.Account;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.domain.DomainException;

/** Places and releases legal holds; a released hold stays on record. */
@ApplicationScoped
public class LegalHolds {

    @Inject
    java.time.Clock clock;

    @Transactional
    public LegalHold place(LegalHold.Scope scope, String targetId, String reason, String by) {
        if (scope == LegalHold.Scope.CASE) {
            UUID caseId = parseCase(targetId);
            EnforcementCase.require(caseId);
            targetId = caseId.toString(); // canonical lower case: retention compares it with the case id as text
        } else if (Account.findById(targetId) == null) {
            throw DomainException.notFound("account", targetId);
        }
        LegalHold h = new LegalHold();
        h.id = UUID.randomUUID();
        h.scope = scope;
        h.targetId = targetId;
        h.reason = reason;
        h.placedBy = by;
        h.placedAt = clock.instant();
        h.persist();
        return h;
    }

    @Transactional
    public LegalHold release(UUID id, String by) {
        LegalHold h = LegalHold.<LegalHold>findByIdOptional(id).orElseThrow(() -> DomainException.notFound("hold", id));
        if (!h.active()) {
            throw DomainException.conflict("hold " + id + " was already released by " + h.releasedBy);
        }
        h.releasedBy = by;
        h.releasedAt = clock.instant();
        return h;
    }

    @Transactional
    public List<LegalHold> list(boolean activeOnly) {
        return activeOnly ? LegalHold.list("releasedAt is null order by placedAt") : LegalHold.list("order by placedAt");
    }

    private static UUID parseCase(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("targetId", "a case hold needs a case id (UUID)");
        }
    }
}
