package dev.warden.cases.dsa;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.warden.cases.Signals;
import dev.warden.cases.usecase.SignalIntake;
import dev.warden.contracts.json.WardenJson;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DsaExportAndSubmissionTest {

    static final String TOKEN = "dsa-test-token";

    @Inject
    SignalIntake intake;

    @Inject
    DsaSubmissionClient client;

    HttpServer stub;
    final List<String> received = Collections.synchronizedList(new ArrayList<>());
    final Set<String> accepted = Collections.synchronizedSet(new HashSet<>());
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger failFirst = new AtomicInteger();
    volatile boolean refuseNamingOthers;
    volatile String authorization;

    /** A stand-in for the Transparency Database's batch endpoint, with its duplicate-puid answer. */
    @BeforeEach
    void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/api/v1/statements", this::handle);
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        calls.incrementAndGet();
        authorization = ex.getRequestHeaders().getFirst("Authorization");
        JsonNode body = WardenJson.mapper().readTree(ex.getRequestBody());
        if (failFirst.getAndDecrement() > 0) {
            respond(ex, 503, "{\"message\":\"maintenance\"}");
            return;
        }
        List<String> puids = new ArrayList<>();
        body.path("statements").forEach(s -> puids.add(s.path("puid").asText()));
        if (refuseNamingOthers) { // a 422 whose existing puids are none of this batch's
            respond(ex, 422, "{\"errors\":{\"existing_puids\":[\"another-platform-1\"]}}");
            return;
        }
        List<String> existing = puids.stream().filter(accepted::contains).toList();
        if (!existing.isEmpty()) {
            respond(ex, 422, "{\"message\":\"The platform identifier(s) are not all unique within this call.\","
                    + "\"errors\":{\"puid\":[\"not unique\"],\"existing_puids\":" + WardenJson.write(existing) + "}}");
            return;
        }
        if (puids.size() > 100) {
            respond(ex, 422, "{\"errors\":{\"statements\":[\"between 1 and 100\"]}}");
            return;
        }
        received.addAll(puids);
        accepted.addAll(puids);
        respond(ex, 201, "{\"statements\":[]}");
    }

    private static void respond(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + stub.getAddress().getPort());
    }

    private Instant[] banAccounts(int n) throws InterruptedException {
        Instant from = Instant.now();
        Thread.sleep(5);
        for (int i = 0; i < n; i++) {
            String account = "acc-dsa-" + UUID.randomUUID();
            intake.receive(Signals.conclusiveBulk(account, null));
        }
        Thread.sleep(5);
        return new Instant[] {from, Instant.now()};
    }

    @Test
    void statementsOfAPeriodComeInBatchesOfAtMostHundred() throws InterruptedException {
        Instant[] p = banAccounts(101);
        String legal = WardenOidc.tokenFor("legal");
        given().auth().oauth2(legal).queryParam("from", p[0].toString()).queryParam("to", p[1].toString())
                .when().get("/api/legal/dsa/statements")
                .then().statusCode(200).body("total", equalTo(101)).body("statements", hasSize(100))
                .body("last", equalTo(false)).body("statements[0].decision_account", equalTo("DECISION_ACCOUNT_TERMINATED"));
        given().auth().oauth2(legal).queryParam("from", p[0].toString()).queryParam("to", p[1].toString())
                .queryParam("page", 1).when().get("/api/legal/dsa/statements")
                .then().statusCode(200).body("statements", hasSize(1)).body("last", equalTo(true));
        given().auth().oauth2(legal).queryParam("from", p[0].toString()).queryParam("to", p[1].toString())
                .queryParam("size", 101).when().get("/api/legal/dsa/statements")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().auth().oauth2(legal).queryParam("from", "yesterday").queryParam("to", p[1].toString())
                .when().get("/api/legal/dsa/statements").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(legal).queryParam("from", p[1].toString()).queryParam("to", p[0].toString())
                .when().get("/api/legal/dsa/statements").then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void submitsEveryStatementOnceWithTheBearerTokenRetryingAfterAnOutage() throws InterruptedException {
        Instant[] p = banAccounts(3);
        failFirst.set(2); // two 503s before the database answers

        DsaSubmissionClient.Result r = client.submitPending(p[0], p[1], base(), TOKEN);

        assertThat(r.submitted()).isEqualTo(3);
        assertThat(r.failedBatches()).isZero();
        assertThat(calls.get()).isEqualTo(3);
        assertThat(authorization).isEqualTo("Bearer " + TOKEN);
        assertThat(received).hasSize(3).doesNotHaveDuplicates();

        DsaSubmissionClient.Result again = client.submitPending(p[0], p[1], base(), TOKEN);
        assertThat(again.submitted()).isZero();
        assertThat(received).hasSize(3);
    }

    @Test
    void givesUpAfterTheConfiguredAttemptsAndResumesOnTheNextRun() throws InterruptedException {
        Instant[] p = banAccounts(2);
        failFirst.set(100);
        DsaSubmissionClient.Result r = client.submitPending(p[0], p[1], base(), TOKEN);
        assertThat(r.failedBatches()).isEqualTo(1);
        assertThat(r.lastError()).contains("503");
        assertThat(calls.get()).isEqualTo(4); // warden.dsa.submission.max-attempts

        failFirst.set(0);
        assertThat(client.submitPending(p[0], p[1], base(), TOKEN).submitted()).isEqualTo(2);
        assertThat(received).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void refusalNamingNoneOfTheBatchIsNotRetriedAndParksTheStatementsAsFailedVisibly() throws InterruptedException {
        Instant[] p = banAccounts(2);
        refuseNamingOthers = true;

        DsaSubmissionClient.Result r = client.submitPending(p[0], p[1], base(), TOKEN);

        assertThat(calls.get()).isEqualTo(1);
        assertThat(r.failedBatches()).isEqualTo(1);
        assertThat(r.parkedAsFailed()).isEqualTo(2);
        given().auth().oauth2(WardenOidc.tokenFor("legal")).when().get("/api/legal/dsa/submissions/failed")
                .then().statusCode(200).body("lastError", org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.containsString("422")));
        assertThat(client.submitPending(p[0], p[1], base(), TOKEN).batches()).isZero(); // parked: not sent again
        assertThat(calls.get()).isEqualTo(1);

        refuseNamingOthers = false;
        given().auth().oauth2(WardenOidc.tokenFor("legal")).when().post("/api/legal/dsa/submissions/failed/retry")
                .then().statusCode(200);
        assertThat(client.submitPending(p[0], p[1], base(), TOKEN).submitted()).isEqualTo(2);
    }

    @Test
    void outageThatOutlastsTheGiveUpLimitParksTheStatementsAfterBackingOff() throws InterruptedException {
        Instant[] p = banAccounts(1);
        failFirst.set(1000);
        int runs = 0;
        while (client.submitPending(p[0], p[1], base(), TOKEN).parkedAsFailed() == 0) {
            runs++;
            assertThat(runs).isLessThan(10);
        }
        assertThat(calls.get()).isEqualTo(20); // warden.dsa.submission.give-up-after-attempts, 4 attempts per run
        assertThat(client.submitPending(p[0], p[1], base(), TOKEN).batches()).isZero();
        assertThat(calls.get()).isEqualTo(20);
    }

    @Test
    void statementTheDatabaseAlreadyHasIsMarkedNotSentAgain() throws InterruptedException {
        Instant[] p = banAccounts(2);
        client.submitPending(p[0], p[1], base(), TOKEN);
        String first = received.get(0);
        // as after a crash between the database's 201 and our commit: one statement looks unsubmitted again
        QuarkusTransaction.requiringNew().run(() -> DsaStatement.update("submittedAt = null where puid = ?1", first));

        DsaSubmissionClient.Result r = client.submitPending(p[0], p[1], base(), TOKEN);
        assertThat(r.alreadyKnown()).isEqualTo(1);
        assertThat(r.submitted()).isZero();
        assertThat(received).hasSize(2).doesNotHaveDuplicates();
        assertThat(QuarkusTransaction.requiringNew().call(() -> DsaStatement.<DsaStatement>findById(first).submittedAt)).isNotNull();
    }

    @Test
    void submissionWithoutAConfiguredDatabaseIsAConflictNotA500() {
        given().auth().oauth2(WardenOidc.tokenFor("legal")).queryParam("from", "2026-01-01T00:00:00Z")
                .queryParam("to", "2026-02-01T00:00:00Z").when().post("/api/legal/dsa/submissions")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void onlyLegalExportsAndSubmitsStatements() {
        String q = "?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z";
        given().when().get("/api/legal/dsa/statements" + q).then().statusCode(401);
        given().when().post("/api/legal/dsa/submissions" + q).then().statusCode(401);
        for (String role : List.of("reviewer", "senior-reviewer", "platform", "admin")) {
            given().auth().oauth2(WardenOidc.tokenFor(role)).when().get("/api/legal/dsa/statements" + q).then().statusCode(403);
            given().auth().oauth2(WardenOidc.tokenFor(role)).when().post("/api/legal/dsa/submissions" + q).then().statusCode(403);
        }
    }
}
