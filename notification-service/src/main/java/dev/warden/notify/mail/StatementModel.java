package dev.warden.notify.mail;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.TemplateData;

/**
 * The DSA statement of reasons carried by an enforcement event (EU Transparency Database field
 * names), reduced to what an account holder should read. Codes stay codes here: the templates turn
 * them into words in the holder's language.
 */
@TemplateData
public record StatementModel(String decisionAccount, String decisionProvision, String decisionGround,
        String contentGround, String explanation, String legalGround, String category, List<String> keywords,
        String facts, boolean automatedDetection, String automatedDecision, String restrictionEnd,
        String applicationDate, String territorialScope, String puid) {

    /** @return null when the event carries no statement */
    public static StatementModel of(Map<String, Object> sor) {
        if (sor == null || sor.isEmpty()) {
            return null;
        }
        String explanation = text(sor, "incompatible_content_explanation");
        if (explanation == null) {
            explanation = text(sor, "illegal_content_explanation");
        }
        return new StatementModel(text(sor, "decision_account"), text(sor, "decision_provision"),
                text(sor, "decision_ground"), text(sor, "incompatible_content_ground"), explanation,
                text(sor, "illegal_content_legal_ground"), text(sor, "category"), list(sor.get("category_specification")),
                text(sor, "decision_facts"), "Yes".equalsIgnoreCase(text(sor, "automated_detection")),
                text(sor, "automated_decision"), text(sor, "end_date_account_restriction"),
                text(sor, "application_date"), String.join(", ", list(sor.get("territorial_scope"))),
                text(sor, "puid"));
    }

    private static String text(Map<String, Object> sor, String field) {
        Object v = sor.get(field);
        return v == null || v.toString().isBlank() ? null : v.toString();
    }

    private static List<String> list(Object v) {
        if (v instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return v == null ? List.of() : List.of(String.valueOf(v));
    }
}
