package dev.warden.cases.decision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.warden.cases.Fixtures;
import dev.warden.cases.account.Account;
import dev.warden.cases.account.AccountStatus;
import dev.warden.cases.account.Strike;
import dev.warden.cases.casework.CaseStatus;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.usecase.SignalIntake;
import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class DecisionResourceTest {

    @Inject
    SignalIntake intake;

    static String ban(String text) {
        return "{\"action\":\"BAN\",\"reasonCode\":\"BULK_MESSAGING\",\"reasonText\":\"" + text + "\"}";
    }

    static Response post(String token, UUID caseId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/cases/{id}/decisions", caseId);
    }

    @Test
    void reviewerBansAccountAndTheBanIsPublishedWithAStrike() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-dec-ban", 0.7);
        String account = Fixtures.load(caseId).accountId;

        post(WardenOidc.token("rita", "reviewer"), caseId, ban("newsletter shop"))
                .then().statusCode(201).header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("action", equalTo("BAN")).body("actor", equalTo("rita")).body("automated", equalTo(false))
                .body("caseStatus", equalTo("ACTIONED")).body("accountStatus", equalTo("BANNED"));

        assertThat(QuarkusTransaction.requiringNew().call(() -> Strike.count("accountId", account))).isEqualTo(1);
        EnforcementEvent event = WardenJson.read(KafkaTestClient.read(Topics.ENFORCEMENT, r -> account.equals(r.key()),
                l -> !l.isEmpty(), Duration.ofSeconds(20)).get(0).value(), EnforcementEvent.class);
        assertThat(event.action()).isEqualTo(EnforcementAction.BANNED);
        assertThat(event.automated()).isFalse();
        assertThat(event.actor()).isEqualTo("rita");
    }

    @Test
    void aDismissalIsPublishedOnceAsAHumanDismissedWithoutAnAddress() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-dec-dismissed", 0.7);
        String account = Fixtures.load(caseId).accountId;
        String token = WardenOidc.token("dora", "reviewer");
        String key = UUID.randomUUID().toString();
        String dismiss = "{\"action\":\"DISMISS\",\"reasonCode\":\"NO_VIOLATION\",\"reasonText\":\"family group\"}";
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(dismiss)
                .when().post("/api/cases/{id}/decisions", caseId).then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(dismiss)
                .when().post("/api/cases/{id}/decisions", caseId).then().statusCode(200);

        KafkaTestClient.read(Topics.ENFORCEMENT, r -> account.equals(r.key()), l -> !l.isEmpty(), Duration.ofSeconds(20));
        List<EnforcementEvent> published = KafkaTestClient.readFor(Topics.ENFORCEMENT, r -> account.equals(r.key()),
                Duration.ofSeconds(3)).stream().map(r -> WardenJson.read(r.value(), EnforcementEvent.class)).toList();
        assertThat(published).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(EnforcementAction.DISMISSED);
            assertThat(e.automated()).isFalse();
            assertThat(e.actor()).isEqualTo("dora");
            assertThat(e.violation()).isEqualTo("BULK_MESSAGING");
            assertThat(e.recipient()).isNull();
            assertThat(e.appealDeadline()).isNull();
        });
    }

    @Test
    void retryWithTheSameIdempotencyKeyGetsTheSameDecisionAndNoSecondEffect() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-dec-idem", 0.7);
        String account = Fixtures.load(caseId).accountId;
        String token = WardenOidc.token("ivan", "reviewer");
        String key = UUID.randomUUID().toString();

        String first = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"action\":\"WARN\",\"reasonCode\":\"BULK_MESSAGING\",\"reasonText\":\"first warning\"}")
                .when().post("/api/cases/{id}/decisions", caseId).then().statusCode(201).extract().path("id");
        String again = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"action\":\"WARN\",\"reasonCode\":\"BULK_MESSAGING\",\"reasonText\":\"first warning\"}")
                .when().post("/api/cases/{id}/decisions", caseId).then().statusCode(200)
                .header("Idempotency-Replayed", "true").extract().path("id");

        assertThat(again).isEqualTo(first);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Decision.count("caseId", caseId))).isEqualTo(1);
        assertThat(KafkaTestClient.readFor(Topics.ENFORCEMENT, r -> account.equals(r.key()), Duration.ofSeconds(3)))
                .hasSize(1);

        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"action\":\"DISMISS\",\"reasonCode\":\"NO_VIOLATION\",\"reasonText\":\"other request\"}")
                .when().post("/api/cases/{id}/decisions", caseId).then().statusCode(422)
                .body("errors[0].field", equalTo("header.Idempotency-Key"));
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyDecideOnce() throws Exception {
        UUID caseId = Fixtures.reviewCase(intake, "acc-dec-idem-race", 0.7);
        String token = WardenOidc.token("iris", "reviewer");
        String key = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<io.restassured.response.ExtractableResponse<Response>>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                        .body(ban("retry storm")).when().post("/api/cases/{id}/decisions", caseId).then().extract();
            }));
        }
        start.countDown();
        var a = calls.get(0).get();
        var b = calls.get(1).get();
        pool.shutdown();
        assertThat(List.of(a.statusCode(), b.statusCode())).containsExactlyInAnyOrder(201, 200);
        assertThat(a.<String>path("id")).isEqualTo(b.<String>path("id"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Decision.count("caseId", caseId))).isEqualTo(1);
    }

    @Test
    void staleIfMatchVersionIsAConflictAndChangesNothing() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-dec-stale", 0.7);
        String etag = given().auth().oauth2(WardenOidc.tokenFor("reviewer")).when().get("/api/cases/{id}", caseId)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(WardenOidc.tokenFor("reviewer")).contentType(ContentType.JSON).header("If-Match", "\"77\"")
                .body(ban("stale view")).when().post("/api/cases/{id}/decisions", caseId)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("version"));
        given().auth().oauth2(WardenOidc.tokenFor("reviewer")).contentType(ContentType.JSON).header("If-Match", etag)
                .body(ban("fresh view")).when().post("/api/cases/{id}/decisions", caseId).then().statusCode(201);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Decision.count("caseId", caseId))).isEqualTo(1);
    }

    @Test
    void twoConflictingDecisionsAtOnceYieldOneDecisionAndOneConflict() throws Exception {
        for (int round = 0; round < 3; round++) {
            UUID caseId = Fixtures.reviewCase(intake, "acc-dec-race", 0.7);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Integer>> results = new ArrayList<>();
            String[] bodies = { ban("one says ban"),
                    "{\"action\":\"DISMISS\",\"reasonCode\":\"NO_VIOLATION\",\"reasonText\":\"other says dismiss\"}" };
            for (String body : bodies) {
                Callable<Integer> call = () -> {
                    start.await();
                    return post(WardenOidc.token("racer-" + body.length(), "reviewer"), caseId, body).statusCode();
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            pool.shutdown();
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            assertThat(QuarkusTransaction.requiringNew().call(() -> Decision.count("caseId", caseId))).isEqualTo(1);
        }
    }

    @Test
    void restrictionLiftsItselfWhenThePeriodEndsAndAnnouncesReinstatement() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-dec-restrict", 0.7);
        String account = Fixtures.load(caseId).accountId;
        post(WardenOidc.tokenFor("reviewer"), caseId,
                "{\"action\":\"RESTRICT\",\"reasonCode\":\"BULK_MESSAGING\",\"reasonText\":\"cool down\",\"restrictFor\":\"PT1S\"}")
                .then().statusCode(201).body("accountStatus", equalTo("RESTRICTED"));

        await().atMost(Duration.ofSeconds(15)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Account.<Account>findById(account).status) == AccountStatus.ACTIVE);
        List<Decision> decisions = QuarkusTransaction.requiringNew().call(() -> Decision.forCase(caseId));
        assertThat(decisions).extracting(d -> d.action).containsExactly(DecisionAction.RESTRICT, DecisionAction.REINSTATE);
        assertThat(decisions.get(1).actor).isEqualTo("system:restriction-expiry");
        List<EnforcementAction> published = KafkaTestClient.read(Topics.ENFORCEMENT, r -> account.equals(r.key()),
                l -> l.size() >= 2, Duration.ofSeconds(20)).stream()
                .map(r -> WardenJson.read(r.value(), EnforcementEvent.class).action()).toList();
        assertThat(published).containsExactly(EnforcementAction.RESTRICTED, EnforcementAction.REINSTATED);
    }

    @Test
    void seniorReinstatesABannedAccountAndReviewersEscalateAndDismissOthers() {
        UUID banned = Fixtures.reviewCase(intake, "acc-dec-reinstate", 0.7);
        String reviewer = WardenOidc.tokenFor("reviewer");
        String reinstate = "{\"action\":\"REINSTATE\",\"reasonCode\":\"FALSE_POSITIVE\",\"reasonText\":\"my mistake\"}";
        post(reviewer, banned, ban("wrongly")).then().statusCode(201);
        post(reviewer, banned, ban("twice")).then().statusCode(409);
        post(reviewer, banned, reinstate).then().statusCode(403); // reversing a ban is a senior reviewer's
        post(WardenOidc.token("sam", "senior-reviewer"), banned, reinstate)
                .then().statusCode(201).body("accountStatus", equalTo("ACTIVE"));

        UUID escalated = Fixtures.reviewCase(intake, "acc-dec-escalate", 0.7);
        post(reviewer, escalated, "{\"action\":\"ESCALATE\",\"reasonCode\":\"COMMERCIAL_OFFENDER\",\"reasonText\":\"for legal\"}")
                .then().statusCode(201).body("caseStatus", equalTo("ESCALATED"));

        UUID dismissed = Fixtures.reviewCase(intake, "acc-dec-dismiss", 0.7);
        post(reviewer, dismissed, "{\"action\":\"DISMISS\",\"reasonCode\":\"NO_VIOLATION\",\"reasonText\":\"family group\"}")
                .then().statusCode(201).body("caseStatus", equalTo("DISMISSED")).body("accountStatus", equalTo("ACTIVE"));
        post(reviewer, dismissed, ban("after dismissal")).then().statusCode(409);
    }

    @Test
    void aCaseAssignedToAnotherReviewerCannotBeDecided() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-dec-assigned", 0.7);
        given().auth().oauth2(WardenOidc.token("ann", "reviewer")).contentType(ContentType.JSON)
                .body("{\"assignee\":\"ann\"}").when().post("/api/cases/{id}/assign", caseId).then().statusCode(200);
        post(WardenOidc.token("bob", "reviewer"), caseId, ban("not mine")).then().statusCode(409)
                .body("detail", containsString("assigned to ann"));
        post(WardenOidc.token("ann", "reviewer"), caseId, ban("mine")).then().statusCode(201);
    }

    @Test
    void decidingNeedsAReviewerRole() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-dec-roles", 0.7);
        given().contentType(ContentType.JSON).body(ban("x")).when().post("/api/cases/{id}/decisions", caseId)
                .then().statusCode(401);
        for (String role : List.of("platform", "legal", "admin")) {
            post(WardenOidc.tokenFor(role), caseId, ban("x")).then().statusCode(403);
        }
        post(WardenOidc.tokenFor("senior-reviewer"), caseId, ban("x")).then().statusCode(201);
    }

    @Test
    void badDecisionInputIsA400NamingTheField() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-dec-bad", 0.7);
        String t = WardenOidc.tokenFor("reviewer");
        post(t, caseId, "{\"action\":\"NUKE\",\"reasonCode\":\"X1\",\"reasonText\":\"t\"}").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body.action"));
        post(t, caseId, "{\"action\":\"BAN\",\"reasonText\":\"t\"}").then().statusCode(400)
                .body("errors.field", hasItem("reasonCode"));
        post(t, caseId, "{\"action\":\"BAN\",\"reasonCode\":\"BULK\"}").then().statusCode(400)
                .body("errors.field", hasItem("reasonText"));
        post(t, caseId, ban("x".repeat(2001))).then().statusCode(400).body("errors.field", hasItem("reasonText"));
        post(t, caseId, "{\"action\":\"BAN\",\"reasonCode\":\"BULK\",\"reasonText\":[1]}").then().statusCode(400)
                .body("errors[0].field", equalTo("body.reasonText"));
        post(t, caseId, "{\"action\":\"RESTRICT\",\"reasonCode\":\"BULK\",\"reasonText\":\"t\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("restrictFor"));
        post(t, caseId, "{\"action\":\"RESTRICT\",\"reasonCode\":\"BULK\",\"reasonText\":\"t\",\"restrictFor\":\"soon\"}")
                .then().statusCode(400).body("errors[0].field", equalTo("restrictFor"));
        given().auth().oauth2(t).contentType(ContentType.JSON).header("If-Match", "yesterday").body(ban("x"))
                .when().post("/api/cases/{id}/decisions", caseId).then().statusCode(400)
                .body("errors[0].field", equalTo("header.If-Match"));
        post(t, UUID.randomUUID(), ban("x")).then().statusCode(404);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Decision.count("caseId", caseId))).isZero();
    }

    @Test
    void seniorReviewerDecidesManyCasesAllOrNothing() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Fixtures.reviewCase(intake, "acc-bulk", 0.7));
        }
        UUID dismissed = Fixtures.reviewCase(intake, "acc-bulk-dismissed", 0.7);
        post(WardenOidc.tokenFor("reviewer"), dismissed,
                "{\"action\":\"DISMISS\",\"reasonCode\":\"NO_VIOLATION\",\"reasonText\":\"fine\"}").then().statusCode(201);

        String senior = WardenOidc.token("sam", "senior-reviewer");
        List<UUID> withBad = new ArrayList<>(ids);
        withBad.add(dismissed);
        given().auth().oauth2(senior).contentType(ContentType.JSON).body(bulk(withBad))
                .when().post("/api/cases/bulk-decisions").then().statusCode(409)
                .body("errors[0].field", equalTo("caseIds[3]"));
        for (UUID id : ids) {
            assertThat(Fixtures.load(id).status()).isEqualTo(CaseStatus.NEW);
        }

        given().auth().oauth2(senior).contentType(ContentType.JSON).body(bulk(ids))
                .when().post("/api/cases/bulk-decisions").then().statusCode(200).body("decided", equalTo(3));
        for (UUID id : ids) {
            EnforcementCase c = Fixtures.load(id);
            assertThat(c.status()).isEqualTo(CaseStatus.ACTIONED);
            assertThat(QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(c.accountId).status))
                    .isEqualTo(AccountStatus.BANNED);
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> dev.warden.cases.audit.AuditEntry
                .count("actor = ?1 and action = ?2", "sam", "BULK_DECISION"))).isEqualTo(1);
    }

    @Test
    void bulkDecideIsForSeniorReviewersAndBoundedTo1000Cases() {
        List<UUID> one = List.of(Fixtures.reviewCase(intake, "acc-bulk-roles", 0.7));
        given().contentType(ContentType.JSON).body(bulk(one)).when().post("/api/cases/bulk-decisions")
                .then().statusCode(401);
        given().auth().oauth2(WardenOidc.tokenFor("reviewer")).contentType(ContentType.JSON).body(bulk(one))
                .when().post("/api/cases/bulk-decisions").then().statusCode(403);
        List<UUID> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(UUID.randomUUID());
        }
        given().auth().oauth2(WardenOidc.tokenFor("senior-reviewer")).contentType(ContentType.JSON).body(bulk(tooMany))
                .when().post("/api/cases/bulk-decisions").then().statusCode(400)
                .body("errors[0].field", equalTo("caseIds"));
        given().auth().oauth2(WardenOidc.tokenFor("senior-reviewer")).contentType(ContentType.JSON)
                .body("{\"caseIds\":[\"not-a-uuid\"],\"action\":\"BAN\",\"reasonCode\":\"BULK\",\"reasonText\":\"t\"}")
                .when().post("/api/cases/bulk-decisions").then().statusCode(400)
                .body("errors[0].field", containsString("caseIds"));
    }

    static String bulk(List<UUID> ids) {
        StringBuilder b = new StringBuilder("{\"caseIds\":[");
        for (int i = 0; i < ids.size(); i++) {
            b.append(i == 0 ? "" : ",").append('"').append(ids.get(i)).append('"');
        }
        return b.append("],\"action\":\"BAN\",\"reasonCode\":\"BULK_MESSAGING\",\"reasonText\":\"campaign\"}").toString();
    }
}
