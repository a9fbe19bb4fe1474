package dev.warden.cases.dsa;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.warden.cases.Fixtures;
import dev.warden.cases.Signals;
import dev.warden.cases.appeal.AppealRequests;
import dev.warden.cases.appeal.AppealService;
import dev.warden.cases.usecase.DecideAppeal;
import dev.warden.cases.decision.DecisionAction;
import dev.warden.cases.legal.LegalFixtures;
import dev.warden.cases.usecase.SignalIntake;
import dev.warden.contracts.signal.Violation;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TransparencyReportTest {

    @Inject
    LegalFixtures fixtures;

    @Inject
    SignalIntake intake;

    @Inject
    AppealService appeals;

    @Inject
    DecideAppeal decideAppeal;

    @Test
    void countsActionsOfThePeriodByTypeViolationAccountTypeAutomationAndSource() throws InterruptedException {
        Instant from = Instant.now();
        Thread.sleep(5);
        for (int i = 0; i < 2; i++) { // automated BANs of PRIVATE accounts
            String a = "acc-tr-" + UUID.randomUUID();
            Fixtures.registered(a, "PRIVATE", null);
            intake.receive(Signals.conclusiveBulk(a, null));
        }
        UUID biz = fixtures.openCase("acc-tr-biz-" + UUID.randomUUID(), "BUSINESS", Violation.NON_PERSONAL_USE);
        fixtures.decide(biz, DecisionAction.RESTRICT, "alice", Instant.now().plusSeconds(86400));
        UUID reported = fixtures.openCase("acc-tr-rep-" + UUID.randomUUID(), "PRIVATE", Violation.USER_REPORTED);
        var warning = fixtures.decide(reported, DecisionAction.WARN, "bob", null);
        var appeal = appeals.file(new AppealRequests.File(warning.id, "I only answered my neighbours"), "platform",
                null).body();
        decideAppeal.decide(appeal.id(), new AppealRequests.Verdict(AppealRequests.Outcome.UPHELD, "reports were mistaken"),
                "sam", null);
        Thread.sleep(5);
        Instant to = Instant.now();

        given().auth().oauth2(WardenOidc.tokenFor("legal")).queryParam("from", from.toString()).queryParam("to", to.toString())
                .when().get("/api/legal/dsa/transparency-report")
                .then().statusCode(200)
                .body("decisions", equalTo(5)) // the upheld appeal adds a REINSTATE
                .body("actionsByType.BAN", equalTo(2)).body("actionsByType.RESTRICT", equalTo(1))
                .body("actionsByType.WARN", equalTo(1)).body("actionsByType.REINSTATE", equalTo(1))
                .body("byViolation.BULK_MESSAGING", equalTo(2)).body("byViolation.NON_PERSONAL_USE", equalTo(1))
                .body("byAccountType.PRIVATE", equalTo(4)).body("byAccountType.BUSINESS", equalTo(1))
                .body("automatedVsManual.AUTOMATED", equalTo(2)).body("automatedVsManual.MANUAL", equalTo(3))
                .body("byDetectionSource.'bulk.registration-burst'", equalTo(5))
                .body("bySourceType.SOURCE_ARTICLE_16", equalTo(2)).body("bySourceType.SOURCE_VOLUNTARY", equalTo(3))
                .body("medianSecondsToAction", notNullValue())
                .body("appeals.received", equalTo(1)).body("appeals.decisionOverturned", equalTo(1))
                .body("appeals.decisionUpheld", equalTo(0));

        String csv = given().auth().oauth2(WardenOidc.tokenFor("legal")).queryParam("from", from.toString())
                .queryParam("to", to.toString()).queryParam("format", "csv")
                .when().get("/api/legal/dsa/transparency-report")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv.lines()).first().isEqualTo("dimension,key,value");
        assertThat(csv).contains("action,BAN,2\n", "account_type,BUSINESS,1\n", "automation,MANUAL,3\n", "appeals,received,1\n", "appeals,decisionOverturned,1\n");
    }

    @Test
    void badPeriodOrFormatNamesTheField() {
        given().auth().oauth2(WardenOidc.tokenFor("legal")).when().get("/api/legal/dsa/transparency-report?to=2026-01-01T00:00:00Z")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().auth().oauth2(WardenOidc.tokenFor("legal"))
                .when().get("/api/legal/dsa/transparency-report?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&format=pdf")
                .then().statusCode(400).body("errors[0].field", equalTo("format"));
    }

    @Test
    void onlyLegalReadsTheReport() {
        String q = "?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z";
        given().when().get("/api/legal/dsa/transparency-report" + q).then().statusCode(401);
        for (String role : List.of("reviewer", "senior-reviewer", "platform", "admin")) {
            given().auth().oauth2(WardenOidc.tokenFor(role)).when().get("/api/legal/dsa/transparency-report" + q)
                    .then().statusCode(403);
        }
    }
}
