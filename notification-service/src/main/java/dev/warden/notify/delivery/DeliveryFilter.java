package dev.warden.notify.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.warden.common.problem.ProblemException;
import io.quarkus.panache.common.Parameters;

/**
 * What the deliveries list may be filtered by. Parsed here, not by JAX-RS, so a bad value becomes a
 * 400 that names its parameter instead of a bare 404.
 */
public record DeliveryFilter(String accountId, String caseId, DeliveryStatus status, Instant from, Instant to) {

    public static DeliveryFilter parse(String accountId, String caseId, String status, String from, String to) {
        DeliveryFilter f = new DeliveryFilter(blankToNull(accountId), uuid("caseId", caseId), status(status),
                instant("from", from, false), instant("to", to, true));
        if (f.from != null && f.to != null && !f.from.isBefore(f.to)) {
            throw ProblemException.invalid("to", "must be after 'from'");
        }
        return f;
    }

    /** HQL where-clause and its parameters. */
    String where(Parameters p) {
        StringBuilder q = new StringBuilder("1 = 1");
        if (accountId != null) {
            q.append(" and accountId = :accountId");
            p.and("accountId", accountId);
        }
        if (caseId != null) {
            q.append(" and caseId = :caseId");
            p.and("caseId", caseId);
        }
        if (status != null) {
            q.append(" and status = :status");
            p.and("status", status);
        }
        if (from != null) {
            q.append(" and createdAt >= :from");
            p.and("from", from);
        }
        if (to != null) {
            q.append(" and createdAt < :to");
            p.and("to", to);
        }
        return q.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String uuid(String field, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be a UUID");
        }
    }

    private static DeliveryStatus status(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of "
                    + Arrays.stream(DeliveryStatus.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** An RFC 3339 timestamp, or a date: from the start of that day (UTC) / up to its end for {@code to}. */
    private static Instant instant(String field, String value, boolean endOfDay) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notATimestamp) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                throw ProblemException.invalid(field, "must be an RFC 3339 timestamp or a date (YYYY-MM-DD)");
            }
        }
    }
}
