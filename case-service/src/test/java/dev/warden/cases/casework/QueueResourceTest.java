package dev.warden.cases.casework;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.warden.cases.Fixtures;
import dev.warden.cases.Signals;
import dev.warden.cases.usecase.SignalIntake;
import dev.warden.contracts.signal.Violation;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class QueueResourceTest {

    @Inject
    SignalIntake intake;

    @Test
    void queueListsMatchingCasesByPriorityThenAge() {
        UUID low = Fixtures.reviewCase(intake, "acc-q-order", 0.61);
        UUID high = Fixtures.reviewCase(intake, "acc-q-order", 0.66);
        UUID older = Fixtures.reviewCase(intake, "acc-q-order", 0.63);
        UUID newer = Fixtures.reviewCase(intake, "acc-q-order", 0.63);

        List<String> ids = given().auth().oauth2(WardenOidc.tokenFor("reviewer"))
                .queryParam("status", "NEW").queryParam("accountType", "BUSINESS").queryParam("violation", "BULK_MESSAGING")
                .queryParam("minScore", "0.605").queryParam("maxScore", "0.665").queryParam("size", "200")
                .when().get("/api/cases").then().statusCode(200)
                .body("items.status", everyItem(equalTo("NEW")))
                .body("items.accountType", everyItem(equalTo("BUSINESS")))
                .extract().jsonPath().getList("items.id", String.class);

        List<String> mine = ids.stream().filter(i -> List.of(low, high, older, newer).contains(UUID.fromString(i))).toList();
        assertThat(mine).containsExactly(high.toString(), older.toString(), newer.toString(), low.toString());
    }

    @Test
    void queuePagesDoNotOverlap() {
        for (int i = 0; i < 3; i++) {
            Fixtures.reviewCase(intake, "acc-q-page", 0.57);
        }
        String t = WardenOidc.tokenFor("reviewer");
        List<String> first = given().auth().oauth2(t).queryParam("size", "2").queryParam("page", "0")
                .queryParam("minScore", "0.57").queryParam("maxScore", "0.57")
                .when().get("/api/cases").then().statusCode(200).body("hasMore", equalTo(true))
                .extract().jsonPath().getList("items.id", String.class);
        List<String> second = given().auth().oauth2(t).queryParam("size", "2").queryParam("page", "1")
                .queryParam("minScore", "0.57").queryParam("maxScore", "0.57")
                .when().get("/api/cases").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
        assertThat(first).hasSize(2).doesNotContainAnyElementsOf(second);
        assertThat(second).isNotEmpty();
    }

    @Test
    void twoReviewersClaimingAtOnceNeverGetTheSameCase() throws Exception {
        for (int i = 0; i < 4; i++) {
            Fixtures.reviewCase(intake, "acc-q-claim", 1.0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> claims = new ArrayList<>();
        for (String reviewer : List.of("claire", "claude")) {
            claims.add(pool.submit(() -> {
                start.await();
                return given().auth().oauth2(WardenOidc.token(reviewer, "reviewer")).when().post("/api/cases/claim-next")
                        .then().statusCode(200).body("assignee", equalTo(reviewer)).body("status", equalTo("IN_REVIEW"))
                        .extract().path("id");
            }));
        }
        start.countDown();
        String a = claims.get(0).get();
        String b = claims.get(1).get();
        pool.shutdown();
        assertThat(a).isNotEqualTo(b);
        assertThat(Fixtures.load(UUID.fromString(a)).assignee).isEqualTo("claire");
        assertThat(Fixtures.load(UUID.fromString(b)).assignee).isEqualTo("claude");
    }

    @Test
    void claimNextTakesOnlyCasesOfTheRequestedViolationAndAccountType() {
        String account = "acc-q-claim-npu-" + UUID.randomUUID();
        intake.receive(Signals.of(account, Violation.NON_PERSONAL_USE, 0.7, "BUSINESS", null));
        UUID wanted = Fixtures.caseOf(account);
        UUID moreUrgentElsewhere = Fixtures.reviewCase(intake, "acc-q-claim-bulk", 1.0);
        String t = WardenOidc.token("nadia", "reviewer");

        // drain the NON_PERSONAL_USE / BUSINESS queue: every claim matches, and ours comes out of it
        List<String> claimed = new ArrayList<>();
        for (int i = 0; i < 500 && !claimed.contains(wanted.toString()); i++) {
            var r = given().auth().oauth2(t).queryParam("violation", "NON_PERSONAL_USE").queryParam("accountType", "BUSINESS")
                    .when().post("/api/cases/claim-next").then().extract();
            if (r.statusCode() == 204) {
                break;
            }
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.<String>path("primaryViolation")).isEqualTo("NON_PERSONAL_USE");
            assertThat(r.<String>path("accountType")).isEqualTo("BUSINESS");
            assertThat(r.<String>path("assignee")).isEqualTo("nadia");
            claimed.add(r.path("id"));
        }
        assertThat(claimed).contains(wanted.toString());
        EnforcementCase untouched = Fixtures.load(moreUrgentElsewhere);
        assertThat(untouched.status()).isEqualTo(CaseStatus.NEW);
        assertThat(untouched.assignee).isNull();

        given().auth().oauth2(t).queryParam("violation", "SPAM").when().post("/api/cases/claim-next")
                .then().statusCode(400).body("errors[0].field", equalTo("violation"));
        given().auth().oauth2(t).queryParam("accountType", "ROBOT").when().post("/api/cases/claim-next")
                .then().statusCode(400).body("errors[0].field", equalTo("accountType"));
    }

    @Test
    void assignAndReleaseMoveACaseInAndOutOfReview() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-q-assign", 0.6);
        long v = Fixtures.load(caseId).version;
        given().auth().oauth2(WardenOidc.token("sue", "senior-reviewer")).contentType(ContentType.JSON)
                .header("If-Match", "\"" + v + "\"").body("{\"assignee\":\"tom\"}")
                .when().post("/api/cases/{id}/assign", caseId).then().statusCode(200)
                .body("assignee", equalTo("tom")).body("status", equalTo("IN_REVIEW"))
                .header("ETag", equalTo("\"" + (v + 1) + "\""));
        given().auth().oauth2(WardenOidc.tokenFor("reviewer")).queryParam("assignee", "tom")
                .when().get("/api/cases").then().statusCode(200).body("items.id", hasItem(caseId.toString()));
        // someone else may not release tom's case; tom may
        given().auth().oauth2(WardenOidc.token("ulla", "reviewer")).when().post("/api/cases/{id}/release", caseId)
                .then().statusCode(403);
        given().auth().oauth2(WardenOidc.token("tom", "reviewer")).header("If-Match", "\"" + v + "\"")
                .when().post("/api/cases/{id}/release", caseId).then().statusCode(409);
        given().auth().oauth2(WardenOidc.token("tom", "reviewer")).header("If-Match", "\"" + (v + 1) + "\"")
                .when().post("/api/cases/{id}/release", caseId).then().statusCode(200)
                .body("status", equalTo("NEW")).body("assignee", equalTo(null));
    }

    @Test
    void queueEndpointsNeedReviewerRoles() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-q-roles", 0.6);
        given().when().get("/api/cases").then().statusCode(401);
        given().when().post("/api/cases/claim-next").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"assignee\":\"x\"}").when().post("/api/cases/{id}/assign", caseId)
                .then().statusCode(401);
        given().when().post("/api/cases/{id}/release", caseId).then().statusCode(401);
        for (String role : List.of("platform", "legal")) {
            String t = WardenOidc.tokenFor(role);
            given().auth().oauth2(t).when().get("/api/cases").then().statusCode(403);
            given().auth().oauth2(t).when().post("/api/cases/claim-next").then().statusCode(403);
            given().auth().oauth2(t).contentType(ContentType.JSON).body("{\"assignee\":\"x\"}")
                    .when().post("/api/cases/{id}/assign", caseId).then().statusCode(403);
            given().auth().oauth2(t).when().post("/api/cases/{id}/release", caseId).then().statusCode(403);
        }
        given().auth().oauth2(WardenOidc.tokenFor("admin")).when().post("/api/cases/claim-next").then().statusCode(403);
        given().auth().oauth2(WardenOidc.tokenFor("admin")).when().get("/api/cases").then().statusCode(200);
    }

    @Test
    void badQueueParametersAreA400NamingTheParameter() {
        String t = WardenOidc.tokenFor("reviewer");
        given().auth().oauth2(t).queryParam("status", "OPENISH").when().get("/api/cases").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        given().auth().oauth2(t).queryParam("violation", "SPAM").when().get("/api/cases").then().statusCode(400)
                .body("errors[0].field", equalTo("violation"));
        given().auth().oauth2(t).queryParam("minScore", "high").when().get("/api/cases").then().statusCode(400)
                .body("errors[0].field", equalTo("minScore"));
        given().auth().oauth2(t).queryParam("maxScore", "1.5").when().get("/api/cases").then().statusCode(400)
                .body("errors[0].field", equalTo("maxScore"));
        given().auth().oauth2(t).queryParam("size", "abc").when().get("/api/cases").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().auth().oauth2(t).queryParam("olderThan", "2 days").when().get("/api/cases").then().statusCode(400)
                .body("errors[0].field", equalTo("olderThan"));
        given().auth().oauth2(t).queryParam("accountType", "ROBOT").when().get("/api/cases").then().statusCode(400)
                .body("errors[0].field", equalTo("accountType"));
        given().auth().oauth2(t).queryParam("overdue", "garbage").when().get("/api/cases").then().statusCode(400)
                .body("errors[0].field", equalTo("overdue"));
        given().auth().oauth2(t).queryParam("size", "201").when().get("/api/cases").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        given().auth().oauth2(t).queryParam("page", "-1").when().get("/api/cases").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        given().auth().oauth2(t).queryParam("status", "NEW").queryParam("status", "OPENISH").when().get("/api/cases")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().auth().oauth2(t).queryParam("violation", "SPAM").when().post("/api/cases/claim-next").then().statusCode(400)
                .body("errors[0].field", equalTo("violation"));
        UUID caseId = Fixtures.reviewCase(intake, "acc-q-bad", 0.6);
        given().auth().oauth2(t).contentType(ContentType.JSON).body("{}").when().post("/api/cases/{id}/assign", caseId)
                .then().statusCode(400).body("errors[0].field", equalTo("assignee"));
        given().auth().oauth2(t).contentType(ContentType.JSON).body("{\"assignee\":\"" + "a".repeat(129) + "\"}")
                .when().post("/api/cases/{id}/assign", caseId).then().statusCode(400)
                .body("errors[0].field", equalTo("assignee"));
        given().auth().oauth2(t).when().post("/api/cases/{id}/release", caseId).then().statusCode(409);
        given().auth().oauth2(t).queryParam("olderThan", "PT0S").queryParam("size", "1")
                .when().get("/api/cases").then().statusCode(200).body("size", greaterThanOrEqualTo(1));
    }

    @Test
    void casesAreDueByPriorityAndTheOverdueFilterFindsThoseThatWaitedTooLong() {
        String business = "acc-q-due-b-" + UUID.randomUUID();
        intake.receive(Signals.of(business, Violation.NON_PERSONAL_USE, 0.9, "BUSINESS", null)); // review, priority 90
        UUID urgent = Fixtures.caseOf(business);
        String personal = "acc-q-due-p-" + UUID.randomUUID();
        intake.receive(Signals.of(personal, Violation.NON_PERSONAL_USE, 0.6, "PRIVATE", null)); // review by score
        UUID normal = Fixtures.caseOf(personal);
        EnforcementCase u = Fixtures.load(urgent);
        EnforcementCase n = Fixtures.load(normal);
        assertThat(u.priority).isEqualTo(90);
        assertThat(u.accountType).isEqualTo("BUSINESS");
        assertThat(u.dueAt).isEqualTo(u.openedAt.plus(Duration.ofHours(4)));
        assertThat(n.priority).isBetween(40, 79);
        assertThat(n.dueAt).isEqualTo(n.openedAt.plus(Duration.ofHours(24)));

        QuarkusTransaction.requiringNew().run(() -> EnforcementCase.update("dueAt = ?1 where id = ?2",
                Instant.now().minusSeconds(60), urgent));
        String t = WardenOidc.tokenFor("reviewer");
        List<String> overdue = given().auth().oauth2(t).queryParam("overdue", "true").queryParam("newerThan", "PT5M")
                .queryParam("violation", "NON_PERSONAL_USE").queryParam("size", "200")
                .when().get("/api/cases").then().statusCode(200).extract().jsonPath().getList("items.id");
        List<String> onTime = given().auth().oauth2(t).queryParam("overdue", "false").queryParam("accountType", "PRIVATE")
                .queryParam("newerThan", "PT5M").queryParam("violation", "NON_PERSONAL_USE").queryParam("size", "200")
                .when().get("/api/cases").then().statusCode(200)
                .body("items.accountType", everyItem(equalTo("PRIVATE"))).extract().jsonPath().getList("items.id");
        assertThat(overdue).contains(urgent.toString()).doesNotContain(normal.toString());
        assertThat(onTime).contains(normal.toString()).doesNotContain(urgent.toString());
        given().auth().oauth2(t).queryParam("overdue", "yes").when().get("/api/cases").then().statusCode(400)
                .body("errors[0].field", equalTo("overdue"));
    }

    @Test
    void decidedCasesCloseAndTheAccountGetsAFreshCaseForNewSignals() {
        String account = "acc-q-close-" + UUID.randomUUID();
        intake.receive(dev.warden.cases.Signals.conclusiveBulk(account, null)); // automatic ban: ACTIONED
        UUID caseId = Fixtures.caseOf(account);
        long v = Fixtures.load(caseId).version;

        given().auth().oauth2(WardenOidc.token("tom", "reviewer")).header("If-Match", "\"" + (v + 5) + "\"")
                .when().post("/api/cases/{id}/close", caseId).then().statusCode(409);
        given().auth().oauth2(WardenOidc.token("tom", "reviewer")).header("If-Match", "\"" + v + "\"")
                .when().post("/api/cases/{id}/close", caseId).then().statusCode(200)
                .body("status", equalTo("CLOSED")).header("ETag", equalTo("\"" + (v + 1) + "\""));
        assertThat(Fixtures.load(caseId).closedAt).isNotNull();
        given().auth().oauth2(WardenOidc.token("tom", "reviewer")).when().post("/api/cases/{id}/close", caseId)
                .then().statusCode(409).contentType("application/problem+json");

        intake.receive(dev.warden.cases.Signals.conclusiveBulk(account, null));

        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> EnforcementCase.count("accountId = ?1 and status <> ?2", account, CaseStatus.CLOSED)))
                .as("one new open case for the banned account").isEqualTo(1);
    }

    @Test
    void undecidedCasesCannotBeClosedAndClosingNeedsAReviewerRole() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-q-close-open", 0.6);
        given().auth().oauth2(WardenOidc.tokenFor("reviewer")).when().post("/api/cases/{id}/close", caseId)
                .then().statusCode(409).body("currentStatus", equalTo("NEW")).body("allowedTransitions", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("CLOSE")));
        given().when().post("/api/cases/{id}/close", caseId).then().statusCode(401);
        for (String role : List.of("legal", "platform", "admin")) {
            given().auth().oauth2(WardenOidc.tokenFor(role)).when().post("/api/cases/{id}/close", caseId)
                    .then().statusCode(403);
        }
        given().auth().oauth2(WardenOidc.tokenFor("reviewer")).when().post("/api/cases/{id}/close", UUID.randomUUID())
                .then().statusCode(404);
    }
}
