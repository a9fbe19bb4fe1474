package dev.warden.local;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Named checks, each printed as it is decided; {@link #report()} fails naming every failed one. */
final class Checks {

    private final PrintStream out;
    private final List<String> failures = new ArrayList<>();
    private int passed;

    Checks(PrintStream out) {
        this.out = out;
    }

    /** Records the check; returns {@code ok}. */
    boolean check(String name, boolean ok, String detail) {
        out.println((ok ? "  PASS " : "  FAIL ") + name + ": " + detail);
        if (ok) {
            passed++;
        } else {
            failures.add(name + ": " + detail);
        }
        return ok;
    }

    void report() {
        if (!failures.isEmpty()) {
            throw new Failure("smoke checks failed: " + String.join("; ", failures));
        }
        out.println("smoke checks passed (" + passed + ")");
    }

    static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
