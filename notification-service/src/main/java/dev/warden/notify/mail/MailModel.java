package dev.warden.notify.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.warden.contracts.enforcement.EnforcementEvent;
import io.quarkus.qute.TemplateData;

/** What a mail template may show: plain values, already formatted; no logic beyond choosing text. */
@TemplateData
public record MailModel(String accountId, String caseId, String action, String violation, String reasonCode,
        String reason, boolean automated, String decidedAt, String restrictedUntil, String appealDeadline,
        String policyRule, String actor, String evidenceUrl, StatementModel statement) {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public static MailModel of(EnforcementEvent e, String evidenceBaseUrl) {
        StatementModel statement = StatementModel.of(e.statementOfReasons());
        // a timed restriction's end may come only in the DSA statement; the mail must still say it
        String until = e.restrictedUntil() != null ? format(e.restrictedUntil())
                : statement == null ? null : statement.restrictionEnd();
        return new MailModel(e.accountId(), e.caseId(), e.action().name(), e.violation(), e.reasonCode(), e.reason(),
                e.automated(), format(e.occurredAt()), until, format(e.appealDeadline()),
                e.policy() == null ? null : e.policy().ruleId() + " v" + e.policy().version(), e.actor(),
                evidenceBaseUrl + "/" + e.caseId() + "/evidence-package", statement);
    }

    private static String format(Instant t) {
        return t == null ? null : DATE_TIME.format(t);
    }
}
