package dev.warden.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The senior reviewer's screens in headless Chromium: bulk decisions with a per-case preview, the policy and its dry run. */
class ConsoleSeniorIT {

    @RegisterExtension
    static final ConsolePlatform PLATFORM = new ConsolePlatform();

    private static final Path SHOTS = Path.of("target", "console-screenshots");

    private static String sam() throws Exception {
        return PLATFORM.keycloak().passwordToken("sam", "sam-local");
    }

    private static List<String> outcomes(Browser b) {
        return b.driver.findElements(By.cssSelector("#bulk-preview-table tbody tr")).stream()
                .map(r -> r.getDomAttribute("data-outcome")).toList();
    }

    @Test
    void seniorReviewerPreviewsABulkBanAndAppliesItToTheSelectedCases() throws Exception {
        List<String> accounts = new ArrayList<>();
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String account = "acc-console-bulk-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
            // the only NON_PERSONAL_USE cases of this class
            PLATFORM.signal(account, "NON_PERSONAL_USE", 0.58 + i / 100.0);
            accounts.add(account);
        }
        for (String account : accounts) {
            cases.add(PLATFORM.caseOf(account));
        }
        try (Browser b = new Browser()) {
            b.signIn(PLATFORM.consoleUrl(), "sam", "sam-local");
            new Select(b.visible(By.id("violation"))).selectByValue("NON_PERSONAL_USE");
            b.click(By.cssSelector("#queue-filters button[type=submit]"));
            for (String id : cases) {
                b.visible(By.cssSelector("tr[data-case-id='" + id + "']"));
            }
            b.click(By.id("select-all"));
            // another class's NON_PERSONAL_USE case may share the platform's database: unselect what is not ours
            for (WebElement box : b.driver.findElements(By.cssSelector("#queue-table input.select-case"))) {
                assertThat(box.isSelected()).isTrue();
                if (!cases.contains(box.getDomAttribute("value"))) {
                    box.click();
                }
            }
            b.waitForText(By.id("bulk-count"), "3 cases selected");
            new Select(b.visible(By.id("bulk-action"))).selectByValue("BAN");
            b.type(By.id("bulk-reasonCode"), "COMMERCIAL_SPAM");
            b.type(By.id("bulk-reasonText"), "one shop's campaign from three accounts");
            // nothing is applied before its preview
            assertThat(b.visible(By.id("bulk-apply")).isEnabled()).isFalse();
            assertThat(b.visible(By.id("bulk-preview-needed")).getText()).contains("Preview the decision");

            // a decision the cases cannot take: each refused, and the whole call would be
            new Select(b.visible(By.id("bulk-action"))).selectByValue("REINSTATE");
            b.click(By.id("bulk-preview-button"));
            b.waitForText(By.id("bulk-verdict"), "would be refused (409)");
            assertThat(outcomes(b)).containsExactly("REFUSED", "REFUSED", "REFUSED");
            assertThat(b.visible(By.id("bulk-apply")).isEnabled()).isFalse();

            // changing the form hides that preview; the ban's preview says what happens to each case
            new Select(b.visible(By.id("bulk-action"))).selectByValue("BAN");
            assertThat(b.driver.findElements(By.id("bulk-preview-table"))).isEmpty();
            b.click(By.id("bulk-preview-button"));
            b.waitForText(By.id("bulk-verdict"), "All 3 cases can take BAN");
            assertThat(outcomes(b)).containsExactly("DECIDED", "DECIDED", "DECIDED");
            for (int i = 0; i < 3; i++) {
                WebElement row = b.visible(By.cssSelector("#bulk-preview-table tr[data-case-id='" + cases.get(i) + "']"));
                assertThat(row.getText()).contains(accounts.get(i)).contains("decided: BAN").contains("with a statement of reasons");
            }
            WebElement apply = b.visible(By.id("bulk-apply"));
            assertThat(apply.isEnabled()).isTrue();
            assertThat(apply.getText()).isEqualTo("Apply to 3 cases");
            b.driver.executeScript("document.getElementById('bulk').scrollIntoView()");
            b.screenshot(SHOTS.resolve("bulk.png"));

            // unselecting a case hides the preview again; selecting it back needs a new preview
            b.click(By.id("select-" + cases.get(0)));
            assertThat(b.driver.findElements(By.id("bulk-preview-table"))).isEmpty();
            assertThat(b.visible(By.id("bulk-apply")).isEnabled()).isFalse();
            b.click(By.id("select-" + cases.get(0)));
            b.click(By.id("bulk-preview-button"));
            b.waitForText(By.id("bulk-verdict"), "All 3 cases can take BAN");

            b.click(By.id("bulk-apply"));
            b.waitForText(By.id("bulk-done-title"), "3 cases decided: BAN");
            for (String id : cases) {
                assertThat(b.driver.findElements(By.cssSelector("#queue-table tr[data-case-id='" + id + "']"))).isEmpty();
            }
        }
        // the server decided what the browser showed
        for (int i = 0; i < 3; i++) {
            assertThat(PLATFORM.get(sam(), "/api/accounts/" + accounts.get(i) + "/status")).contains("BANNED");
            assertThat(PLATFORM.get(sam(), "/api/cases/" + cases.get(i))).contains("\"ACTIONED\"").contains("COMMERCIAL_SPAM");
        }
    }

    @Test
    void seniorReviewerDryRunsAnEditedPolicyAndReadsWhatWouldChange() throws Exception {
        String low = "acc-console-policy-low-" + UUID.randomUUID().toString().substring(0, 8);
        String high = "acc-console-policy-high-" + UUID.randomUUID().toString().substring(0, 8);
        PLATFORM.signal(low, "BULK_MESSAGING", 0.55);
        PLATFORM.signal(high, "BULK_MESSAGING", 0.75);
        PLATFORM.caseOf(low);
        PLATFORM.caseOf(high); // both filed: the dry run replays them
        try (Browser b = new Browser()) {
            b.signIn(PLATFORM.consoleUrl(), "sam", "sam-local");
            b.click(By.cssSelector("nav a[href='#/policy']"));
            assertThat(b.visible(By.id("policy-active")).getText()).startsWith("Active version 1");
            assertThat(b.visible(By.cssSelector("#policy-rules tr[data-rule-id='review-by-score']")).getText())
                    .contains("review-by-score v1").contains("REVIEW");
            assertThat(b.visible(By.id("policy-versions")).getText()).contains("default policy");

            // an invalid rule: the API's problem names the field
            b.type(By.id("candidate-rules"), "[{\"id\":\"Bad Id\",\"then\":{\"action\":\"BAN\"}}]");
            b.click(By.id("dry-run"));
            b.waitForText(By.cssSelector("#dry-run-out .alert"), "rules[0].id");

            // a candidate that bans bulk messaging from a score of 0.7, ahead of the active rules
            String active = PLATFORM.get(sam(), "/api/policy");
            String rules = active.substring(active.indexOf('[', active.indexOf("\"rules\"")), active.lastIndexOf(']') + 1);
            String candidate = "[{\"id\":\"ban-bulk-from-070\",\"description\":\"bulk messaging from 0.7: ban\","
                    + "\"when\":{\"violations\":[\"BULK_MESSAGING\"],\"minScore\":0.7},\"then\":{\"action\":\"BAN\"}},"
                    + rules.substring(1);
            b.type(By.id("candidate-rules"), candidate);
            b.click(By.id("dry-run"));
            b.waitForText(By.id("dry-run-summary"), "would be decided differently than by version 1");
            WebElement changed = b.visible(By.cssSelector("#dry-run-results tr[data-account='" + high + "']"));
            assertThat(changed.getText()).contains("REVIEW (review-by-score v1)").contains("BAN (ban-bulk-from-070 v1)")
                    .contains("changed");
            assertThat(changed.getDomAttribute("class")).isEqualTo("changed");
            WebElement same = b.visible(By.cssSelector("#dry-run-results tr[data-account='" + low + "']"));
            assertThat(same.getText()).contains("REVIEW (review-by-score v1)").endsWith("same");
            assertThat(b.visible(By.cssSelector("#dry-run-counts tr[data-action='BAN']")).getText()).matches("BAN \\d+ [1-9]\\d*");
            b.driver.executeScript("document.getElementById('dry-run-report').scrollIntoView()");
            b.screenshot(SHOTS.resolve("policy.png"));
        }
        // a dry run stores nothing: the active policy is still version 1
        assertThat(PLATFORM.get(sam(), "/api/policy")).contains("\"version\":1,").doesNotContain("ban-bulk-from-070");
    }
}
