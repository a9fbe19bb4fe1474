package dev.warden.detection.rest;

import java.time.Instant;
import java.util.Map;

import dev.warden.detection.account.AccountState;
import dev.warden.detection.features.Features;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** An account's profile and live features, as of the newest event seen for it. */
@RegisterForReflection
public record AccountFeaturesView(
        String accountId,
        String accountType,
        String clientType,
        String country,
        String contactEmail,
        String locale,
        Instant registeredAt,
        Instant asOf,
        Map<String, Double> features,
        int storedBytes) {

    static AccountFeaturesView of(String accountId, AccountState s, int storedBytes) {
        return new AccountFeaturesView(accountId, s.accountType, s.clientType, s.country, s.contactEmail, s.locale,
                s.registeredAtMillis == 0 ? null : Instant.ofEpochMilli(s.registeredAtMillis),
                Instant.ofEpochMilli(s.watermarkMillis), Features.of(s, s.watermarkMillis).asMap(), storedBytes);
    }
}
