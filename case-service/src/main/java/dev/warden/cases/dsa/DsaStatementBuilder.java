package dev.warden.cases.dsa;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.warden.cases.account.Account;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.decision.Decision;
import dev.warden.cases.decision.DecisionAction;
import dev.warden.cases.signal.SignalRecord;
import dev.warden.contracts.enforcement.StatementOfReasons;

/**
 * Maps a decision, its case, the account and the case's signals onto the Transparency Database's fields.
 * Pure: no I/O, so it is cheap and testable on its own.
 */
public final class DsaStatementBuilder {

    /** How a Warden violation is classified for the database, and the clause of the terms it breaks. */
    record Classification(String category, String keyword, String keywordOther, String ground) {
    }

    private static final Map<String, Classification> BY_VIOLATION = Map.of(
            "BULK_MESSAGING", new Classification("STATEMENT_CATEGORY_OTHER_VIOLATION_TC", "KEYWORD_OTHER",
                    "Bulk or unsolicited messaging (spam)",
                    "Terms of Service, acceptable use: no bulk or unsolicited messaging"),
            "AUTOMATED_BEHAVIOR", new Classification("STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
                    "KEYWORD_INAUTHENTIC_ACCOUNTS", null,
                    "Terms of Service, acceptable use: no automated or bulk account operation"),
            "NON_PERSONAL_USE", new Classification("STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
                    "KEYWORD_HIDDEN_ADVERTISEMENT", null,
                    "Terms of Service, personal use: no commercial messaging through a personal account"),
            "USER_REPORTED", new Classification("STATEMENT_CATEGORY_OTHER_VIOLATION_TC", "KEYWORD_OTHER",
                    "Unwanted messages reported by recipients",
                    "Terms of Service, acceptable use: no unwanted or unsolicited messaging"));

    private DsaStatementBuilder() {
    }

    public static boolean needsStatement(DecisionAction action) {
        return action == DecisionAction.RESTRICT || action == DecisionAction.BAN;
    }

    public static String sourceType(String violation) {
        return "USER_REPORTED".equals(violation) ? "SOURCE_ARTICLE_16" : "SOURCE_VOLUNTARY";
    }

    public static StatementOfReasons build(String puid, Decision d, EnforcementCase c, Account a,
            List<SignalRecord> signals, List<String> territorialScope) {
        Classification cls = BY_VIOLATION.getOrDefault(c.primaryViolation, BY_VIOLATION.get("BULK_MESSAGING"));
        return StatementOfReasons.builder()
                .decisionAccount(d.action == DecisionAction.BAN ? "DECISION_ACCOUNT_TERMINATED" : "DECISION_ACCOUNT_SUSPENDED")
                .endDateAccountRestriction(d.action == DecisionAction.RESTRICT && d.restrictedUntil != null
                        ? date(d.restrictedUntil) : null)
                .accountType(accountType(a.accountType))
                .decisionGround("DECISION_GROUND_INCOMPATIBLE_CONTENT")
                .incompatibleContentGround(cut(cls.ground(), 500))
                .incompatibleContentExplanation(cut(explanation(d, signals), 2000))
                .incompatibleContentIllegal("No")
                .contentType(List.of("CONTENT_TYPE_TEXT"))
                .category(cls.category())
                .categorySpecification(List.of(cls.keyword()))
                .categorySpecificationOther(cls.keywordOther())
                .territorialScope(List.copyOf(new TreeSet<>(territorialScope)))
                .contentDate(date(signals.isEmpty() ? c.openedAt : signals.get(0).detectedAt))
                .applicationDate(date(d.decidedAt))
                .decisionFacts(cut(facts(d, signals), 5000))
                .sourceType(sourceType(c.primaryViolation))
                .automatedDetection(signals.isEmpty() ? "No" : "Yes")
                .automatedDecision(d.automated ? "AUTOMATED_DECISION_FULLY" : "AUTOMATED_DECISION_NOT_AUTOMATED")
                .puid(puid)
                .build();
    }

    private static String accountType(String type) {
        return switch (type == null ? "" : type) {
            case "BUSINESS" -> "ACCOUNT_TYPE_BUSINESS";
            case "PRIVATE" -> "ACCOUNT_TYPE_PRIVATE";
            default -> null;
        };
    }

    private static String explanation(Decision d, List<SignalRecord> signals) {
        StringBuilder b = new StringBuilder(d.reasonText == null ? "" : d.reasonText);
        if (d.policyRuleId != null) {
            b.append(" Policy rule ").append(d.policyRuleId).append(" version ").append(d.policyVersion).append('.');
        }
        if (!signals.isEmpty()) {
            SignalRecord last = signals.get(signals.size() - 1);
            b.append(" Detection rule ").append(last.ruleId).append(" version ").append(last.ruleVersion)
                    .append(": ").append(last.summary);
        }
        return b.toString().strip();
    }

    private static String facts(Decision d, List<SignalRecord> signals) {
        StringBuilder b = new StringBuilder();
        b.append(d.automated ? "Automated decision" : "Decision by a reviewer").append(" to ")
                .append(d.action == DecisionAction.BAN ? "terminate" : "suspend").append(" the account on ")
                .append(d.decidedAt).append(". ");
        if (d.reasonText != null) {
            b.append(d.reasonText).append(' ');
        }
        b.append("Account activity metadata (message content is end-to-end encrypted and was not seen) showed:");
        for (SignalRecord s : signals) {
            b.append(" [").append(s.detectedAt).append("] ").append(s.violation).append(", score ")
                    .append(String.format(java.util.Locale.ROOT, "%.2f", s.score)).append(", rule ").append(s.ruleId)
                    .append(" v").append(s.ruleVersion).append(": ").append(s.summary).append('.');
            if (b.length() > 5000) {
                break;
            }
        }
        return b.toString();
    }

    static String date(java.time.Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
    }

    /** Cuts to at most max characters (code points, as the database counts). */
    static String cut(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
