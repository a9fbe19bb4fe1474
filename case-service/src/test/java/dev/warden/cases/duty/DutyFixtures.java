package dev.warden.cases.duty;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import dev.warden.cases.Fixtures;
import dev.warden.cases.Signals;
import dev.warden.cases.account.Account;
import dev.warden.cases.account.AccountStatus;
import dev.warden.cases.usecase.SignalIntake;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Calls through the API with real signed tokens, one per person and role. */
public final class DutyFixtures {

    private DutyFixtures() {
    }

    public static String reviewer(String name) {
        return WardenOidc.token(name, "reviewer");
    }

    public static String senior(String name) {
        return WardenOidc.token(name, "senior-reviewer");
    }

    public static String body(String action, String reason) {
        return "{\"action\":\"" + action + "\",\"reasonCode\":\"REVIEW\",\"reasonText\":\"" + reason + "\""
                + ("RESTRICT".equals(action) ? ",\"restrictFor\":\"P7D\"" : "") + "}";
    }

    public static Response decide(String token, UUID caseId, String action) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body(action, "checked by hand"))
                .when().post("/api/cases/{id}/decisions", caseId);
    }

    /** An account the policy banned on its own (a conclusive bulk-messaging signal); returns its case. */
    public static UUID automaticallyBanned(SignalIntake intake, String prefix) {
        String account = prefix + "-" + UUID.randomUUID();
        intake.receive(Signals.conclusiveBulk(account, account + "@example.org"));
        return Fixtures.caseOf(account);
    }

    public static AccountStatus accountStatus(UUID caseId) {
        String account = Fixtures.load(caseId).accountId;
        return QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(account).status);
    }

    public static String fileAppeal(String decisionId) {
        return given().auth().oauth2(WardenOidc.tokenFor("platform")).contentType(ContentType.JSON)
                .body("{\"decisionId\":\"" + decisionId + "\",\"text\":\"I only wrote to my club\"}")
                .when().post("/api/appeals").then().statusCode(201).extract().path("id");
    }

    public static Response decideAppeal(String token, String appealId, String outcome) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"outcome\":\"" + outcome + "\",\"reason\":\"looked again\"}")
                .when().post("/api/appeals/{id}/decision", appealId);
    }
}
