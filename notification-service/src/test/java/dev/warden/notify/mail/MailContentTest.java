package dev.warden.notify.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.notify.Events;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.Mail;
import dev.warden.testsupport.WardenSmtp;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;

/**
 * Every mail, in English and German, as it arrives at the SMTP server: subject, plain-text part,
 * HTML part and language. Events go through Kafka like case-service's.
 */
@QuarkusTest
class MailContentTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    /** What arrived for one event. */
    record Received(EnforcementEvent event, String subject, String text, String html) {
    }

    @Test
    void warningSaysWhatWasDetectedWhichRuleAndHowToAppeal() {
        Received en = deliver(Events.of(EnforcementAction.WARNED, account(), to(), "en-GB"));
        Received de = deliver(Events.of(EnforcementAction.WARNED, account(), to(), "de"));

        assertEnglish(en, "A warning about your account");
        assertThat(en.text()).contains("This is a warning", en.event().reason(), "Bulk messaging",
                "section 4.2", "automatically, by our detection systems (policy rule ban-conclusive-bulk v1)",
                "Settings > Account > Appeal until 2026-12-22 10:15 UTC");
        assertThat(en.html()).contains("Settings &gt; Account &gt; Appeal until 2026-12-22 10:15 UTC");
        // the included rule text sits on its own line, no stray blank line after it
        assertThat(en.text()).containsPattern("\\(Terms of Service, section 4.2 \"No spam\"\\)\\.\\r?\\nHow it was decided");
        assertGerman(de, "Eine Verwarnung zu Ihrem Konto");
        assertThat(de.text()).contains("Dies ist eine Verwarnung", "Massennachrichten", "Abschnitt 4.2",
                "automatisch durch unsere Erkennungssysteme", "bis 2026-12-22 10:15 UTC");
    }

    @Test
    void restrictionSaysUntilWhenWithTheStatementOfReasonsInPlainWords() {
        EnforcementEvent event = Events.byPerson(Events.of(EnforcementAction.RESTRICTED, account(), to(), "en"),
                "NON_PERSONAL_USE", "Newsletter sent to 2,000 people", Events.statement(true,
                        "Weekly commercial newsletter sent from a private account."));
        Received en = deliver(event);
        Received de = deliver(withRecipient(event, "de-AT"));

        assertEnglish(en, "Your account has been restricted");
        assertThat(en.text()).contains("until 2026-11-29 10:15 UTC", "lifted automatically on 2026-11-29 10:15 UTC",
                "Newsletter sent to 2,000 people", "by a member of our Trust & Safety team",
                "Statement of reasons (reference decision-",
                "- Decision: your account is suspended for a limited time.",
                "- What you can no longer do: some features of the service are suspended for a limited time.",
                "- Why: the activity is not compatible with our Terms of Service: ToS 4.2 No spam.",
                "- Explanation: Weekly commercial newsletter sent from a private account.",
                "- Category: use outside the scope of our service (inauthentic accounts, hidden advertising)",
                "- How the activity was found: by automated means.",
                "- How the decision was taken: partly automated; a person was involved.",
                "- The restriction ends on: 2026-11-29", "- Where it applies: DE, AT",
                "appeal in the app under Settings > Account > Appeal until 2026-12-22 10:15 UTC");
        assertThat(en.text()).containsPattern("hidden advertising\\)\\r?\\n- How the activity was found");
        assertThat(en.html()).contains("<strong>Explanation:</strong> Weekly commercial newsletter",
                "<strong>How the decision was taken:</strong> partly automated");

        assertGerman(de, "Ihr Konto wurde eingeschränkt");
        assertThat(de.text()).contains("bis 2026-11-29 10:15 UTC eingeschränkt",
                "Die Einschränkung endet automatisch am 2026-11-29 10:15 UTC",
                "Begründung der Entscheidung (Referenz decision-",
                "- Entscheidung: Ihr Konto wird vorübergehend gesperrt.",
                "- Warum: Die Aktivität ist mit unseren Nutzungsbedingungen nicht vereinbar: ToS 4.2 No spam.",
                "- Kategorie: Nutzung außerhalb des Zwecks unseres Dienstes (unechte Konten, verdeckte Werbung)",
                "- Wie entschieden wurde: teilweise automatisiert; ein Mensch war beteiligt.",
                "- Die Einschränkung endet am: 2026-11-29", "Einspruch einlegen, und zwar bis 2026-12-22 10:15 UTC");
        assertThat(de.html()).contains("<strong>Erläuterung:</strong> Weekly commercial newsletter");
    }

    @Test
    void restrictionWithoutAnEndSaysUntilFurtherNotice() {
        EnforcementEvent e = Events.of(EnforcementAction.RESTRICTED, account(), to(), "en");
        e = new EnforcementEvent(e.eventId(), e.caseId(), e.accountId(), e.action(), e.automated(), e.violation(),
                e.reasonCode(), e.reason(), e.policy(), null, e.actor(), e.occurredAt(), null, e.appealDeadline(),
                e.recipient());
        Received en = deliver(e);

        assertThat(en.text()).contains("restricted your account " + e.accountId() + " until further notice")
                .doesNotContain("lifted automatically").doesNotContain("Statement of reasons");
    }

    @Test
    void banCarriesTheStatementOfReasonsAndEscapesItInHtml() {
        EnforcementEvent event = Events.withStatement(Events.of(EnforcementAction.BANNED, account(), to(), "en"),
                Events.statement(false, "Sent <b>100</b> identical messages & links."));
        Received en = deliver(event);
        Received de = deliver(withRecipient(event, "de-DE"));

        assertEnglish(en, "Your account has been banned");
        assertThat(en.text()).contains(event.reason(), "Bulk messaging",
                "- Decision: your account is closed permanently.",
                "- How the decision was taken: fully automated, without a person involved.",
                "- Explanation: Sent <b>100</b> identical messages & links.",
                "until 2026-12-22 10:15 UTC. A person will review your appeal.");
        assertThat(en.html()).contains("Sent &lt;b&gt;100&lt;/b&gt; identical messages &amp; links.")
                .doesNotContain("<b>100</b>");
        assertGerman(de, "Ihr Konto wurde gesperrt");
        assertThat(de.text()).contains("- Entscheidung: Ihr Konto wird dauerhaft geschlossen.",
                "- Wie entschieden wurde: vollständig automatisiert, ohne Beteiligung eines Menschen.",
                "- Wie die Aktivität erkannt wurde: mit automatisierten Mitteln.", "Ein Mensch prüft Ihren Einspruch");
    }

    @Test
    void reinstatementTellsTheHolderTheAccountIsBack() {
        Received en = deliver(Events.of(EnforcementAction.REINSTATED, account(), to(), "en"));
        Received de = deliver(Events.of(EnforcementAction.REINSTATED, account(), to(), "de"));

        assertEnglish(en, "Your account has been reinstated");
        assertThat(en.text()).contains("your account " + en.event().accountId() + " has been reinstated");
        assertGerman(de, "Ihr Konto wurde wiederhergestellt");
        assertThat(de.text()).contains("Ihr Konto " + de.event().accountId() + " wurde wiederhergestellt");
    }

    @Test
    void appealReceivedPromisesAnIndependentReview() {
        Received en = deliver(Events.of(EnforcementAction.APPEAL_RECEIVED, account(), to(), "en"));
        Received de = deliver(Events.of(EnforcementAction.APPEAL_RECEIVED, account(), to(), "de"));

        assertEnglish(en, "We have received your appeal");
        assertThat(en.text()).contains("not involved in the original decision", en.event().caseId());
        assertGerman(de, "Wir haben Ihren Einspruch erhalten");
        assertThat(de.text()).contains("an der ursprünglichen Entscheidung nicht beteiligt", de.event().caseId());
    }

    @Test
    void appealDecidedSaysWhetherTheDecisionWasReversedOrStands() {
        EnforcementEvent decided = Events.of(EnforcementAction.APPEAL_DECIDED, account(), to(), "en");
        Received granted = deliver(Events.byPerson(decided, "APPEAL_UPHELD", "The messages went to a club's members.",
                null));
        Received rejectedDe = deliver(withRecipient(Events.byPerson(
                Events.of(EnforcementAction.APPEAL_DECIDED, account(), null, null), "APPEAL_REJECTED",
                "Die Nachrichten gingen an Unbekannte.", null), "de"));

        assertEnglish(granted, "Your appeal was successful");
        assertThat(granted.text()).contains("Result: we have reversed our decision",
                "Reasons: The messages went to a club's members.").doesNotContain("out-of-court");
        assertThat(granted.html()).contains("<h2>Your appeal was successful</h2>");
        assertGerman(rejectedDe, "Ihr Einspruch war nicht erfolgreich");
        assertThat(rejectedDe.text()).contains("Ergebnis: Unsere Entscheidung bleibt bestehen.",
                "Begründung: Die Nachrichten gingen an Unbekannte.", "außergerichtliche Streitbeilegungsstelle");
    }

    @Test
    void otherLanguagesFallBackToEnglish() {
        Received fr = deliver(Events.of(EnforcementAction.REINSTATED, account(), to(), "fr-FR"));

        assertEnglish(fr, "Your account has been reinstated");
    }

    @Test
    void legalTeamGetsCaseAccountReasonAndWhereToPullTheEvidence() {
        EnforcementEvent escalation = Events.byPerson(Events.of(EnforcementAction.ESCALATED_TO_LEGAL, account(), to(),
                "de"), "COMMERCIAL_OFFENDER", "Sells a newsletter service over the messenger on its website", null);
        kafka.sendJson(Topics.ENFORCEMENT, escalation.accountId(), escalation);

        MimeMessage mail = await().atMost(Duration.ofSeconds(20))
                .until(() -> WardenSmtp.receivedBy("legal-team@warden.example").stream()
                        .filter(m -> Mail.subject(m).contains(escalation.accountId())).findFirst(), o -> o.isPresent())
                .orElseThrow();

        assertThat(Mail.subject(mail))
                .isEqualTo("Escalation: account " + escalation.accountId() + " (case " + escalation.caseId() + ")");
        assertThat(Mail.plainText(mail)).contains("Case:      " + escalation.caseId(),
                "Violation: BULK_MESSAGING",
                "Reason:    Sells a newsletter service over the messenger on its website (COMMERCIAL_OFFENDER)",
                "Decided:   by a person", "By:        reviewer:alice on 2026-11-22 10:15 UTC",
                "Evidence package: http://127.0.0.1:8082/api/legal/cases/" + escalation.caseId() + "/evidence-package");
        assertThat(Mail.html(mail)).contains("<html lang=\"en\">",
                "href=\"http://127.0.0.1:8082/api/legal/cases/" + escalation.caseId() + "/evidence-package\"");
        assertThat(WardenSmtp.receivedBy(escalation.recipient().email())).isEmpty();
    }

    private static void assertEnglish(Received r, String subject) {
        assertThat(r.subject()).isEqualTo(subject);
        assertThat(r.text()).startsWith("Hello,").contains("Warden Trust & Safety");
        assertThat(r.html()).contains("<html lang=\"en\">").contains("Hello,");
    }

    private static void assertGerman(Received r, String subject) {
        assertThat(r.subject()).isEqualTo(subject);
        assertThat(r.text()).startsWith("Guten Tag,").doesNotContain("Hello").contains("Referenz: Fall");
        assertThat(r.html()).contains("<html lang=\"de\">").contains("Guten Tag,").doesNotContain("Hello");
    }

    private static EnforcementEvent withRecipient(EnforcementEvent e, String locale) {
        return new EnforcementEvent(UUID.randomUUID().toString(), e.caseId(), account(), e.action(), e.automated(),
                e.violation(), e.reasonCode(), e.reason(), e.policy(), e.statementOfReasons(), e.actor(),
                e.occurredAt(), e.restrictedUntil(), e.appealDeadline(), new EnforcementEvent.Recipient(to(), locale));
    }

    private static Received deliver(EnforcementEvent e) {
        kafka.sendJson(Topics.ENFORCEMENT, e.accountId(), e);
        String to = e.recipient().email();
        MimeMessage m = await().atMost(Duration.ofSeconds(20)).until(() -> WardenSmtp.receivedBy(to), l -> !l.isEmpty())
                .get(0);
        assertThat(Mail.recipients(m)).containsExactly(to);
        return new Received(e, Mail.subject(m), Mail.plainText(m), Mail.html(m));
    }

    private static String account() {
        return "acc-" + UUID.randomUUID();
    }

    private static String to() {
        return "holder-" + UUID.randomUUID() + "@example.org";
    }
}
