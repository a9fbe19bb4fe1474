package dev.warden.cases.legal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.warden.cases.Fixtures;
import dev.warden.cases.account.Account;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.decision.Decision;
import dev.warden.cases.decision.DecisionAction;
import dev.warden.cases.decision.DecisionCommand;
import dev.warden.cases.outbox.OutboxEvent;
import dev.warden.cases.usecase.DecisionEffects;
import dev.warden.contracts.Topics;
import dev.warden.contracts.erasure.ErasureEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.testsupport.PersonalDataSearch;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AccountErasureTest {

    static final Instant NOW = Instant.now();

    @Inject
    LegalFixtures fixtures;

    @Inject
    DecisionEffects decisions;

    @Inject
    RetentionJob retention;

    @Inject
    DataSource dataSource;

    private static String email(String account) {
        return account + "@example.org";
    }

    /** An account through the whole of case-service: signal, note, ban (published), appeal under a key. */
    private UUID bannedAndAppealed(String account) {
        UUID caseId = fixtures.openCase(account);
        fixtures.note(caseId, "alice", "holder wrote from " + email(account));
        Decision ban = decisions.apply(caseId, new DecisionCommand(DecisionAction.BAN, "NON_PERSONAL_USE",
                "sells bulk sends, contact " + email(account), "alice", false, null, null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.<OutboxEvent>find("eventId", ban.id).firstResult().publishedAt != null));
        appeal(account, ban.id).statusCode(201);
        return caseId;
    }

    private io.restassured.response.ValidatableResponse appeal(String account, UUID decisionId) {
        return given().auth().oauth2(WardenOidc.tokenFor("platform")).contentType(ContentType.JSON)
                .header("Idempotency-Key", "appeal-" + account)
                .body("{\"decisionId\":\"" + decisionId + "\",\"text\":\"Write to me at " + email(account) + "\"}")
                .when().post("/api/appeals").then();
    }

    private io.restassured.response.ValidatableResponse erase(String account, String role, String key) {
        var request = given().auth().oauth2(WardenOidc.tokenFor(role));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/accounts/{id}/erasure", account).then();
    }

    private List<String> columnsHolding(String value) {
        return PersonalDataSearch.columnsHolding(dataSource, value);
    }

    @Test
    void erasureLeavesTheAddressInNoColumnAndAnnouncesItWithoutTheAddress() {
        String account = "acc-erase-" + UUID.randomUUID();
        String held = "acc-erase-held-" + UUID.randomUUID();
        bannedAndAppealed(account);
        UUID heldCase = bannedAndAppealed(held);
        given().auth().oauth2(WardenOidc.token("lena", "legal")).contentType(ContentType.JSON)
                .body("{\"scope\":\"CASE\",\"targetId\":\"" + heldCase + "\",\"reason\":\"Court case 12 O 345/31\"}")
                .when().post("/api/legal/holds").then().statusCode(201);
        assertThat(columnsHolding(email(account))).contains("account.contact_email", "outbox_event.payload",
                "signal.payload", "case_note.text", "appeal.text", "idempotency_key.response_body");

        String erasureId = erase(account, "platform", "erase-" + account).statusCode(202)
                .header("Idempotency-Replayed", "false").body("accountId", equalTo(account)).extract().path("erasureId");

        assertThat(columnsHolding(email(account))).isEmpty();
        assertThat(columnsHolding(email(held))).contains("account.contact_email", "appeal.text");
        OutboxEvent announced = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find(
                "topic = ?1 and eventKey = ?2", Topics.ERASURES, account).singleResult());
        ErasureEvent event = WardenJson.read(announced.payload, ErasureEvent.class);
        assertThat(event.erasureId()).isEqualTo(erasureId);
        assertThat(event.cause()).isEqualTo(ErasureEvent.Cause.REQUEST);
        // a retry gets the same erasure, and no second event
        erase(account, "platform", "erase-" + account).statusCode(202).header("Idempotency-Replayed", "true")
                .body("erasureId", equalTo(erasureId));
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("topic = ?1 and eventKey = ?2",
                Topics.ERASURES, account))).isEqualTo(1);
        // the appeal's stored answer held the address: it is gone, and a retry is refused, not run again
        UUID banId = QuarkusTransaction.requiringNew().call(() -> Decision.<Decision>find("accountId", account)
                .firstResult().id);
        appeal(account, banId).statusCode(409).body("detail", containsString("erased"));
    }

    @Test
    void heldAccountIsRefusedNamingTheHoldAndUnknownAccountIsNotFound() {
        String account = "acc-erase-hold-" + UUID.randomUUID();
        UUID caseId = fixtures.openCase(account);
        String hold = given().auth().oauth2(WardenOidc.token("lena", "legal")).contentType(ContentType.JSON)
                .body("{\"scope\":\"ACCOUNT\",\"targetId\":\"" + account + "\",\"reason\":\"Police request\"}")
                .when().post("/api/legal/holds").then().statusCode(201).extract().path("id");

        erase(account, "admin", null).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(hold));
        assertThat(columnsHolding(email(account))).contains("account.contact_email");
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("topic = ?1 and eventKey = ?2",
                Topics.ERASURES, account))).isZero();
        assertThat(Fixtures.load(caseId)).isNotNull();
        erase("nobody-" + UUID.randomUUID(), "admin", null).statusCode(404).contentType("application/problem+json");
    }

    @Inject
    dev.warden.cases.usecase.SignalIntake intake;

    @Test
    void replayedRegistrationFromBeforeTheErasureBringsNoAddressBack() {
        String account = "acc-erase-replay-" + UUID.randomUUID();
        fixtures.openCase(account);
        erase(account, "admin", null).statusCode(202);
        // a signal detected before the erasure, still on its way, is filed without the address
        var fresh = dev.warden.cases.Signals.of(account, dev.warden.contracts.signal.Violation.NON_PERSONAL_USE, 0.6,
                "PRIVATE", email(account));
        Instant before = QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(account).erasedAt)
                .minusSeconds(30);
        intake.receive(new dev.warden.contracts.signal.DetectionSignal(fresh.signalId(), account, fresh.violation(),
                fresh.score(), fresh.ruleId(), fresh.ruleVersion(), fresh.window(), fresh.features(), fresh.criteria(),
                fresh.sampleEventIds(), fresh.account(), fresh.summary(), before, before));
        assertThat(columnsHolding(email(account))).isEmpty();

        // Fixtures.registered stamps the event now: after the erasure it is a new registration, taken in
        Instant erasedAt = QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(account).erasedAt);
        Arc.replayRegistration(account, erasedAt.minusSeconds(60));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(account).contactEmail)).isNull();
        Arc.replayRegistration(account, erasedAt.plusSeconds(60));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(account).contactEmail))
                .isEqualTo(email(account));
    }

    @Test
    void retentionAnnouncesTheErasureOnceTheAccountsLastCaseIsErased() {
        String account = "acc-erase-ret-" + UUID.randomUUID();
        UUID first = closedCase(account, NOW.minus(Duration.ofDays(400)));
        UUID second = closedCase(account, NOW.minus(Duration.ofDays(30)));

        assertThat(retention.run(NOW)).contains(first).doesNotContain(second);
        assertThat(erasures(account)).isZero();
        assertThat(retention.run(NOW.plus(Duration.ofDays(400)))).contains(second);
        assertThat(erasures(account)).isEqualTo(1);
        assertThat(columnsHolding(email(account))).isEmpty();
    }

    private long erasures(String account) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("topic = ?1 and eventKey = ?2",
                Topics.ERASURES, account));
    }

    private UUID closedCase(String account, Instant closedAt) {
        fixtures.openCase(account); // a second case when the first is closed
        UUID caseId = QuarkusTransaction.requiringNew().call(() -> EnforcementCase.findOpen(account).orElseThrow().id);
        fixtures.note(caseId, "alice", "remark on " + email(account));
        fixtures.decide(caseId, DecisionAction.WARN, "alice", null);
        QuarkusTransaction.requiringNew().run(() -> EnforcementCase.<EnforcementCase>findById(caseId).close(closedAt));
        return caseId;
    }

    /** The platform's registration event for the account, as if sent at {@code occurredAt}. */
    private static final class Arc {
        static void replayRegistration(String account, Instant occurredAt) {
            io.quarkus.arc.Arc.container().instance(dev.warden.cases.usecase.PlatformAccountIntake.class).get().apply(
                    dev.warden.contracts.activity.ActivityEvent.builder(UUID.randomUUID().toString(), account,
                            dev.warden.contracts.activity.ActivityType.ACCOUNT_REGISTERED, occurredAt)
                            .accountType(dev.warden.contracts.activity.AccountType.PRIVATE)
                            .contactEmail(email(account)).locale("de").build());
        }
    }
}
