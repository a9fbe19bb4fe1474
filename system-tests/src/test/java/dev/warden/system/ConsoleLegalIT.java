package dev.warden.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The legal team's screens in headless Chromium against the packaged case-service and console and a real Keycloak:
 * lena (role legal) works escalations, legal holds and the custody log of a case's evidence.
 */
class ConsoleLegalIT {

    @RegisterExtension
    static final ConsolePlatform PLATFORM = new ConsolePlatform();

    private static final Path SHOTS = Path.of("target", "console-screenshots");

    /** A case for a fresh account, once case-service has filed its signal (read through the API as alice). */
    private static String newCase(String prefix, String violation) throws Exception {
        String account = prefix + UUID.randomUUID().toString().substring(0, 8);
        PLATFORM.signal(account, violation, 0.6);
        return PLATFORM.caseOf(account);
    }

    private static String lena() throws Exception {
        return PLATFORM.keycloak().passwordToken("lena", "lena-local");
    }

    private static void acceptConfirm(Browser b, boolean accept) {
        new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(ExpectedConditions.alertIsPresent());
        if (accept) {
            b.driver.switchTo().alert().accept();
        } else {
            b.driver.switchTo().alert().dismiss();
        }
    }

    @Test
    void legalAddsANoteToAnEscalationAndClosesIt() throws Exception {
        String caseId = newCase("acc-legal-esc-", "USER_REPORTED");
        // a reviewer escalates the case to legal: that opens the escalation
        HttpResponse<String> escalate = PLATFORM.post(PLATFORM.keycloak().passwordToken("alice", "alice-local"),
                "/api/cases/" + caseId + "/decisions",
                "{\"action\":\"ESCALATE\",\"reasonCode\":\"THREAT_TO_LIFE\",\"reasonText\":\"threatens a named person\"}");
        assertThat(escalate.statusCode()).isEqualTo(201);

        try (Browser b = new Browser()) {
            b.signIn(PLATFORM.consoleUrl(), "lena", "lena-local");
            b.click(By.cssSelector("nav a[href='#/escalations']"));
            WebElement row = b.visible(By.xpath("//table[@id='escalations']//tr[contains(., '" + caseId + "')]"));
            assertThat(row.getText()).contains("RECEIVED").contains("alice").contains("threatens a named person").contains("min");
            String id = row.getDomAttribute("data-escalation-id");
            b.screenshot(SHOTS.resolve("escalations.png"));
            row.findElement(By.tagName("a")).click();

            b.waitForText(By.id("escalation-status-now"), "RECEIVED");
            assertThat(b.visible(By.id("escalation-reason")).getText()).isEqualTo("threatens a named person");
            // a move the API does not allow is refused with its problem detail
            new Select(b.visible(By.id("next-status"))).selectByValue("FILED");
            b.click(By.cssSelector("#status-form button[type=submit]"));
            assertThat(b.visible(By.cssSelector("#status-result [role=alert]")).getText()).contains("409")
                    .contains("is RECEIVED and cannot move to FILED");

            b.type(By.id("note-text"), "police report filed by the victim; waiting for their request");
            b.click(By.cssSelector("#note-form button[type=submit]"));
            b.visible(By.id("note-added"));
            assertThat(b.visible(By.id("legal-notes")).getText()).contains("lena")
                    .contains("police report filed by the victim; waiting for their request");

            new Select(b.visible(By.id("next-status"))).selectByValue("CLOSED");
            b.click(By.cssSelector("#status-form button[type=submit]"));
            b.visible(By.id("status-changed"));
            b.waitForText(By.id("escalation-status-now"), "CLOSED");
            assertThat(b.visible(By.id("escalation-closed")).getText()).isEqualTo("This escalation is closed.");
            assertThat(b.driver.findElements(By.id("status-form"))).isEmpty();
            b.screenshot(SHOTS.resolve("escalation.png"));

            String escalation = PLATFORM.get(lena(), "/api/legal/escalations/" + id);
            assertThat(escalation).contains("\"status\":\"CLOSED\"");
            assertThat(PLATFORM.get(lena(), "/api/legal/escalations/" + id + "/notes")).contains("\"author\":\"lena\"");
        }
    }

