package dev.warden.simulator;

/** Holds a sender to a rate of events per second, counted from its first event; 0 means unlimited. */
public final class Pacer {

    private final double rate;
    private long start = -1;
    private long sent;

    public Pacer(double rate) {
        this.rate = rate;
    }

    /** Waits until the next event is due. */
    public void next() {
        long now = System.nanoTime();
        if (start < 0) {
            start = now;
        }
        long wait = waitNanos(sent++, now - start);
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How long event number {@code index} (from 0) waits when {@code elapsedNanos} have passed since the first. */
    long waitNanos(long index, long elapsedNanos) {
        return rate <= 0 ? 0 : Math.max(0, (long) (index / rate * 1e9) - elapsedNanos);
    }
}
