package dev.warden.contracts.signal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Deterministic signal ids: the same (account, rule, window start) always yields the same id. */
public final class SignalIds {

    private SignalIds() {
    }

    public static String of(String accountId, String ruleId, Instant windowStart) {
        String key = "signal|" + accountId + "|" + ruleId + "|" + windowStart.toEpochMilli();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