    @Test
    void legalPlacesAHoldOnACaseAndReleasesIt() throws Exception {
        String caseId = newCase("acc-legal-hold-", "NON_PERSONAL_USE");
        try (Browser b = new Browser()) {
            b.signIn(PLATFORM.consoleUrl(), "lena", "lena-local");
            b.click(By.cssSelector("nav a[href='#/holds']"));
            assertThat(b.visible(By.id("holds-meaning")).getText()).contains("from erasure");

            // a case hold needs a case id: the API's problem names the field
            new Select(b.visible(By.id("hold-scope"))).selectByValue("CASE");
            b.type(By.id("hold-target"), "not-a-case");
            b.type(By.id("hold-reason"), "preservation request from the prosecutor");
            b.click(By.cssSelector("#hold-form button[type=submit]"));
            assertThat(b.visible(By.cssSelector("#hold-form + div [role=alert]")).getText()).contains("400").contains("targetId");

            b.type(By.id("hold-target"), caseId);
            b.click(By.cssSelector("#hold-form button[type=submit]"));
            b.visible(By.id("hold-placed"));
            WebElement row = b.visible(By.xpath("//table[@id='holds']//tr[contains(., '" + caseId + "')]"));
            assertThat(row.getText()).contains("CASE").contains("preservation request from the prosecutor").contains("lena")
                    .contains("active");
            String holdId = row.getDomAttribute("data-hold-id");
            b.screenshot(SHOTS.resolve("holds.png"));

            // releasing asks first: cancelling keeps the hold
            By release = By.cssSelector("button.release[data-hold-id='" + holdId + "']");
            b.click(release);
            acceptConfirm(b, false);
            assertThat(b.driver.findElements(By.id("hold-released"))).isEmpty();
            assertThat(PLATFORM.get(lena(), "/api/legal/holds")).contains(holdId);

            b.click(release);
            acceptConfirm(b, true);
            b.visible(By.id("hold-released"));
            assertThat(b.driver.findElements(release)).isEmpty();
            assertThat(PLATFORM.get(lena(), "/api/legal/holds")).doesNotContain(holdId);
            b.click(By.id("holds-toggle"));
            WebElement released = b.visible(By.xpath("//table[@id='holds']//tr[@data-hold-id='" + holdId + "']"));
            assertThat(released.getText()).contains("released by lena");
        }
    }

    @Test
    void legalReadsTheCustodyLogOfACaseAfterDownloadingItsPackage() throws Exception {
        String caseId = newCase("acc-legal-custody-", "BULK_MESSAGING");
        try (Browser b = new Browser()) {
            b.signIn(PLATFORM.consoleUrl(), "lena", "lena-local");
            b.click(By.cssSelector("nav a[href='#/custody']"));
            b.type(By.id("custody-case"), caseId);
            b.click(By.cssSelector("#custody-form button[type=submit]"));
            b.visible(By.id("custody-empty"));

            b.click(By.cssSelector("nav a[href='#/evidence']"));
            b.type(By.id("caseId"), caseId);
            b.click(By.cssSelector("#download-form button[type=submit]"));
            b.visible(By.id("downloaded"));
            // the file is saved under the name the server gave it
            Path zip = b.awaitDownload("evidence-" + caseId + ".zip");
            long size = Files.size(zip);
            assertThat(size).isPositive();
            WebElement progress = b.visible(By.id("download-progress"));
            assertThat(progress.getDomAttribute("data-state")).isEqualTo("done");
            assertThat(progress.getDomProperty("value")).isEqualTo(progress.getDomProperty("max")).isEqualTo(String.valueOf(size));
            assertThat(b.visible(By.id("download-status")).getText()).isEqualTo("Done: " + size + " bytes received.");
            b.screenshot(SHOTS.resolve("download.png"));

            b.click(By.id("custody-after-download"));
            WebElement table = b.visible(By.id("custody"));
            List<String> rows = table.findElements(By.cssSelector("tbody tr")).stream().map(r -> r.getDomAttribute("data-action")).toList();
            assertThat(rows).containsExactly("EXPORT_STARTED", "EXPORT_PACKAGE");
            assertThat(table.getText()).contains("lena").contains("Exported the evidence package").contains("handed out");
            b.screenshot(SHOTS.resolve("custody.png"));
        }
    }
}
