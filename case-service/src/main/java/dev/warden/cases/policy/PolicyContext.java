package dev.warden.cases.policy;

import java.time.Duration;

/** What the policy looks at besides the signal: facts about the account at the time of the signal. */
public record PolicyContext(String violation, double score, String accountType, int strikes90d,
        boolean offPlatformEvidence, Duration accountAge) {
}
