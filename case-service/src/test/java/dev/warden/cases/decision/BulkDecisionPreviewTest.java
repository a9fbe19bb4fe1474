package dev.warden.cases.decision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.warden.cases.Fixtures;
import dev.warden.cases.account.Account;
import dev.warden.cases.account.AccountStatus;
import dev.warden.cases.audit.AuditEntry;
import dev.warden.cases.casework.CaseStatus;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.dsa.DsaStatement;
import dev.warden.cases.usecase.SignalIntake;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;

/** A senior reviewer reads what a bulk decision would do to each case before deciding them all. */
@QuarkusTest
class BulkDecisionPreviewTest {

    private static final String PREVIEW = "/api/cases/bulk-decisions/preview";
    private static final String BULK = "/api/cases/bulk-decisions";

    @Inject
    SignalIntake intake;

    private static Response post(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(path);
    }

    private static String senior() {
        return WardenOidc.token("selma", "senior-reviewer");
    }

    private static long auditOf(List<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("actor = ?1 or caseId in ?2", "selma", ids));
    }

    private List<UUID> cases(String prefix, int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(Fixtures.reviewCase(intake, prefix, 0.7));
        }
        return ids;
    }

    @Test
    void previewOfADecidableSelectionSaysWhatTheBulkBanThenDoesToEachCase() {
        List<UUID> ids = cases("acc-bulk-preview", 3);
        String body = DecisionResourceTest.bulk(ids);

        JsonPath preview = post(senior(), PREVIEW, body).then().statusCode(200)
                .body("wouldSucceed", equalTo(true)).body("status", equalTo(200)).body("action", equalTo("BAN"))
                .body("decided", equalTo(3)).body("refused", equalTo(0)).extract().jsonPath();
        List<Map<String, Object>> items = preview.getList("items");
        assertThat(items).extracting(i -> i.get("caseId")).containsExactlyElementsOf(ids.stream().map(UUID::toString).toList());
        assertThat(items).allSatisfy(i -> {
            assertThat(i.get("outcome")).isEqualTo("DECIDED");
            assertThat(i.get("statementRequired")).isEqualTo(true); // a ban carries a statement of reasons
        });

        JsonPath done = post(senior(), BULK, body).then().statusCode(200).body("decided", equalTo(3)).extract().jsonPath();
        assertThat(done.getList("decisions.caseId")).isEqualTo(preview.getList("items.caseId"));
        assertThat(done.getList("decisions.accountId")).isEqualTo(preview.getList("items.accountId"));
        assertThat(done.getList("decisions.action", String.class)).containsOnly("BAN");
        for (UUID id : ids) {
            EnforcementCase c = Fixtures.load(id);
            assertThat(c.status()).isEqualTo(CaseStatus.ACTIONED);
            assertThat(QuarkusTransaction.requiringNew().call(() -> DsaStatement.count("caseId", id))).isEqualTo(1);
        }
    }

    @Test
    void previewNamesTheCaseThatCannotTakeTheDecisionAndTheBulkCallIsRefusedAlike() {
        List<UUID> ids = cases("acc-bulk-preview-bad", 2);
        UUID dismissed = Fixtures.reviewCase(intake, "acc-bulk-preview-dismissed", 0.7);
        post(WardenOidc.tokenFor("reviewer"), "/api/cases/" + dismissed + "/decisions",
                "{\"action\":\"DISMISS\",\"reasonCode\":\"NO_VIOLATION\",\"reasonText\":\"fine\"}").then().statusCode(201);
        List<UUID> selection = new ArrayList<>(ids);
        selection.add(1, dismissed);
        String body = DecisionResourceTest.bulk(selection);

        JsonPath preview = post(senior(), PREVIEW, body).then().statusCode(200)
                .body("wouldSucceed", equalTo(false)).body("status", equalTo(409))
                .body("decided", equalTo(2)).body("refused", equalTo(1))
                .body("items[0].outcome", equalTo("DECIDED"))
                .body("items[1].outcome", equalTo("REFUSED")).body("items[1].status", equalTo(409))
                .body("items[1].reason", containsString("DISMISSED"))
                .body("items[2].outcome", equalTo("DECIDED"))
                .body("problem.errors[0].field", equalTo("caseIds[1]")).extract().jsonPath();

        JsonPath refused = post(senior(), BULK, body).then().statusCode(409).contentType("application/problem+json")
                .extract().jsonPath();
        assertThat(refused.getString("detail")).isEqualTo(preview.getString("problem.detail"));
        assertThat(refused.getList("errors")).isEqualTo(preview.getList("problem.errors"));
        for (UUID id : ids) {
            assertThat(Fixtures.load(id).status()).isEqualTo(CaseStatus.NEW);
        }
    }

    @Test
    void aPreviewDecidesStoresAndAuditsNothing() {
        List<UUID> ids = cases("acc-bulk-preview-nothing", 2);
        // the reviewer's entries and the cases' own: the signal consumer and expiry job audit in the background
        long auditBefore = auditOf(ids);
        List<Long> versionsBefore = ids.stream().map(id -> Fixtures.load(id).version).toList();

        post(senior(), PREVIEW, DecisionResourceTest.bulk(ids)).then().statusCode(200).body("wouldSucceed", equalTo(true));
        post(senior(), PREVIEW, DecisionResourceTest.bulk(ids).replace("\"BAN\"", "\"RESTRICT\"")
                .replace("\"campaign\"", "\"campaign\",\"restrictFor\":\"P7D\"")).then().statusCode(200)
                .body("items.statementRequired", org.hamcrest.Matchers.everyItem(equalTo(true)));

        assertThat(auditOf(ids)).isEqualTo(auditBefore);
        assertThat(ids.stream().map(id -> Fixtures.load(id).version).toList()).isEqualTo(versionsBefore);
        for (UUID id : ids) {
            EnforcementCase c = Fixtures.load(id);
            assertThat(c.status()).isEqualTo(CaseStatus.NEW);
            assertThat(QuarkusTransaction.requiringNew().call(() -> Decision.count("caseId", id))).isZero();
            assertThat(QuarkusTransaction.requiringNew().call(() -> DsaStatement.count("caseId", id))).isZero();
            assertThat(QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(c.accountId).status))
                    .isEqualTo(AccountStatus.ACTIVE);
        }
    }

    @Test
    void onlySeniorReviewersMayPreviewABulkDecision() {
        String body = DecisionResourceTest.bulk(cases("acc-bulk-preview-roles", 1));
        given().contentType(ContentType.JSON).body(body).when().post(PREVIEW).then().statusCode(401);
        post(WardenOidc.tokenFor("reviewer"), PREVIEW, body).then().statusCode(403);
        post(WardenOidc.tokenFor("admin"), PREVIEW, body).then().statusCode(403);
        post(WardenOidc.tokenFor("legal"), PREVIEW, body).then().statusCode(403);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        UUID one = cases("acc-bulk-preview-input", 1).get(0);
        String t = senior();
        post(t, PREVIEW, "{\"caseIds\":[],\"action\":\"BAN\",\"reasonCode\":\"SPAM\",\"reasonText\":\"t\"}")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("caseIds"));
        post(t, PREVIEW, "{\"caseIds\":[\"" + one + "\"],\"reasonCode\":\"SPAM\",\"reasonText\":\"t\"}")
                .then().statusCode(400).body("errors[0].field", equalTo("action"));
        post(t, PREVIEW, "{\"caseIds\":[\"" + one + "\"],\"action\":\"BAN\",\"reasonCode\":\"spam!\",\"reasonText\":\"t\"}")
                .then().statusCode(400).body("errors[0].field", equalTo("reasonCode"));
        post(t, PREVIEW, "{\"caseIds\":[\"" + one + "\"],\"action\":\"RESTRICT\",\"reasonCode\":\"SPAM\",\"reasonText\":\"t\"}")
                .then().statusCode(400).body("errors[0].field", equalTo("restrictFor"));
        post(t, PREVIEW, "{\"caseIds\":[\"" + one + "\"],\"action\":\"WARN\",\"reasonCode\":\"SPAM\",\"reasonText\":\"t\",\"restrictFor\":\"P1D\"}")
                .then().statusCode(400).body("errors[0].field", equalTo("restrictFor"));
        post(t, PREVIEW, "{\"caseIds\":[\"" + one + "\",\"" + one + "\"],\"action\":\"BAN\",\"reasonCode\":\"SPAM\",\"reasonText\":\"t\"}")
                .then().statusCode(422).body("errors[0].field", equalTo("caseIds"));
        post(t, PREVIEW, "{\"caseIds\":[\"not-a-uuid\"],\"action\":\"BAN\",\"reasonCode\":\"SPAM\",\"reasonText\":\"t\"}")
                .then().statusCode(400).body("errors[0].field", containsString("caseIds"));
        // the bulk call itself refuses a restriction without its duration the same way, before any case
        post(t, BULK, "{\"caseIds\":[\"" + one + "\"],\"action\":\"RESTRICT\",\"reasonCode\":\"SPAM\",\"reasonText\":\"t\"}")
                .then().statusCode(400).body("errors[0].field", equalTo("restrictFor"));
        assertThat(Fixtures.load(one).status()).isEqualTo(CaseStatus.NEW);
    }
}
