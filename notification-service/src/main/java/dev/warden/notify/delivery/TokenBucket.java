package dev.warden.notify.delivery;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code perSecond} tokens flow in continuously, at most {@code burst} are kept.
 * Each mail takes one. The time source is injectable so the arithmetic is tested without sleeping.
 */
public final class TokenBucket {

    private final double tokensPerNano;
    private final double capacity;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    public TokenBucket(double perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate limit needs perSecond > 0 and burst >= 1");
        }
        this.tokensPerNano = perSecond / 1_000_000_000d;
        this.capacity = burst;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.last = nanoTime.getAsLong();
    }

    /** Takes up to {@code wanted} tokens; @return how many were granted (0 when the bucket is empty). */
    public synchronized int take(int wanted) {
        refill();
        int granted = (int) Math.min(wanted, Math.floor(tokens));
        tokens -= granted;
        return Math.max(granted, 0);
    }

    /** Gives back tokens that were taken but not used (nothing was due). */
    public synchronized void giveBack(int unused) {
        tokens = Math.min(capacity, tokens + unused);
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
        last = now;
    }
}
