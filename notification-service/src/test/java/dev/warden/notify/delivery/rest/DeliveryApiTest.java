package dev.warden.notify.delivery.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.notify.Events;
import dev.warden.notify.delivery.Delivery;
import dev.warden.notify.delivery.DeliveryAccess;
import dev.warden.notify.delivery.DeliveryStatus;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.Mail;
import dev.warden.testsupport.WardenOidc;
import dev.warden.testsupport.WardenSmtp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class DeliveryApiTest {

    private static final List<String> READERS = List.of("reviewer", "senior-reviewer", "legal", "admin");
    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    @AfterEach
    void smtpUp() {
        WardenSmtp.start();
    }

    // ---- list ------------------------------------------------------------------------------

    @Test
    void listsAnAccountsDeliveriesNewestFirstPageByPage() {
        String account = "acc-list-" + UUID.randomUUID();
        String to = "list-" + UUID.randomUUID() + "@example.org";
        for (EnforcementAction a : List.of(EnforcementAction.WARNED, EnforcementAction.RESTRICTED,
                EnforcementAction.BANNED)) {
            kafka.sendJson(Topics.ENFORCEMENT, account, Events.of(a, account, to, "en"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> WardenSmtp.receivedBy(to).size() == 3);

        as("reviewer").queryParam("accountId", account).queryParam("size", 2)
                .when().get("/api/deliveries")
                .then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("items", hasSize(2))
                .body("items[0].template", equalTo("banned"))
                .body("items[0].status", equalTo("SENT"))
                .body("items[0].subject", equalTo("Your account has been banned"))
                .body("items[1].template", equalTo("restricted"));
        as("legal").queryParam("accountId", account).queryParam("size", 2).queryParam("page", 1)
                .when().get("/api/deliveries")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].template", equalTo("warned"));
    }

    @Test
    void filtersByCaseStatusAndPeriod() {
        String to = "filter-" + UUID.randomUUID() + "@example.org";
        EnforcementEvent ban = Events.of(EnforcementAction.BANNED, "acc-f-" + UUID.randomUUID(), to, "en");
        kafka.sendJson(Topics.ENFORCEMENT, ban.accountId(), ban);
        await().atMost(Duration.ofSeconds(20)).until(() -> !WardenSmtp.receivedBy(to).isEmpty());
        String hourAgo = Instant.now().minus(Duration.ofHours(1)).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

        as("senior-reviewer").queryParam("caseId", ban.caseId()).queryParam("status", "sent")
                .queryParam("from", hourAgo).queryParam("to", LocalDate.now(ZoneOffset.UTC).toString())
                .when().get("/api/deliveries")
                .then().statusCode(200).body("total", equalTo(1))
                .body("items[0].recipient", equalTo(dev.warden.notify.report.RecipientMask.mask(to)));
        as("admin").queryParam("caseId", ban.caseId()).queryParam("status", "FAILED")
                .when().get("/api/deliveries").then().statusCode(200).body("total", equalTo(0));
        as("admin").queryParam("caseId", ban.caseId()).queryParam("to", yesterday)
                .when().get("/api/deliveries").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void listRejectsMalformedFiltersNamingTheParameter() {
        badRequest(as("admin").queryParam("status", "NOT_A_STATUS"), "/api/deliveries", "status");
        badRequest(as("admin").queryParam("from", "yesterday"), "/api/deliveries", "from");
        badRequest(as("admin").queryParam("to", "2026-13-45"), "/api/deliveries", "to");
        badRequest(as("admin").queryParam("from", "2026-11-22").queryParam("to", "2026-11-01"), "/api/deliveries",
                "to");
        badRequest(as("admin").queryParam("caseId", "not-a-uuid"), "/api/deliveries", "caseId");
        badRequest(as("admin").queryParam("size", 501), "/api/deliveries", "size");
        badRequest(as("admin").queryParam("page", -1), "/api/deliveries", "page");
    }

    @Test
    void listIsForReviewersLegalAndAdminsOnly() {
        for (String role : READERS) {
            as(role).when().get("/api/deliveries").then().statusCode(200);
        }
        as("platform").when().get("/api/deliveries").then().statusCode(403);
        given().when().get("/api/deliveries").then().statusCode(401);
    }

    // ---- one delivery ----------------------------------------------------------------------

    @Test
    void showsOneDeliveryWithItsRenderedMailAndRecordsWhoReadIt() {
        Delivery d = sentBan("de");

        given().auth().oauth2(WardenOidc.token("rita", "reviewer")).when().get("/api/deliveries/" + d.id)
                .then().statusCode(200)
                .body("delivery.id", equalTo(d.id.toString()))
                .body("delivery.status", equalTo("SENT"))
                .body("delivery.smtpMessageId", equalTo("<" + d.id + "@warden>"))
                .body("delivery.recipient", equalTo(dev.warden.notify.report.RecipientMask.mask(d.recipient)))
                .body("content.subject", equalTo("Ihr Konto wurde gesperrt"))
                .body("content.text", containsString("Guten Tag,"))
                .body("content.html", containsString("<html lang=\"de\">"));

        List<DeliveryAccess> reads = QuarkusTransaction.requiringNew()
                .call(() -> DeliveryAccess.<DeliveryAccess>list("deliveryId", d.id));
        assertThat(reads).singleElement().satisfies(a -> {
            assertThat(a.reader).isEqualTo("rita");
            assertThat(a.roles).isEqualTo("reviewer");
            assertThat(a.readAt).isBetween(Instant.now().minusSeconds(30), Instant.now().plusSeconds(1));
        });
    }

    @Test
    void adminsSeeWhoReadADeliveryOthersDoNot() {
        Delivery d = sentBan("en");
        given().auth().oauth2(WardenOidc.token("lena", "legal")).when().get("/api/deliveries/" + d.id)
                .then().statusCode(200).body("delivery.recipient", equalTo(d.recipient));

        as("admin").when().get("/api/deliveries/" + d.id + "/reads")
                .then().statusCode(200).body("$", hasSize(1))
                .body("[0].reader", equalTo("lena")).body("[0].roles", equalTo("legal"))
                .body("[0].readAt", notNullValue());
        for (String role : List.of("reviewer", "senior-reviewer", "legal", "platform")) {
            as(role).when().get("/api/deliveries/" + d.id + "/reads").then().statusCode(403);
        }
        given().when().get("/api/deliveries/" + d.id + "/reads").then().statusCode(401);
        as("admin").when().get("/api/deliveries/nope/reads").then().statusCode(404)
                .contentType("application/problem+json");
        as("admin").when().get("/api/deliveries/" + UUID.randomUUID() + "/reads").then().statusCode(404);
    }

    @Test
    void oneDeliveryIsForReviewersLegalAndAdminsOnly() {
        Delivery d = sentBan("en");
        for (String role : READERS) {
            as(role).when().get("/api/deliveries/" + d.id).then().statusCode(200);
        }
        as("platform").when().get("/api/deliveries/" + d.id).then().statusCode(403);
        given().when().get("/api/deliveries/" + d.id).then().statusCode(401);
        assertThat(QuarkusTransaction.requiringNew().call(() -> DeliveryAccess.count("deliveryId", d.id)))
                .isEqualTo(READERS.size());
    }

    @Test
    void oneDeliveryAnswers404ForAMalformedIdAndForAnUnknownOne() {
        as("admin").when().get("/api/deliveries/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
        as("admin").when().get("/api/deliveries/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    // ---- resend ----------------------------------------------------------------------------

    @Test
    void adminResendsAMailOncePerIdempotencyKey() {
        Delivery original = sentBan("en");
        String key = UUID.randomUUID().toString();

        String resendId = as("admin").header("Idempotency-Key", key).when()
                .post("/api/deliveries/" + original.id + "/resend")
                .then().statusCode(202)
                .header("Location", containsString("/api/deliveries/"))
                .header("Idempotency-Replayed", "false")
                .body("resendOf", equalTo(original.id.toString()))
                .body("status", equalTo("PENDING"))
                .body("requestedBy", equalTo("admin-user"))
                .extract().path("id");
        // the client retries the same request: same answer, no second resend
        as("admin").header("Idempotency-Key", key).when().post("/api/deliveries/" + original.id + "/resend")
                .then().statusCode(202).header("Idempotency-Replayed", "true").body("id", equalTo(resendId));

        await().atMost(Duration.ofSeconds(20)).until(() -> WardenSmtp.receivedBy(original.recipient).size() == 2);
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> WardenSmtp.receivedBy(original.recipient).size() == 2);
        assertThat(WardenSmtp.receivedBy(original.recipient)).extracting(Mail::subject)
                .containsOnly("Your account has been banned");
        Delivery after = QuarkusTransaction.requiringNew().call(() -> Delivery.findById(original.id));
        assertThat(after.status).isEqualTo(DeliveryStatus.SENT);
        assertThat(after.attempts).isEqualTo(original.attempts);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Delivery.count("eventId", original.eventId)))
                .isEqualTo(2);
    }

    @Test
    void concurrentResendsWithOneKeyQueueOneMail() throws Exception {
        Delivery original = sentBan("en");
        String key = UUID.randomUUID().toString();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> as("admin").header("Idempotency-Key", key)
                        .post("/api/deliveries/" + original.id + "/resend")
                        .then().statusCode(202).extract().<String>path("id")));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var a : answers) {
                ids.add(a.get());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> Delivery.count("resendOf", original.id))).isEqualTo(1);
    }

    @Test
    void resendRefusesAKeyUsedForAnotherDeliveryAMailWithoutRecipientAndUnknownIds() {
        Delivery first = sentBan("en");
        Delivery second = sentBan("en");
        String key = UUID.randomUUID().toString();
        as("admin").header("Idempotency-Key", key).post("/api/deliveries/" + first.id + "/resend")
                .then().statusCode(202);

        as("admin").header("Idempotency-Key", key).post("/api/deliveries/" + second.id + "/resend")
                .then().statusCode(422).body("errors[0].field", equalTo("header.Idempotency-Key"));

        EnforcementEvent silent = Events.of(EnforcementAction.BANNED, "acc-none-" + UUID.randomUUID(), null, null);
        kafka.sendJson(Topics.ENFORCEMENT, silent.accountId(), silent);
        Delivery skipped = await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find("accountId", silent.accountId()).firstResult()), x -> x != null);
        as("admin").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/deliveries/" + skipped.id + "/resend")
                .then().statusCode(422).body("errors[0].field", equalTo("id"));

        as("admin").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/deliveries/" + UUID.randomUUID() + "/resend").then().statusCode(404);
        // a malformed id names no delivery: 404, even before the missing key
        as("admin").header("Idempotency-Key", "k").when().post("/api/deliveries/nope/resend").then().statusCode(404)
                .contentType("application/problem+json");
        as("admin").when().post("/api/deliveries/nope/resend").then().statusCode(404);
        badRequest(as("admin"), "/api/deliveries/" + first.id + "/resend", "header.Idempotency-Key", true);
    }

    @Test
    void resendOfAMailThatIsStillQueuedIsAConflict() {
        String to = "queued-" + UUID.randomUUID() + "@example.org";
        EnforcementEvent ban = Events.of(EnforcementAction.BANNED, "acc-q-" + UUID.randomUUID(), to, "en");
        WardenSmtp.stop();
        kafka.sendJson(Topics.ENFORCEMENT, ban.accountId(), ban);
        Delivery failing = await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find("accountId", ban.accountId()).firstResult()),
                x -> x != null && x.status == DeliveryStatus.FAILED);

        as("admin").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/deliveries/" + failing.id + "/resend")
                .then().statusCode(409).contentType("application/problem+json");

        WardenSmtp.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> WardenSmtp.receivedBy(to).size() == 1);
    }

    @Test
    void onlyAdminsMayResend() {
        Delivery d = sentBan("en");
        for (String role : List.of("reviewer", "senior-reviewer", "legal", "platform")) {
            as(role).header("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/api/deliveries/" + d.id + "/resend").then().statusCode(403);
        }
        given().header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/deliveries/" + d.id + "/resend").then().statusCode(401);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Delivery.count("eventId", d.eventId))).isEqualTo(1);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static Delivery sentBan(String locale) {
        String to = "api-" + UUID.randomUUID() + "@example.org";
        EnforcementEvent ban = Events.of(EnforcementAction.BANNED, "acc-api-" + UUID.randomUUID(), to, locale);
        kafka.sendJson(Topics.ENFORCEMENT, ban.accountId(), ban);
        return await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find("accountId", ban.accountId()).firstResult()),
                d -> d != null && d.status == DeliveryStatus.SENT);
    }

    private static RequestSpecification as(String role) {
        return given().auth().oauth2(WardenOidc.tokenFor(role));
    }

    private static void badRequest(RequestSpecification request, String path, String field) {
        badRequest(request, path, field, false);
    }

    private static void badRequest(RequestSpecification request, String path, String field, boolean post) {
        (post ? request.when().post(path) : request.when().get(path))
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors[0].field", equalTo(field))
                .body("detail", notNullValue());
    }
}
