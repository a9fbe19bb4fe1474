package dev.warden.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.testsupport.ActivityEvents;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenOidc;
import dev.warden.testsupport.WardenSmtp;
import io.restassured.http.ContentType;

/**
 * Erasure across the packaged services: an account that went through the whole chain (detected, banned,
 * mailed, appealed) is erased through case-service's API; afterwards no text, JSON or binary column of
 * either database and no detection state holds its address. A second account under a legal hold keeps
 * all of it.
 */
class ErasureChainIT {

    @RegisterExtension
    static final ChainPlatform platform = new ChainPlatform("erasure");

    /** Detected, banned, mailed (the outcome back on the case), and appealed with the address in the text. */
    private static EnforcementEvent throughTheChain(String account, String email) {
        ActivityEvents.registrationBurst(account, Instant.now().minus(5, ChronoUnit.MINUTES), email, "en-GB", 100, 3, 0)
                .forEach(e -> platform.kafka().sendJson(Topics.ACTIVITY, account, e));
        EnforcementEvent ban = WardenJson.read(KafkaTestClient.read(Topics.ENFORCEMENT, r -> account.equals(r.key()),
                l -> !l.isEmpty(), Duration.ofSeconds(60)).get(0).value(), EnforcementEvent.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> !WardenSmtp.receivedBy(email).isEmpty());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(platform.cases().url())
                .auth().oauth2(WardenOidc.token("alice", "reviewer")).when().get("/api/cases/{id}", ban.caseId())
                .then().statusCode(200).body("mails", hasSize(1)));
        given().baseUri(platform.cases().url()).auth().oauth2(WardenOidc.token("pat", "platform")).contentType(ContentType.JSON)
                .header("Idempotency-Key", "appeal-" + account)
                .body("{\"decisionId\":\"" + ban.eventId() + "\",\"text\":\"I am " + email + ", please look again\"}")
                .when().post("/api/appeals").then().statusCode(201);
        return ban;
    }

    private static int features(String account) {
        return given().baseUri(platform.detection().url()).auth().oauth2(WardenOidc.token("alice", "reviewer"))
                .when().get("/api/accounts/{id}/features", account).then().extract().statusCode();
    }

    @Test
    void erasedAccountLeavesNoAddressAnywhereWhileTheHeldAccountKeepsItsData() {
        String account = "acc:49171" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        String email = "erased-" + UUID.randomUUID() + "@example.org";
        String held = "acc:49172" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        String heldEmail = "held-" + UUID.randomUUID() + "@example.org";
        throughTheChain(account, email);
        throughTheChain(held, heldEmail);
        String hold = given().baseUri(platform.cases().url()).auth().oauth2(WardenOidc.token("lena", "legal"))
                .contentType(ContentType.JSON)
                .body("{\"scope\":\"ACCOUNT\",\"targetId\":\"" + held + "\",\"reason\":\"Court case 12 O 345/31\"}")
                .when().post("/api/legal/holds").then().statusCode(201).extract().path("id");
        assertThat(platform.casesDb.columnsHolding(email)).isNotEmpty();
        assertThat(platform.notificationsDb.columnsHolding(email)).isNotEmpty();
        assertThat(features(account)).isEqualTo(200);

        given().baseUri(platform.cases().url()).auth().oauth2(WardenOidc.token("pat", "platform"))
                .when().post("/api/accounts/{id}/erasure", account).then().statusCode(202)
                .body("accountId", equalTo(account));
        given().baseUri(platform.cases().url()).auth().oauth2(WardenOidc.token("pat", "platform"))
                .when().post("/api/accounts/{id}/erasure", held).then().statusCode(409)
                .body("detail", containsString(hold));

        // the fan-out: notification-service records the erasure, detection's state for the account is gone
        await().atMost(Duration.ofSeconds(60)).until(() -> platform.notificationsDb.count(
                "SELECT count(*) FROM erased_account WHERE account_id = ?", account) == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> features(account) == 404);

        assertThat(platform.casesDb.columnsHolding(email)).isEmpty();
        assertThat(platform.notificationsDb.columnsHolding(email)).isEmpty();
        assertThat(platform.casesDb.columnsHolding(heldEmail)).contains("account.contact_email", "appeal.text");
        assertThat(platform.notificationsDb.columnsHolding(heldEmail)).contains("delivery.recipient");
        given().baseUri(platform.detection().url()).auth().oauth2(WardenOidc.token("alice", "reviewer"))
                .when().get("/api/accounts/{id}/features", held).then().statusCode(200)
                .body("contactEmail", equalTo(heldEmail));
    }
}
