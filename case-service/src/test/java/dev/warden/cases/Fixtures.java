package dev.warden.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import dev.warden.cases.casework.EnforcementCase;
import dev.warden.contracts.activity.AccountType;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.cases.usecase.PlatformAccountIntake;
import dev.warden.cases.usecase.SignalIntake;
import dev.warden.contracts.signal.Violation;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.jwt.build.Jwt;

/** Cases in known states, made through the real intake (and so through the real policy). */
public final class Fixtures {

    private Fixtures() {
    }

    /** A business account's medium-score signal: the default policy queues it for review (no automatic decision). */
    public static UUID reviewCase(SignalIntake intake, String prefix, double score) {
        String account = prefix + "-" + UUID.randomUUID();
        registered(account, "BUSINESS", account + "@example.org");
        intake.receive(Signals.of(account, Violation.BULK_MESSAGING, score, "BUSINESS", account + "@example.org"));
        return caseOf(account);
    }

    /** The platform's registration of the account, as case-service reads it from warden.activity.v1. */
    public static void registered(String account, String type, String email) {
        Arc.container().instance(PlatformAccountIntake.class).get().apply(ActivityEvent.builder(UUID.randomUUID().toString(),
                account, ActivityType.ACCOUNT_REGISTERED, Instant.now()).accountType(AccountType.valueOf(type))
                .contactEmail(email).locale("de").build());
    }

    public static UUID caseOf(String account) {
        return QuarkusTransaction.requiringNew()
                .call(() -> EnforcementCase.<EnforcementCase>find("accountId", account).firstResult().id);
    }

    public static EnforcementCase load(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> EnforcementCase.<EnforcementCase>findById(caseId));
    }

    /** A token as a browser console would carry it: the client it was issued to in {@code azp}. */
    public static String tokenFromClient(String user, String clientId, String... roles) {
        return Jwt.preferredUserName(user).subject(user).groups(Set.of(roles)).issuer(WardenOidc.ISSUER)
                .audience(WardenOidc.AUDIENCE).claim("azp", clientId).expiresIn(Duration.ofHours(1))
                .jws().keyId("1").sign("privateKey.jwk");
    }
}
