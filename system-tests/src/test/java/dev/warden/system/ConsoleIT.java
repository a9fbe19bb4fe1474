package dev.warden.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The reviewer console in headless Chromium against the packaged case-service and console and a real
 * Keycloak: people sign in through Keycloak's login page (authorization code + PKCE) and work as their role lets them.
 */
class ConsoleIT {

    @RegisterExtension
    static final ConsolePlatform PLATFORM = new ConsolePlatform();

    /** What the browser showed, for docs/console.md (copied to docs/img by hand). */
    private static final Path SHOTS = Path.of("target", "console-screenshots");

    @Test
    void reviewerSignsInClaimsACaseReadsWhyTheSignalFiredAndBansWithAPreviewedStatement() throws Exception {
        String account = "acc-console-" + UUID.randomUUID().toString().substring(0, 8);
        // the only AUTOMATED_BEHAVIOR case of this class: claim-next with that filter takes this one
        PLATFORM.signal(account, "AUTOMATED_BEHAVIOR", 0.72);
        String caseId = PLATFORM.caseOf(account);
        try (Browser b = new Browser()) {
            b.signIn(PLATFORM.consoleUrl(), "alice", "alice-local");
            b.waitForText(By.id("signed-in-as"), "alice");
            b.visible(By.id("queue-table"));
            new Select(b.visible(By.id("violation"))).selectByValue("AUTOMATED_BEHAVIOR");
            b.click(By.cssSelector("#queue-filters button[type=submit]"));
            b.visible(By.cssSelector("tr[data-case-id='" + caseId + "']"));
            b.screenshot(SHOTS.resolve("queue.png"));
            b.click(By.id("claim-next"));

            b.waitForText(By.id("case-assignee"), "alice");
            assertThat(b.driver.getCurrentUrl()).endsWith("#/cases/" + caseId);
            assertThat(b.visible(By.id("case-status")).getText()).isEqualTo("IN_REVIEW");
            // why it fired: rule and version, each feature value against its threshold, the window, sample events
            WebElement signal = b.visible(By.id("signal-0"));
            assertThat(signal.getText()).contains("AUTOMATED_BEHAVIOR, score 0.72: rule fanout-burst version 3")
                    .contains("140 distinct recipients in 10 minutes").contains("Window:")
                    .contains("evt-" + account + "-1").contains("evt-" + account + "-2");
            List<String> criteria = signal.findElements(By.cssSelector("table.criteria tbody tr")).stream().map(WebElement::getText).toList();
            assertThat(criteria).containsExactly("distinctRecipients 140 >= 50 ✔ yes", "replyRatio 0.02 < 0.1 ✔ yes");

            new Select(b.visible(By.id("action"))).selectByValue("BAN");
            b.type(By.id("reasonCode"), "AUTOMATION_CONFIRMED");
            b.type(By.id("reasonText"), "scripted fan-out to strangers");
            // a ban is not sent before its statement of reasons was shown; it takes no duration
            assertThat(b.visible(By.id("send-decision")).isEnabled()).isFalse();
            assertThat(b.driver.findElement(By.id("restrict-field")).isDisplayed()).isFalse();
            assertThat(b.visible(By.id("preview-needed")).getText()).contains("preview it first");
            b.click(By.id("preview-statement"));
            b.visible(By.id("statement-title"));
            assertThat(b.visible(By.cssSelector("[data-field=decision_account]")).getText()).isEqualTo("DECISION_ACCOUNT_TERMINATED");
            assertThat(b.visible(By.cssSelector("[data-field=incompatible_content_explanation]")).getText())
                    .contains("scripted fan-out to strangers").contains("Detection rule fanout-burst version 3");
            b.screenshot(SHOTS.resolve("case-ban-preview.png"));
            b.click(By.id("send-decision"));

            b.visible(By.id("decision-recorded"));
            b.waitForText(By.id("case-status"), "ACTIONED");
            assertThat(b.visible(By.id("account-status")).getText()).startsWith("BANNED");
            assertThat(b.visible(By.id("active-strikes")).getText()).isEqualTo("1");
            assertThat(b.visible(By.id("decision-history")).getText()).contains("BAN").contains("AUTOMATION_CONFIRMED")
                    .contains("by alice");
        }
        // the server recorded what the browser showed
        assertThat(PLATFORM.get(PLATFORM.keycloak().passwordToken("alice", "alice-local"), "/api/accounts/" + account + "/status"))
                .contains("BANNED");
    }

