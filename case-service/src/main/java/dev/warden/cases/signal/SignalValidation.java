package dev.warden.cases.signal;

import java.util.UUID;

import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;

/** Rejects signals case-service cannot act on, with a reason fit for the dead-letter header. */
public final class SignalValidation {

    private SignalValidation() {
    }

    public static DetectionSignal read(String json) {
        if (json == null || json.isBlank()) {
            throw new PoisonSignalException("empty record");
        }
        DetectionSignal s;
        try {
            s = WardenJson.read(json, DetectionSignal.class);
        } catch (IllegalArgumentException e) {
            throw new PoisonSignalException("not a signal: " + e.getMessage());
        }
        require(s.signalId() != null, "missing signalId");
        try {
            UUID.fromString(s.signalId());
        } catch (IllegalArgumentException e) {
            throw new PoisonSignalException("signalId is not a UUID");
        }
        require(s.accountId() != null && !s.accountId().isBlank() && s.accountId().length() <= 128, "missing or oversized accountId");
        require(s.violation() != null, "missing violation");
        require(s.score() >= 0 && s.score() <= 1, "score must be within 0..1");
        require(s.ruleId() != null && s.ruleVersion() >= 1, "missing ruleId/ruleVersion");
        require(s.summary() != null, "missing summary");
        require(s.detectedAt() != null, "missing detectedAt");
        return s;
    }

    private static void require(boolean ok, String reason) {
        if (!ok) {
            throw new PoisonSignalException(reason);
        }
    }

    /** Thrown for a record that will never be processable: retrying is pointless, dead-letter it. */
    public static final class PoisonSignalException extends RuntimeException {
        public PoisonSignalException(String message) {
            super(message);
        }
    }
}
