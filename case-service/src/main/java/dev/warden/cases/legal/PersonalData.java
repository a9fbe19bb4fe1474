package dev.warden.cases.legal;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.warden.cases.decision.EnforcementEvents;
import dev.warden.cases.idempotency.IdempotencyKeys;
import dev.warden.cases.mail.CaseMails;
import dev.warden.cases.outbox.OutboxWriter;
import dev.warden.contracts.Topics;

/**
 * Overwrites the personal data case-service holds, in the caller's transaction: a case's free text and
 * evidence, or what concerns an account across its cases (contact details live on the aggregate). Rows,
 * ids, statuses and counts stay, so decisions, DSA statements and transparency figures remain. Every
 * text, JSON and binary column of every table is covered here or holds no personal data (see docs/legal.md).
 */
@ApplicationScoped
public class PersonalData {

    @Inject
    EntityManager em;

    @Inject
    CaseMails mails;

    @Inject
    OutboxWriter outbox;

    @Inject
    IdempotencyKeys idempotency;

    /** Erases one case's evidence and free text; returns how many evidence items were deleted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int eraseCase(UUID caseId, String marker) {
        allowErasure();
        int items = update("DELETE FROM evidence_item WHERE case_id = ?1", caseId);
        update("DELETE FROM evidence_chain_head WHERE case_id = ?1", caseId);
        update("UPDATE signal SET payload = '{}'::jsonb, summary = ?2 WHERE case_id = ?1", caseId, marker);
        update("UPDATE case_note SET text = ?2 WHERE case_id = ?1", caseId, marker);
        update("UPDATE decision SET reason_text = ?2 WHERE case_id = ?1", caseId, marker);
        update("UPDATE enforcement_case SET proposal_reason_text = ?2 WHERE id = ?1 AND proposal_reason_text IS NOT NULL",
                caseId, marker);
        update("UPDATE appeal SET text = ?2, decision_reason = CASE WHEN decision_reason IS NULL THEN NULL ELSE ?2 END "
                + "WHERE case_id = ?1", caseId, marker);
        update("UPDATE strike SET cleared_reason = ?2 WHERE case_id = ?1 AND cleared_reason IS NOT NULL", caseId, marker);
        update("UPDATE legal_escalation SET reason = ?2 WHERE case_id = ?1 AND reason IS NOT NULL", caseId, marker);
        update("UPDATE legal_note SET text = ?2 WHERE escalation_id IN "
                + "(SELECT id FROM legal_escalation WHERE case_id = ?1)", caseId, marker);
        update("UPDATE legal_hold SET reason = ?2 WHERE scope = 'CASE' AND target_id = CAST(?1 AS VARCHAR) "
                + "AND released_at IS NOT NULL", caseId, marker);
        // the statement keeps its facts' place and every categorical field; last_error may echo the text
        update("UPDATE dsa_statement SET last_error = NULL, statement = jsonb_set(jsonb_set(statement::jsonb, "
                + "'{decision_facts}', to_jsonb(CAST(?2 AS text)), false), "
                + "'{incompatible_content_explanation}', to_jsonb(CAST(?2 AS text)), false)::text WHERE case_id = ?1",
                caseId, marker);
        update("UPDATE audit_log SET detail = ?2 WHERE case_id = ?1 AND detail IS NOT NULL", caseId, marker);
        mails.eraseRecipients(caseId);
        idempotency.eraseResponsesNaming(caseId.toString());
        return items;
    }

    /**
     * Erases what concerns the account beyond its cases: the enforcement events it was told of (published
     * or not: a pending one goes out without address and reason), its audit details, released holds'
     * reasons and stored API answers naming it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseAccount(String accountId, String marker) {
        allowErasure();
        outbox.rewrite(Topics.ENFORCEMENT, accountId, payload -> EnforcementEvents.anonymised(payload, marker));
        em.createNativeQuery("UPDATE audit_log SET detail = ?2 WHERE account_id = ?1 AND detail IS NOT NULL")
                .setParameter(1, accountId).setParameter(2, marker).executeUpdate();
        em.createNativeQuery("UPDATE legal_hold SET reason = ?2 WHERE scope = 'ACCOUNT' AND target_id = ?1 "
                + "AND released_at IS NOT NULL").setParameter(1, accountId).setParameter(2, marker).executeUpdate();
        idempotency.eraseResponsesNaming(accountId);
    }

    /** The evidence ledger and the audit log refuse changes unless the transaction says it erases. */
    private void allowErasure() {
        em.createNativeQuery("SELECT set_config('warden.retention', 'on', true), set_config('warden.erasure', 'on', true)")
                .getSingleResult();
    }

    private int update(String sql, UUID caseId) {
        return em.createNativeQuery(sql).setParameter(1, caseId).executeUpdate();
    }

    private int update(String sql, UUID caseId, String marker) {
        return em.createNativeQuery(sql).setParameter(1, caseId).setParameter(2, marker).executeUpdate();
    }
}