    @Test
    void personWithoutARoleSeesThatTheyHaveNoAccessInEnglishOrGermanAndCanSignOut() throws Exception {
        try (Browser b = new Browser()) {
            b.signIn(PLATFORM.consoleUrl(), "nora", "nora-local");
            assertThat(b.visible(By.id("no-access-title")).getText()).isEqualTo("No access");
            assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("signed in as nora");
            b.screenshot(SHOTS.resolve("no-access.png"));
            assertThat(b.driver.findElements(By.cssSelector("nav a"))).isEmpty();
            assertThat(b.driver.findElements(By.id("queue-table"))).isEmpty();
            // asking for the queue by address changes nothing
            b.driver.get(PLATFORM.consoleUrl() + "/#/queue");
            b.driver.navigate().refresh();
            assertThat(b.visible(By.id("no-access-title")).getText()).isEqualTo("No access");
            // the same in German
            b.click(By.id("language"));
            b.waitForText(By.id("no-access-title"), "Kein Zugriff");
            assertThat(b.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
            assertThat(b.visible(By.id("sign-out")).getText()).isEqualTo("Abmelden");
            // signing out ends the Keycloak session: the console asks for a sign-in again
            b.click(By.id("sign-out"));
            b.visible(By.id("username"));
            assertThat(b.driver.getCurrentUrl()).startsWith(PLATFORM.keycloak().realmUrl());
        }
    }

    @Test
    void reviewerWhoseCaseWasDecidedMeanwhileIsToldWhyAndSeesTheCaseAsItIsNow() throws Exception {
        String account = "acc-console-409-" + UUID.randomUUID().toString().substring(0, 8);
        PLATFORM.signal(account, "USER_REPORTED", 0.61);
        String caseId = PLATFORM.caseOf(account);
        try (Browser b = new Browser()) {
            b.signIn(PLATFORM.consoleUrl(), "alice", "alice-local");
            b.driver.get(PLATFORM.consoleUrl() + "/#/cases/" + caseId);
            b.waitForText(By.id("case-status"), "NEW");
            new Select(b.visible(By.id("action"))).selectByValue("WARN");
            b.type(By.id("reasonCode"), "FIRST_REPORT");
            b.type(By.id("reasonText"), "a first warning");

            // meanwhile a senior reviewer dismisses the case through the API
            HttpResponse<String> other = PLATFORM.post(PLATFORM.keycloak().passwordToken("sam", "sam-local"),
                    "/api/cases/" + caseId + "/decisions",
                    "{\"action\":\"DISMISS\",\"reasonCode\":\"NO_VIOLATION\",\"reasonText\":\"reporter's own contact\"}");
            assertThat(other.statusCode()).isEqualTo(201);

            b.click(By.id("send-decision"));
            WebElement conflict = b.visible(By.id("conflict"));
            assertThat(conflict.getText()).contains("Someone else changed this case").contains("was not recorded")
                    .contains("reload");
            b.waitForText(By.id("case-status"), "DISMISSED");
            assertThat(b.visible(By.id("decision-history")).getText()).contains("DISMISS").contains("by sam")
                    .doesNotContain("WARN");
            assertThat(b.driver.findElements(By.id("decide-form"))).isEmpty();
        }
    }

    @Test
    void seniorReviewerDecidesAnAppealFromTheAppealQueue() throws Exception {
        String account = "acc-console-appeal-" + UUID.randomUUID().toString().substring(0, 8);
        PLATFORM.signal(account, "BULK_MESSAGING", 0.66);
        String caseId = PLATFORM.caseOf(account);
        HttpResponse<String> ban = PLATFORM.post(PLATFORM.keycloak().passwordToken("alice", "alice-local"),
                "/api/cases/" + caseId + "/decisions", "{\"action\":\"BAN\",\"reasonCode\":\"SPAM\",\"reasonText\":\"bulk invitations\"}");
        assertThat(ban.statusCode()).isEqualTo(201);
        String decisionId = ban.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
        HttpResponse<String> appeal = PLATFORM.post(PLATFORM.keycloak().platformToken(), "/api/appeals",
                "{\"decisionId\":\"" + decisionId + "\",\"text\":\"those were my own club members\"}");
        assertThat(appeal.statusCode()).isEqualTo(201);
        String appealId = appeal.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");

        try (Browser b = new Browser()) {
            b.signIn(PLATFORM.consoleUrl(), "sam", "sam-local");
            b.click(By.cssSelector("nav a[href='#/appeals']"));
            WebElement item = b.visible(By.cssSelector("li[data-appeal-id='" + appealId + "']"));
            assertThat(item.getText()).contains("those were my own club members").contains("BAN");
            b.screenshot(SHOTS.resolve("appeals.png"));
            b.click(By.id("upheld-" + appealId));
            b.type(By.id("reason-" + appealId), "members of the account holder's club, invited on request");
            item.findElement(By.cssSelector("button[type=submit]")).click();
            b.visible(By.id("appeal-decided"));
            assertThat(b.driver.findElements(By.cssSelector("li[data-appeal-id='" + appealId + "']"))).isEmpty();
        }
        String status = PLATFORM.get(PLATFORM.keycloak().passwordToken("sam", "sam-local"), "/api/appeals/" + appealId);
        assertThat(status).contains("\"UPHELD\"").contains("\"decidedBy\":\"sam\"");
    }

    @Test
    void legalDownloadsACasesEvidencePackageAndVerifiesItIntact() throws Exception {
        String account = "acc-console-legal-" + UUID.randomUUID().toString().substring(0, 8);
        PLATFORM.signal(account, "NON_PERSONAL_USE", 0.58);
        String caseId = PLATFORM.caseOf(account);
        try (Browser b = new Browser()) {
            b.signIn(PLATFORM.consoleUrl(), "lena", "lena-local");
            assertThat(b.driver.getCurrentUrl()).endsWith("#/evidence");
            // what legal may not do does not appear
            assertThat(b.driver.findElements(By.cssSelector("nav a[href='#/queue']"))).isEmpty();
            b.type(By.id("caseId"), caseId);
            b.click(By.cssSelector("#download-form button[type=submit]"));
            b.visible(By.id("downloaded"));
            Path zip = b.awaitDownload("evidence-" + caseId + ".zip");
            assertThat(Files.size(zip)).isPositive();
            b.visible(By.id("package")).sendKeys(zip.toAbsolutePath().toString());
            b.click(By.cssSelector("#verify-form button[type=submit]"));
            assertThat(b.visible(By.id("verdict")).getText()).startsWith("Intact:").contains("matches the ledger: true");
            b.screenshot(SHOTS.resolve("evidence.png"));
        }
    }
}
