package dev.warden.contracts.json;

/**
 * An incoming record that breaks its topic's contract. It never becomes readable, so a consumer
 * dead-letters it at once with {@link #getMessage()} (which names the field) as the reason.
 */
public final class ContractViolation extends RuntimeException {

    public ContractViolation(String reason) {
        super(reason, null, false, false);
    }
}
