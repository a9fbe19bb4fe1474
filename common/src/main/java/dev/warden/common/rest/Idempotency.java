package dev.warden.common.rest;

/**
 * The headers of an idempotent request, the same in every Warden API: the client's key, and on the
 * answer whether it repeats the first answer to that key ({@code true}) or is new ({@code false}).
 */
public final class Idempotency {

    public static final String KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";

    private Idempotency() {
    }
}
