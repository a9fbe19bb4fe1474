package dev.warden.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.warden.local.PlatformState.Counts;

class ProgressTest {

    private static final Counts COUNTS = new Counts(7, 6, 5, 4, 1);
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void terminalRewritesOneLineEverySecondAndEndsIt() {
        Progress p = new Progress(true, 100, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(p.due(0)).isTrue();
        assertThat(p.due(999_999_999L)).isFalse();
        assertThat(p.due(1_000_000_000L)).isTrue();
        p.print(50, COUNTS, false);
        p.print(100, COUNTS, true);
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(
                "\r  events 50/100 | signals 7 | cases 6 | bans 5 | mails sent 4 (pending 1)   "
                        + "\r  events 100/100 | signals 7 | cases 6 | bans 5 | mails sent 4 (pending 1)   \n");
    }

    @Test
    void logGetsANewLineEveryFiveSeconds() {
        Progress p = new Progress(false, 100, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(p.due(0)).isTrue();
        assertThat(p.due(4_000_000_000L)).isFalse();
        assertThat(p.due(5_000_000_000L)).isTrue();
        p.print(100, COUNTS, true);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .isEqualTo("  events 100/100 | signals 7 | cases 6 | bans 5 | mails sent 4 (pending 1)\n");
    }
}
