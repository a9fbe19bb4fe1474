package dev.warden.cases.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Admins' view of the audit log, newest first. */
@ApplicationScoped
public class AuditQueries {

    @RegisterForReflection
    public record Line(long id, Instant occurredAt, String actor, String clientId, String action, UUID caseId,
            String accountId, String subjectId, String detail) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Line> find(String actor, String action, UUID caseId, String accountId, Instant from, Instant to, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> p = new HashMap<>();
        if (actor != null) {
            where.add("actor = :actor");
            p.put("actor", actor);
        }
        if (action != null) {
            where.add("action = :action");
            p.put("action", action);
        }
        if (caseId != null) {
            where.add("caseId = :caseId");
            p.put("caseId", caseId);
        }
        if (accountId != null) {
            where.add("accountId = :accountId");
            p.put("accountId", accountId);
        }
        if (from != null) {
            where.add("occurredAt >= :from");
            p.put("from", from);
        }
        if (to != null) {
            where.add("occurredAt < :to");
            p.put("to", to);
        }
        String q = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id desc";
        return AuditEntry.<AuditEntry>find(q, p).page(page, size).list().stream()
                .map(e -> new Line(e.id, e.occurredAt, e.actor, e.clientId, e.action, e.caseId, e.accountId,
                        e.subjectId, e.detail)).toList();
    }
}
