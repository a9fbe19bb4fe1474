package dev.warden.cases.evidence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warden.cases.legal.LegalFixtures;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import dev.warden.cases.casework.EnforcementCase;

@QuarkusTest
class OffPlatformEvidenceTest {

    static final byte[] PAGE = "<html>Newsletter via messenger: 10,000 recipients for 49 EUR</html>".getBytes(StandardCharsets.UTF_8);

    @Inject
    LegalFixtures fixtures;

    UUID caseId;

    @BeforeEach
    void openCase() {
        caseId = fixtures.openCase("acc-offp-" + UUID.randomUUID());
    }

    private io.restassured.response.ValidatableResponse post(String token, String body) {
        var req = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            req = req.auth().oauth2(token);
        }
        return req.when().post("/api/evidence/cases/{id}/off-platform", caseId).then();
    }

    @Test
    void platformAndReviewersAppendOffPlatformEvidenceWithItsCapture() {
        post(WardenOidc.token("shop-crawler", "platform"), LegalFixtures.offPlatformJson(PAGE, "https://news-blast.example/offer"))
                .statusCode(201).body("kind", equalTo("OFF_PLATFORM")).body("seq", equalTo(2))
                .body("content.url", equalTo("https://news-blast.example/offer"))
                .body("captureSha256", equalTo(Canonical.sha256(PAGE)));
        assertThat(QuarkusTransaction.requiringNew().call(() -> dev.warden.cases.account.Account
                .<dev.warden.cases.account.Account>findById(EnforcementCase.<EnforcementCase>findById(caseId).accountId)
                .offPlatformEvidence)).as("the policy sees the account's off-platform evidence").isTrue();
        post(WardenOidc.token("alice", "reviewer"), LegalFixtures.offPlatformJson(PAGE, "https://news-blast.example/prices"))
                .statusCode(201).body("seq", equalTo(3)).body("recordedBy", equalTo("alice"));

        byte[] capture = given().auth().oauth2(WardenOidc.token("lena", "legal"))
                .when().get("/api/evidence/cases/{id}/items/2/capture", caseId)
                .then().statusCode(200).contentType("text/html")
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .extract().asByteArray();
        assertThat(capture).isEqualTo(PAGE);
        assertThat(QuarkusTransaction.requiringNew().call(() -> CustodyRecord.ofCase(caseId)))
                .anySatisfy(r -> {
                    assertThat(r.action).isEqualTo(CustodyRecord.Action.VIEW_CAPTURE);
                    assertThat(r.actor).isEqualTo("lena");
                    assertThat(r.handedOutSha256).isEqualTo(Canonical.sha256(PAGE));
                });
    }

    @Test
    void refusesACaptureWhoseMediaTypeIsNotOnTheAllowList() {
        String svg = LegalFixtures.offPlatformJson(PAGE, "https://news-blast.example/svg")
                .replace("\"mediaType\":\"text/html\"", "\"mediaType\":\"image/svg+xml\"");
        post(WardenOidc.token("shop-crawler", "platform"), svg).statusCode(422)
                .body("errors.field", hasItem("mediaType"));
    }

    @Test
    void theSameCaptureSubmittedAgainIsReturnedNotAppendedTwice() {
        String platform = WardenOidc.token("shop-crawler", "platform");
        String evidence = LegalFixtures.offPlatformJson(PAGE, "https://news-blast.example/retry");
        String hash = post(platform, evidence).statusCode(201).body("seq", equalTo(2)).extract().path("hash");

        // a retry after a timeout, or a second reviewer adding what is already there
        post(platform, evidence).statusCode(200).body("seq", equalTo(2)).body("hash", equalTo(hash))
                .body("recordedBy", equalTo("shop-crawler"));
        post(WardenOidc.token("alice", "reviewer"), evidence).statusCode(200).body("seq", equalTo(2));
        // evidence is never changed: the same capture said to be something else is a conflict
        post(platform, evidence.replace("Shop page offering bulk sends", "Another description"))
                .statusCode(409).contentType("application/problem+json");
        // the same page captured again later is new evidence
        post(platform, evidence.replaceFirst("\"capturedAt\":\"[^\"]+\"", "\"capturedAt\":\"" + java.time.Instant.now()
                .minusSeconds(60) + "\"")).statusCode(201).body("seq", equalTo(3));

        assertThat(QuarkusTransaction.requiringNew().call(() -> EvidenceItem.count("caseId = ?1 and kind = ?2", caseId,
                EvidenceKind.OFF_PLATFORM))).isEqualTo(2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> CustodyRecord.ofCase(caseId)).stream()
                .filter(r -> r.action == CustodyRecord.Action.ADD_EVIDENCE)).hasSize(2);
        // handing the recorded item back is a view of evidence, in the custody log
        assertThat(QuarkusTransaction.requiringNew().call(() -> CustodyRecord.ofCase(caseId)).stream()
                .filter(r -> r.detail != null && r.detail.contains("submitted again"))).hasSize(2);
        // the chain stays whole: the exported package verifies against the ledger
        byte[] zip = given().auth().oauth2(WardenOidc.token("lena", "legal"))
                .when().get("/api/legal/cases/{id}/evidence-package", caseId)
                .then().statusCode(200).extract().asByteArray();
        given().auth().oauth2(WardenOidc.token("lena", "legal")).contentType("application/zip").body(zip)
                .when().post("/api/legal/evidence-packages/verify")
                .then().statusCode(200).body("intact", equalTo(true)).body("matchesLedger", equalTo(true));
    }

    @Test
    void addingEvidenceNeedsATokenAndAnEvidenceRole() {
        String body = LegalFixtures.offPlatformJson(PAGE, "https://x.example/");
        post(null, body).statusCode(401);
        post(WardenOidc.tokenFor("legal"), body).statusCode(403);
        post(WardenOidc.tokenFor("admin"), body).statusCode(403);
    }

    @Test
    void hashThatDoesNotMatchTheCaptureIsRefusedNamingTheField() {
        String body = LegalFixtures.offPlatformJson(PAGE, "https://x.example/")
                .replace(Canonical.sha256(PAGE), "a".repeat(64));
        post(WardenOidc.tokenFor("platform"), body).statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("contentSha256"));
    }

    @Test
    void oversizeCaptureBadUrlAndMissingFieldsAreProblems400() {
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        post(WardenOidc.tokenFor("platform"), LegalFixtures.offPlatformJson(big, "https://x.example/"))
                .statusCode(400).body("errors.field", hasItem("captureBase64"));
        post(WardenOidc.tokenFor("platform"), LegalFixtures.offPlatformJson(PAGE, "ftp://x.example/"))
                .statusCode(400).body("errors.field", hasItem("url"));
        post(WardenOidc.tokenFor("platform"), "{\"url\":\"https://x.example/\"}")
                .statusCode(400).body("errors.field", hasItem("contentSha256")).body("errors.field", hasItem("capturedAt"));
    }

    @Test
    void evidenceForAnUnknownCaseIs404() {
        given().auth().oauth2(WardenOidc.tokenFor("platform")).contentType(ContentType.JSON)
                .body(LegalFixtures.offPlatformJson(PAGE, "https://x.example/"))
                .when().post("/api/evidence/cases/{id}/off-platform", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void ledgerIsReadableByReviewersAndLegalAndEveryViewIsInTheCustodyLog() {
        given().when().get("/api/evidence/cases/{id}/items", caseId).then().statusCode(401);
        given().auth().oauth2(WardenOidc.tokenFor("platform")).when().get("/api/evidence/cases/{id}/items", caseId)
                .then().statusCode(403);
        String head = given().auth().oauth2(WardenOidc.token("bob", "reviewer"))
                .when().get("/api/evidence/cases/{id}/items", caseId)
                .then().statusCode(200).body("items[0].kind", equalTo("SIGNAL")).body("chainHeadSeq", equalTo(1))
                .extract().path("chainHead");

        given().auth().oauth2(WardenOidc.tokenFor("reviewer")).when().get("/api/legal/custody?caseId=" + caseId)
                .then().statusCode(403);
        given().when().get("/api/legal/custody?caseId=" + caseId).then().statusCode(401);
        given().auth().oauth2(WardenOidc.tokenFor("legal")).when().get("/api/legal/custody?caseId=" + caseId)
                .then().statusCode(200).body("[0].actor", equalTo("bob")).body("[0].action", equalTo("VIEW_LEDGER"))
                .body("[0].handedOutSha256", equalTo(head));
        given().auth().oauth2(WardenOidc.tokenFor("legal")).when().get("/api/legal/custody")
                .then().statusCode(400).body("errors[0].field", equalTo("caseId"));
    }
}
