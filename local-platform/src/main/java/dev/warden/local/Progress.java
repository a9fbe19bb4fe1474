package dev.warden.local;

import java.io.PrintStream;

import dev.warden.local.PlatformState.Counts;

/**
 * The scenario's progress line: rewritten in place each second on a terminal, a new line every five
 * seconds otherwise (logs, CI).
 */
final class Progress {

    private final boolean tty;
    private final long total;
    private final long everyNanos;
    private final PrintStream out;
    private long lastPrinted = Long.MIN_VALUE;

    Progress(boolean tty, long total, PrintStream out) {
        this.tty = tty;
        this.total = total;
        this.everyNanos = tty ? 1_000_000_000L : 5_000_000_000L;
        this.out = out;
    }

    /** Whether a line is due at {@code nowNanos}; if so, the next one is due an interval later. */
    boolean due(long nowNanos) {
        if (lastPrinted != Long.MIN_VALUE && nowNanos - lastPrinted < everyNanos) {
            return false;
        }
        lastPrinted = nowNanos;
        return true;
    }

    void print(long sent, Counts c, boolean last) {
        String line = line(sent, total, c);
        out.print(tty ? "\r" + line + "   " + (last ? "\n" : "") : line + "\n");
        out.flush();
    }

    static String line(long sent, long total, Counts c) {
        return String.format("  events %d/%d | signals %d | cases %d | bans %d | mails sent %d (pending %d)", sent, total,
                c.signals(), c.cases(), c.bans(), c.mailsSent(), c.mailsPending());
    }
}
