package dev.warden.cases.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.cases.Signals;
import dev.warden.cases.decision.Decision;
import dev.warden.cases.usecase.SignalIntake;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.Violation;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PolicyResourceTest {

    @Inject
    SignalIntake intake;

    ArrayNode defaults;

    static String senior() {
        return WardenOidc.token("sofia", "senior-reviewer");
    }

    @BeforeEach
    void rememberActivePolicy() throws Exception {
        String body = given().auth().oauth2(senior()).when().get("/api/policy").then().statusCode(200)
                .extract().asString();
        defaults = (ArrayNode) WardenJson.mapper().readTree(body).get("rules");
    }

    @AfterEach
    void restoreActivePolicy() {
        // same rule content as before: the rules keep their versions, only the policy version moves on
        given().auth().oauth2(senior()).contentType(ContentType.JSON)
                .body(Map.of("rules", defaults, "comment", "restore after test")).when().put("/api/policy")
                .then().statusCode(200);
    }

    @Test
    void changingARuleMakesANewVersionThatAutomaticDecisionsName() {
        ArrayNode rules = defaults.deepCopy();
        ((ObjectNode) rules.get(0).get("when")).put("minScore", 0.9); // ban-conclusive-bulk, now from 0.9
        int before = given().auth().oauth2(senior()).when().get("/api/policy").then().extract().path("version");

        given().auth().oauth2(senior()).contentType(ContentType.JSON).header("If-Match", "\"" + before + "\"")
                .body(Map.of("rules", rules, "comment", "ban from 0.9")).when().put("/api/policy")
                .then().statusCode(200).header("ETag", equalTo("\"" + (before + 1) + "\""))
                .body("version", equalTo(before + 1))
                .body("rules[0].id", equalTo("ban-conclusive-bulk"))
                .body("rules[0].version", equalTo(2))
                .body("rules[1].version", equalTo(1))
                .body("createdBy", equalTo("sofia"));

        String account = "acc-polrest-" + UUID.randomUUID();
        intake.receive(Signals.of(account, Violation.BULK_MESSAGING, 0.92, "PRIVATE", null));
        Decision d = QuarkusTransaction.requiringNew().call(() -> Decision.<Decision>find("accountId", account).firstResult());
        assertThat(d.policyRuleId).isEqualTo("ban-conclusive-bulk");
        assertThat(d.policyVersion).isEqualTo(2);
        assertThat(d.policySetVersion).isEqualTo(before + 1);

        // restoring the old rule text restores its version
        given().auth().oauth2(senior()).contentType(ContentType.JSON).body(Map.of("rules", defaults))
                .when().put("/api/policy").then().statusCode(200)
                .body("version", equalTo(before + 2)).body("rules[0].version", equalTo(1));

        // the old version stays readable
        given().auth().oauth2(WardenOidc.tokenFor("admin")).when().get("/api/policy/versions/{v}", before)
                .then().statusCode(200).body("version", equalTo(before)).body("rules[0].when.minScore", equalTo(0.95f));
    }

    @Test
    void aStaleIfMatchVersionIsAConflict() {
        given().auth().oauth2(senior()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("rules", defaults)).when().put("/api/policy").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void dryRunShowsWhatACandidateWouldHaveDecidedOnRecentSignals() {
        String account = "acc-dry-" + UUID.randomUUID();
        intake.receive(Signals.of(account, Violation.BULK_MESSAGING, 0.7, "BUSINESS", null)); // reviewed today
        ArrayNode candidate = WardenJson.mapper().createArrayNode();
        candidate.addObject().put("id", "ban-business-bulk").<ObjectNode>set("when",
                WardenJson.mapper().createObjectNode().put("minScore", 0.65)
                        .set("accountTypes", WardenJson.mapper().createArrayNode().add("BUSINESS")))
                .set("then", WardenJson.mapper().createObjectNode().put("action", "BAN"));
        candidate.add(defaults.get(defaults.size() - 1));

        JsonNode report = WardenJson.mapper().valueToTree(given().auth().oauth2(WardenOidc.tokenFor("admin"))
                .contentType(ContentType.JSON).body(Map.of("rules", candidate, "lastSignals", 50))
                .when().post("/api/policy/dry-run").then().statusCode(200)
                .body("evaluated", greaterThanOrEqualTo(1)).body("changed", greaterThanOrEqualTo(1))
                .extract().as(Map.class));
        JsonNode mine = null;
        for (JsonNode e : report.get("results")) {
            if (account.equals(e.get("accountId").asText())) {
                mine = e;
            }
        }
        assertThat(mine).as("the recent signal is in the dry run").isNotNull();
        assertThat(mine.get("active").get("action").asText()).isEqualTo("REVIEW");
        assertThat(mine.get("candidate").get("action").asText()).isEqualTo("BAN");
        assertThat(mine.get("candidate").get("ruleId").asText()).isEqualTo("ban-business-bulk");
        assertThat(mine.get("changed").asBoolean()).isTrue();
        // a dry run switches nothing on
        given().auth().oauth2(senior()).when().get("/api/policy").then().body("rules[0].id", equalTo("ban-conclusive-bulk"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Decision.count("accountId", account))).isZero();
    }

    @Test
    void policyEndpointsAreForSeniorReviewersAndAdmins() {
        String rules = WardenJson.write(Map.of("rules", defaults));
        given().when().get("/api/policy").then().statusCode(401);
        given().contentType(ContentType.JSON).body(rules).when().put("/api/policy").then().statusCode(401);
        given().contentType(ContentType.JSON).body(rules).when().post("/api/policy/dry-run").then().statusCode(401);
        given().when().get("/api/policy/versions").then().statusCode(401);
        given().when().get("/api/policy/versions/1").then().statusCode(401);
        given().auth().oauth2(WardenOidc.tokenFor("reviewer")).when().get("/api/policy/versions/1").then().statusCode(403);
        for (String role : List.of("reviewer", "legal", "platform")) {
            String t = WardenOidc.tokenFor(role);
            given().auth().oauth2(t).when().get("/api/policy").then().statusCode(403);
            given().auth().oauth2(t).contentType(ContentType.JSON).body(rules).when().put("/api/policy").then().statusCode(403);
            given().auth().oauth2(t).contentType(ContentType.JSON).body(rules).when().post("/api/policy/dry-run")
                    .then().statusCode(403);
            given().auth().oauth2(t).when().get("/api/policy/versions").then().statusCode(403);
        }
        given().auth().oauth2(WardenOidc.tokenFor("admin")).when().get("/api/policy/versions").then().statusCode(200);
    }

    @Test
    void badPolicyIsRefusedNamingTheField() {
        String t = senior();
        given().auth().oauth2(t).contentType(ContentType.JSON).body("{}").when().put("/api/policy")
                .then().statusCode(400).body("errors[0].field", equalTo("rules"));
        given().auth().oauth2(t).contentType(ContentType.JSON)
                .body("{\"rules\":[{\"id\":\"r1\",\"then\":{\"action\":\"NUKE\"}}]}").when().put("/api/policy")
                .then().statusCode(400).body("errors[0].field", equalTo("body.rules[0].then.action"));
        given().auth().oauth2(t).contentType(ContentType.JSON)
                .body("{\"rules\":[{\"id\":\"r1\",\"when\":{\"minScore\":2},\"then\":{\"action\":\"BAN\"}}]}")
                .when().put("/api/policy").then().statusCode(400).body("errors[0].field", equalTo("rules[0].when.minScore"));
        given().auth().oauth2(t).contentType(ContentType.JSON)
                .body("{\"rules\":[{\"id\":\"r1\",\"when\":{\"minScore\":\"lots\"},\"then\":{\"action\":\"BAN\"}}]}")
                .when().put("/api/policy").then().statusCode(400).body("errors[0].field", equalTo("body.rules[0].when.minScore"));
        given().auth().oauth2(t).contentType(ContentType.JSON)
                .body("{\"rules\":[{\"id\":\"r1\",\"then\":{\"action\":\"RESTRICT\"}}]}")
                .when().put("/api/policy").then().statusCode(400).body("errors[0].field", equalTo("rules[0].then.restrictFor"));
        given().auth().oauth2(t).contentType(ContentType.JSON)
                .body("{\"rules\":[{\"id\":\"r1\",\"then\":{\"action\":\"BAN\"}},{\"id\":\"r1\",\"then\":{\"action\":\"WARN\"}}]}")
                .when().put("/api/policy").then().statusCode(422).body("errors[0].field", equalTo("rules[1].id"));
        given().auth().oauth2(t).contentType(ContentType.JSON)
                .body("{\"rules\":[{\"id\":\"r1\",\"when\":{\"violations\":[\"SPAM\"]},\"then\":{\"action\":\"BAN\"}}]}")
                .when().put("/api/policy").then().statusCode(400).body("errors[0].field", equalTo("rules[0].when.violations"));
        given().auth().oauth2(t).contentType(ContentType.JSON)
                .body("{\"rules\":[{\"id\":\"r1\",\"then\":{\"action\":\"BAN\"}}],\"comment\":\"" + "c".repeat(501) + "\"}")
                .when().put("/api/policy").then().statusCode(400).body("errors[0].field", equalTo("comment"));
        given().auth().oauth2(t).contentType(ContentType.JSON)
                .body("{\"rules\":[{\"id\":\"r1\",\"then\":{\"action\":\"BAN\"}}],\"lastSignals\":5000}")
                .when().post("/api/policy/dry-run").then().statusCode(400).body("errors[0].field", equalTo("lastSignals"));
        given().auth().oauth2(t).when().get("/api/policy/versions/{v}", "latest").then().statusCode(400)
                .body("errors[0].field", equalTo("version"));
        given().auth().oauth2(t).when().get("/api/policy/versions/{v}", 99999).then().statusCode(404);
    }
}
