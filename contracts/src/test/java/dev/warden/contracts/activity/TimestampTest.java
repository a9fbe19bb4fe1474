package dev.warden.contracts.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The parser's own timestamp reader gives {@link OffsetDateTime#parse}'s instant, and refuses what it refuses. */
class TimestampTest {

    private static final String[] OFFSETS = {"Z", "+00:00", "+01:00", "-05:30", "+14:00", "-18:00", "+18:00"};

    @Test
    void readsEveryDayOfFourCenturiesAndEveryLeapDayBoundaryAsOffsetDateTimeDoes() {
        Random random = new Random(11);
        for (LocalDate d = LocalDate.of(1800, 1, 1); d.getYear() < 2200; d = d.plusDays(1)) {
            assertSameInstant(d, random);
        }
        for (int year = 0; year <= 9999; year++) {
            for (int k = 0; k < 4; k++) { // 27 and 28 February, then 29 February or 1 March, and on
                assertSameInstant(LocalDate.of(year, 2, 27).plusDays(k), random);
            }
            assertSameInstant(LocalDate.of(year, 1, 1), random);
            assertSameInstant(LocalDate.of(year, 12, 31), random);
        }
    }

    private static void assertSameInstant(LocalDate d, Random random) {
        String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d.%09d%s", d.getYear(), d.getMonthValue(),
                d.getDayOfMonth(), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                random.nextInt(1_000_000_000), OFFSETS[random.nextInt(OFFSETS.length)]);
        assertEquals(OffsetDateTime.parse(text).toInstant(), ActivityEventParser.rfc3339(text), text);
    }

    @Test
    void leavesImpossibleDatesAndTimesToTheFormatterWhichRefusesThem() {
        for (String text : new String[] {"2026-02-29T10:00:00Z", "2100-02-29T10:00:00Z", "2026-04-31T10:00:00Z",
            "2026-06-31T00:00:00Z", "2026-09-31T00:00:00Z", "2026-11-31T00:00:00Z", "2026-01-32T00:00:00Z",
            "2026-01-00T00:00:00Z", "2026-00-10T00:00:00Z", "2026-13-10T00:00:00Z", "2026-01-10T24:00:00Z",
            "2026-01-10T23:60:00Z", "2026-01-10T23:59:60Z", "2026-01-10T23:59:59+18:01"}) {
            assertNull(ActivityEventParser.rfc3339(text), text);
            assertRefused(text);
        }
        assertEquals(Instant.parse("2000-02-29T00:00:00Z"), ActivityEventParser.rfc3339("2000-02-29T00:00:00Z"));
        assertEquals(Instant.parse("2024-02-29T23:59:59Z"), ActivityEventParser.rfc3339("2024-02-29T23:59:59Z"));
    }

    private static void assertRefused(String text) {
        try {
            OffsetDateTime.parse(text);
            throw new AssertionError("the formatter accepts " + text);
        } catch (DateTimeParseException expected) {
            // as the parser: a record with this occurredAt is rejected
        }
    }
}
