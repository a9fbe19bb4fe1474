package dev.warden.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.contracts.json.WardenJson;

/**
 * The admin's screens (audit log, detection rules) and the reviewer's keyboard, in headless Chromium against the
 * packaged case-service, detection-service and console and a real Keycloak.
 */
class ConsoleAdminIT {

    @RegisterExtension
    static final ConsolePlatform PLATFORM = new ConsolePlatform(true);

    private static final Path SHOTS = Path.of("target", "console-screenshots");

    @Test
    void adminFiltersTheAuditLogToOneCaseAndReadsWhoDidWhat() throws Exception {
        String account = "acc-audit-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "acc-audit-other-" + UUID.randomUUID().toString().substring(0, 8);
        PLATFORM.signal(account, "USER_REPORTED", 0.55);
        PLATFORM.signal(other, "USER_REPORTED", 0.56);
        String caseId = PLATFORM.caseOf(account);
        PLATFORM.caseOf(other);
        // alice reads the case (EVIDENCE_READ) and leaves a note (NOTE_ADDED): the log must say so, by her name
        String alice = PLATFORM.keycloak().passwordToken("alice", "alice-local");
        PLATFORM.get(alice, "/api/cases/" + caseId);
        assertThat(PLATFORM.post(alice, "/api/cases/" + caseId + "/notes", "{\"text\":\"asked the reporter for context\"}")
                .statusCode()).isEqualTo(201);
        JsonNode expected = WardenJson.mapper().readTree(
                PLATFORM.get(PLATFORM.keycloak().passwordToken("adam", "adam-local"), "/api/audit?caseId=" + caseId));

        try (Browser b = new Browser()) {
            b.signIn(PLATFORM.consoleUrl(), "adam", "adam-local");
            b.click(By.cssSelector("nav a[href='#/audit']"));
            b.visible(By.id("audit-table"));
            b.type(By.id("audit-caseId"), caseId);
            b.click(By.cssSelector("#audit-filters button[type=submit]"));
            new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector("#audit-table tbody tr"))
                    .size() == expected.size() && d.findElements(By.cssSelector("#audit-table tbody tr td a")).stream()
                            .allMatch(a -> caseId.equals(a.getDomAttribute("title"))));
            List<WebElement> rows = b.driver.findElements(By.cssSelector("#audit-table tbody tr"));
            // the same entries as the API, newest first; each in words, with its instant in the time's title
            for (int i = 0; i < rows.size(); i++) {
                WebElement row = rows.get(i);
                assertThat(row.getDomAttribute("data-action")).isEqualTo(expected.get(i).get("action").asText());
                assertThat(row.findElement(By.tagName("time")).getDomAttribute("title"))
                        .isEqualTo(expected.get(i).get("occurredAt").asText());
            }
            List<String> texts = rows.stream().map(WebElement::getText).toList();
            assertThat(texts).anySatisfy(r -> assertThat(r).contains("alice via warden-cli").contains("Note added")
                    .contains("case " + caseId.substring(0, 8)));
            assertThat(texts).anySatisfy(r -> assertThat(r).contains("alice via warden-cli").contains("Evidence read")
                    .contains("account " + account));
            assertThat(texts).anySatisfy(r -> assertThat(r).contains("system:intake").contains("Signal filed"));
            assertThat(texts).noneMatch(r -> r.contains(other));
            b.screenshot(SHOTS.resolve("audit.png"));

