package dev.warden.contracts.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.warden.contracts.json.WardenJson;

/**
 * Reads untrusted {@code warden.activity.v1} bytes and applies the contract: required fields, known
 * enum values, value ranges. Unknown fields are ignored (forward compatibility). A rejection carries a
 * one-line reason that goes into the dead-letter header.
 */
/** The tree-based parser before the streaming rewrite, kept as the reference for {@code ActivityEventParserEquivalenceTest}. */
final class LegacyTreeParser {

    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9:._-]{1,128}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-fA-F]{1,128}");
    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-fA-F-]{1,64}");
    private static final int MAX_RECIPIENTS = 1_000_000;

    private final ObjectMapper mapper = WardenJson.mapper();
    private final Duration maxFutureSkew;

    /** @param maxFutureSkew how far in the future (against the caller's clock) occurredAt may lie */
    LegacyTreeParser(Duration maxFutureSkew) {
        this.maxFutureSkew = maxFutureSkew;
    }

    public ParseResult parse(byte[] bytes, Instant now) {
        if (bytes == null || bytes.length == 0) {
            return new ParseResult.Rejected("empty record");
        }
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            return new ParseResult.Rejected("not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            return new ParseResult.Rejected("unreadable record: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            return new ParseResult.Rejected("not a JSON object");
        }
        try {
            return new ParseResult.Accepted(read(node, now));
        } catch (InvalidField e) {
            return new ParseResult.Rejected(e.getMessage());
        }
    }

    private ActivityEvent read(JsonNode n, Instant now) {
        String eventId = requiredText(n, "eventId");
        if (!EVENT_ID.matcher(eventId).matches()) {
            throw new InvalidField("field 'eventId' is not a UUID");
        }
        String accountId = requiredText(n, "accountId");
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            throw new InvalidField("field 'accountId' must be 1-128 characters of [A-Za-z0-9:._-]");
        }
        ActivityType type = requiredEnum(n, "type", ActivityType.class);
        Instant occurredAt = timestamp(requiredText(n, "occurredAt"));
        if (occurredAt.isAfter(now.plus(maxFutureSkew))) {
            throw new InvalidField("field 'occurredAt' lies more than " + maxFutureSkew.toMinutes()
                    + " min in the future");
        }
        ActivityEvent.Builder b = ActivityEvent.builder(eventId, accountId, type, occurredAt)
                .accountType(optionalEnum(n, "accountType", AccountType.class))
                .clientType(optionalEnum(n, "clientType", ClientType.class))
                .contactEmail(optionalText(n, "contactEmail").orElse(null))
                .locale(optionalText(n, "locale").orElse(null));
        Optional<String> country = optionalText(n, "country");
        if (country.isPresent() && !COUNTRY.matcher(country.get()).matches()) {
            throw new InvalidField("field 'country' must be an ISO 3166-1 alpha-2 code");
        }
        b.country(country.orElse(null));
        switch (type) {
            case MESSAGE_SENT -> readMessage(n, b);
            case USER_REPORT -> b.reporterAccountId(requiredText(n, "reporterAccountId"))
                    .reportReason(requiredEnum(n, "reportReason", ReportReason.class));
            case ACCOUNT_REGISTERED, PROFILE_UPDATED -> { }
        }
        return b.build();
    }

    private void readMessage(JsonNode n, ActivityEvent.Builder b) {
        int recipients = requiredInt(n, "recipientCount", 1, MAX_RECIPIENTS);
        int inContacts = optionalInt(n, "recipientsInContacts", 0, recipients).orElse(0);
        Optional<String> fingerprint = optionalText(n, "contentFingerprint");
        if (fingerprint.isPresent() && !FINGERPRINT.matcher(fingerprint.get()).matches()) {
            throw new InvalidField("field 'contentFingerprint' must be a hex string");
        }
        JsonNode reply = n.get("isReply");
        if (reply != null && !reply.isNull() && !reply.isBoolean()) {
            throw new InvalidField("field 'isReply' must be a boolean");
        }
        b.chatType(requiredEnum(n, "chatType", ChatType.class))
                .recipientCount(recipients)
                .recipientsInContacts(inContacts)
                .contentFingerprint(fingerprint.map(f -> f.toLowerCase(Locale.ROOT)).orElse(null))
                .forwardCount(optionalInt(n, "forwardCount", 0, Integer.MAX_VALUE).orElse(0))
                .isReply(reply != null && reply.asBoolean(false));
    }

    private static Instant timestamp(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidField("field 'occurredAt' is not an RFC 3339 timestamp");
        }
    }

    private static String requiredText(JsonNode n, String field) {
        return optionalText(n, field).orElseThrow(() -> new InvalidField("missing field '" + field + "'"));
    }

    private static Optional<String> optionalText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new InvalidField("field '" + field + "' must be a string");
        }
        String s = v.asText().trim();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static <E extends Enum<E>> E requiredEnum(JsonNode n, String field, Class<E> type) {
        E value = optionalEnum(n, field, type);
        if (value == null) {
            throw new InvalidField("missing field '" + field + "'");
        }
        return value;
    }

    private static <E extends Enum<E>> E optionalEnum(JsonNode n, String field, Class<E> type) {
        Optional<String> text = optionalText(n, field);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.get());
        } catch (IllegalArgumentException e) {
            throw new InvalidField("unknown " + field + " '" + abbreviate(text.get()) + "'");
        }
    }

    private static int requiredInt(JsonNode n, String field, int min, int max) {
        return optionalInt(n, field, min, max).orElseThrow(() -> new InvalidField("missing field '" + field + "'"));
    }

    private static Optional<Integer> optionalInt(JsonNode n, String field, int min, int max) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new InvalidField("field '" + field + "' must be an integer");
        }
        int i = v.intValue();
        if (i < min || i > max) {
            throw new InvalidField("field '" + field + "' must be between " + min + " and " + max + ", was " + i);
        }
        return Optional.of(i);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static final class InvalidField extends RuntimeException {
        InvalidField(String message) {
            super(message, null, false, false);
        }
    }
}
