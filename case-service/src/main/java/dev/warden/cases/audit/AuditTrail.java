package dev.warden.cases.audit;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Appends to the audit log inside the caller's transaction, so an entry exists iff the change it
 * records committed. Who and from which client come from the caller's token (azp / client_id claim);
 * work without a request (Kafka intake, schedulers) is recorded as a system actor.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String SYSTEM = "system";

    @Inject
    Clock clock;

    @Inject
    SecurityIdentity identity;

    @Transactional(Transactional.TxType.REQUIRED)
    public void record(String action, UUID caseId, String accountId, String subjectId, String detail) {
        Caller caller = caller();
        recordAs(caller.actor(), caller.clientId(), action, caseId, accountId, subjectId, detail);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void recordAs(String actor, String clientId, String action, UUID caseId, String accountId, String subjectId,
            String detail) {
        AuditEntry e = new AuditEntry();
        e.occurredAt = clock.instant();
        e.actor = actor;
        e.clientId = clientId;
        e.action = action;
        e.caseId = caseId;
        e.accountId = accountId;
        e.subjectId = subjectId;
        e.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
        e.persist();
    }

    /** The authenticated caller of the current request, or the system actor outside one. */
    public Caller caller() {
        if (!Arc.container().requestContext().isActive() || identity.isAnonymous()) {
            return new Caller(SYSTEM, null);
        }
        String client = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object azp = jwt.getClaim("azp");
            Object clientId = azp != null ? azp : jwt.getClaim("client_id");
            client = clientId == null ? null : clientId.toString();
        }
        return new Caller(identity.getPrincipal().getName(), client);
    }

    public record Caller(String actor, String clientId) {
    }
}
