package dev.warden.cases.signal;

import dev.warden.contracts.json.ContractReader;
import dev.warden.contracts.signal.DetectionSignal;

/**
 * Reads a signal against {@code signal.v1.schema.json} (a violation is a
 * {@link dev.warden.contracts.json.ContractViolation} naming the field), plus what a schema cannot say.
 */
public final class SignalValidation {

    private static final ContractReader<DetectionSignal> READER = ContractReader.of("signal.v1", DetectionSignal.class);

    private SignalValidation() {
    }

    public static DetectionSignal read(String json) {
        DetectionSignal s = READER.read(json);
        if (s.window().end().isBefore(s.window().start())) {
            throw new PoisonSignalException("field 'window.end' lies before 'window.start'");
        }
        return s;
    }

    /** Thrown for a record that will never be processable: retrying is pointless, dead-letter it. */
    public static final class PoisonSignalException extends RuntimeException {
        public PoisonSignalException(String message) {
            super(message);
        }
    }
}
