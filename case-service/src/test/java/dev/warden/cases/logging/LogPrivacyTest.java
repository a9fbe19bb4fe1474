package dev.warden.cases.logging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.warden.cases.Signals;
import dev.warden.cases.account.Account;
import dev.warden.cases.account.AccountStatus;
import dev.warden.cases.outbox.OutboxEvent;
import dev.warden.contracts.Topics;
import dev.warden.contracts.activity.AccountType;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.LogCapture;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LogPrivacyTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    @Test
    void theBanFlowLogsNeitherTheAccountIdNorTheAddressAtInfoOrAbove() {
        String account = "acc-log-" + UUID.randomUUID();
        String email = "log-holder-" + UUID.randomUUID() + "@example.org";
        try (LogCapture logs = LogCapture.start()) {
            // registration (also one with an address case-service refuses), a conclusive signal, the ban
            // published, a reviewer's read, a malformed request, the erasure
            kafka.sendJson(Topics.ACTIVITY, account, ActivityEvent.builder(UUID.randomUUID().toString(), account,
                    ActivityType.ACCOUNT_REGISTERED, Instant.now()).accountType(AccountType.PRIVATE)
                    .contactEmail(email).locale("de").build());
            kafka.sendJson(Topics.ACTIVITY, account, ActivityEvent.builder(UUID.randomUUID().toString(), account,
                    ActivityType.PROFILE_UPDATED, Instant.now()).contactEmail("not an address " + email).build());
            await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                    Account.<Account>findByIdOptional(account).map(a -> a.contactEmail != null).orElse(false)));
            kafka.sendJson(Topics.SIGNALS, account, Signals.conclusiveBulk(account, email));
            await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                    Account.<Account>findById(account).status == AccountStatus.BANNED
                            && OutboxEvent.count("eventKey = ?1 and publishedAt is null", account) == 0));
            given().auth().oauth2(WardenOidc.tokenFor("reviewer")).when().get("/api/accounts/{id}", account)
                    .then().statusCode(200);
            given().auth().oauth2(WardenOidc.tokenFor("admin")).when().post("/api/accounts/{id}/erasure", account)
                    .then().statusCode(202);
            given().auth().oauth2(WardenOidc.tokenFor("admin")).when().post("/api/accounts/{id}/erasure",
                    "unknown-" + account).then().statusCode(404);

            assertThat(logs.containing(": BAN by")).isNotEmpty(); // the capture sees the service's own INFO lines
            assertThat(logs.containing(account, email)).isEmpty();
        }
    }
}