            // narrowed to one action: only alice's note
            new Select(b.visible(By.id("audit-action"))).selectByValue("NOTE_ADDED");
            b.click(By.cssSelector("#audit-filters button[type=submit]"));
            new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(d -> {
                List<WebElement> r = d.findElements(By.cssSelector("#audit-table tbody tr"));
                return r.size() == 1 && "NOTE_ADDED".equals(r.get(0).getDomAttribute("data-action"));
            });
            assertThat(b.visible(By.cssSelector("#audit-table tbody tr .audit-who")).getText()).startsWith("alice");
            // the same screen in German names the action in German
            b.click(By.id("language"));
            b.waitForText(By.cssSelector("#audit-table tbody tr .audit-what"), "Notiz hinzugefügt");
            b.click(By.id("language"));
        }
    }

    @Test
    void adminReadsTheDetectionRulesWithTheirThresholds() throws Exception {
        String adam = PLATFORM.keycloak().passwordToken("adam", "adam-local");
        HttpResponse<String> listed = PLATFORM.getDetection(adam, "/api/rules");
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode rules = WardenJson.mapper().readTree(listed.body());
        JsonNode outreach = null;
        for (JsonNode r : rules) {
            if ("bulk.stranger-outreach".equals(r.get("id").asText())) {
                outreach = r;
            }
        }
        assertThat(outreach).as("bulk.stranger-outreach in %s", listed.body()).isNotNull();
        // a candidate in shadow: the screen shows it and how it compares with the live version
        ObjectNode candidate = outreach.deepCopy();
        int live = outreach.get("version").asInt();
        candidate.put("version", live + 1);
        ((ObjectNode) candidate.get("thresholds")).put("minMessagesLastHour", 30.0);
        HttpResponse<String> shadow = PLATFORM.putDetection(adam, "/api/rules/bulk.stranger-outreach/shadow", candidate.toString());
        assertThat(shadow.statusCode()).as(shadow.body()).isEqualTo(200);

        try (Browser b = new Browser()) {
            b.signIn(PLATFORM.consoleUrl(), "adam", "adam-local");
            b.click(By.cssSelector("nav a[href='#/rules']"));
            b.visible(By.id("rules"));
            assertThat(b.driver.findElements(By.cssSelector("article.rule"))).hasSize(rules.size());
            WebElement article = b.visible(By.cssSelector("article[data-rule-id='bulk.stranger-outreach']"));
            assertThat(article.findElement(By.tagName("h2")).getText()).isEqualTo("bulk.stranger-outreach, version " + live);
            assertThat(article.findElement(By.className("rule-violation")).getText()).isEqualTo(outreach.get("violation").asText());
            assertThat(article.findElement(By.className("rule-state")).getText())
                    .isEqualTo(outreach.get("enabled").asBoolean() ? "enabled" : "disabled (fires no signal)");
            // every threshold in words, the value the API holds: min… is "at least", max… "at most"
            JsonNode thresholds = outreach.get("thresholds");
            List<String> names = new ArrayList<>();
            thresholds.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                WebElement row = article.findElement(By.cssSelector("tr[data-threshold='" + name + "']"));
                String value = number(thresholds.get(name).asDouble());
                String words = name.startsWith("min") ? "at least " + value : name.startsWith("max") ? "at most " + value : value;
                assertThat(row.findElement(By.className("rule-condition")).getText()).startsWith(words);
            }
            assertThat(article.findElement(By.cssSelector("tr[data-threshold='minMessagesLastHour'] th")).getText())
                    .isEqualTo("messagesLastHour");
            b.waitForText(By.id("rule-bulk.stranger-outreach-shadow"), "Version " + (live + 1) + " in shadow");
            assertThat(b.visible(By.id("rule-bulk.stranger-outreach-shadow")).getText()).contains("Put in shadow by adam");
            b.visible(By.cssSelector("#rule-bulk\\.stranger-outreach-shadow table.shadow-comparison"));
            assertThat(article.findElements(By.cssSelector(".alert"))).isEmpty();
            b.driver.executeScript("arguments[0].scrollIntoView();", article);
            b.screenshot(SHOTS.resolve("rules.png"));
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    @Test
    void reviewerWorksTheQueueFromTheKeyboard() throws Exception {
        String first = "acc-keys-a-" + UUID.randomUUID().toString().substring(0, 8);
        String second = "acc-keys-b-" + UUID.randomUUID().toString().substring(0, 8);
        // the only NON_PERSONAL_USE cases of this class
        PLATFORM.signal(first, "NON_PERSONAL_USE", 0.66);
        PLATFORM.signal(second, "NON_PERSONAL_USE", 0.64);
        Set<String> cases = Set.of(PLATFORM.caseOf(first), PLATFORM.caseOf(second));
        try (Browser b = new Browser()) {
            b.signIn(PLATFORM.consoleUrl(), "alice", "alice-local");
            WebElement unfiltered = b.visible(By.id("queue-table"));
            new Select(b.visible(By.id("violation"))).selectByValue("NON_PERSONAL_USE");
            b.click(By.cssSelector("#queue-filters button[type=submit]"));
            new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(unfiltered));
            new WebDriverWait(b.driver, Duration.ofSeconds(30))
                    .until(d -> d.findElements(By.cssSelector("#queue-table a.case-link")).size() == 2);
            List<String> links = b.driver.findElements(By.cssSelector("#queue-table a.case-link")).stream()
                    .map(a -> a.getDomAttribute("href")).toList();
            Actions keys = new Actions(b.driver);
            // j moves down, k up, never past the ends
            keys.sendKeys("j").perform();
            assertThat(focusedHref(b)).isEqualTo(links.get(0));
            keys.sendKeys("j").perform();
            assertThat(focusedHref(b)).isEqualTo(links.get(1));
            keys.sendKeys("j").perform();
            assertThat(focusedHref(b)).isEqualTo(links.get(1));
            keys.sendKeys("k").perform();
            assertThat(focusedHref(b)).isEqualTo(links.get(0));
            // Enter opens the selected case
            keys.sendKeys(Keys.ENTER).perform();
            new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith(links.get(0)));
            b.visible(By.id("case-title"));
            // back in the queue, c claims the next case of the same filter and opens it
            b.click(By.cssSelector("nav a[href='#/queue']"));
            b.visible(By.id("queue-table"));
            new Actions(b.driver).sendKeys("c").perform();
            b.waitForText(By.id("case-assignee"), "alice");
            String claimed = b.driver.getCurrentUrl().replaceAll(".*#/cases/", "");
            assertThat(cases).contains(claimed);
            assertThat(b.visible(By.id("case-status")).getText()).isEqualTo("IN_REVIEW");

            // Tab from the top of the case page reaches the decision form's fields in reading order
            assertThat(tabOrder(b, "send-decision")).containsExactly("action", "reasonCode", "reasonText", "send-decision");
            // a restriction adds its duration after the action; an unpreviewed restriction cannot be sent, so Tab
            // goes from the reason to the preview button
            new Select(b.visible(By.id("action"))).selectByValue("RESTRICT");
            assertThat(tabOrder(b, "preview-statement")).containsExactly("action", "restrictFor", "reasonCode", "reasonText",
                    "preview-statement");
        }
    }

    private static String focusedHref(Browser b) {
        return b.driver.switchTo().activeElement().getDomAttribute("href");
    }

    /** Tabs from the top of the page until last has focus; the decision form's fields in the order they got it. */
    private static List<String> tabOrder(Browser b, String last) {
        Set<String> form = Set.of("action", "restrictFor", "reasonCode", "reasonText", "preview-statement", "send-decision");
        // the skip link is the page's first stop: start there, as a keyboard user arriving on the page does
        b.driver.executeScript("document.getElementById('skip').focus();");
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 80 && !order.contains(last); i++) {
            new Actions(b.driver).sendKeys(Keys.TAB).perform();
            String id = b.driver.switchTo().activeElement().getDomAttribute("id");
            if (id != null && form.contains(id)) {
                order.add(id);
            }
        }
        return order;
    }
}
