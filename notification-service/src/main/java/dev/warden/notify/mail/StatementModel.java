package dev.warden.notify.mail;

import java.util.List;

import dev.warden.contracts.enforcement.StatementOfReasons;
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
    public static StatementModel of(StatementOfReasons sor) {
        if (sor == null) {
            return null;
        }
        String explanation = text(sor.incompatibleContentExplanation());
        if (explanation == null) {
            explanation = text(sor.illegalContentExplanation());
        }
        return new StatementModel(text(sor.decisionAccount()), text(sor.decisionProvision()),
                text(sor.decisionGround()), text(sor.incompatibleContentGround()), explanation,
                text(sor.illegalContentLegalGround()), text(sor.category()), list(sor.categorySpecification()),
                text(sor.decisionFacts()), "Yes".equalsIgnoreCase(sor.automatedDetection()),
                text(sor.automatedDecision()), text(sor.endDateAccountRestriction()), text(sor.applicationDate()),
                String.join(", ", list(sor.territorialScope())), text(sor.puid()));
    }

    private static String text(String v) {
        return v == null || v.isBlank() ? null : v;
    }

    private static List<String> list(List<String> v) {
        return v == null ? List.of() : v;
    }
}
