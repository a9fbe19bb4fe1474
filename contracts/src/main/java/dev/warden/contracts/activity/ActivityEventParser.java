package dev.warden.contracts.activity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.warden.contracts.json.WardenJson;

/**
 * Reads untrusted {@code warden.activity.v1} bytes and applies the contract: required fields, known
 * enum values, value ranges. Unknown fields are ignored (forward compatibility). A rejection carries a
 * one-line reason that goes into the dead-letter header.
 * <p>
 * One pass collects the contract's fields (no JSON tree): {@link FlatJsonScanner} for the usual flat, ASCII
 * record, else Jackson's streaming parser; anything unusual for that — malformed JSON, a root that is not an
 * object, a repeated field — is read again through Jackson's tree, so rejections and
 * their reasons are exactly those of the tree reader. The validation below runs on the collected fields
 * either way.
 */
public final class ActivityEventParser {

    private static final int MAX_RECIPIENTS = 1_000_000;
    private static final ActivityType[] ACTIVITY_TYPES = ActivityType.values();
    private static final AccountType[] ACCOUNT_TYPES = AccountType.values();
    private static final ClientType[] CLIENT_TYPES = ClientType.values();
    private static final ReportReason[] REPORT_REASONS = ReportReason.values();
    private static final ChatType[] CHAT_TYPES = ChatType.values();
    /** ASCII characters by class, a bit per class: one table read per character instead of a chain of comparisons. */
    private static final byte[] CHAR_CLASSES = new byte[128];
    private static final byte HEX = 1;
    private static final byte ACCOUNT_ID = 2;

    static {
        for (char c = 0; c < 128; c++) {
            boolean digit = c >= '0' && c <= '9';
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            boolean hex = digit || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            boolean accountId = digit || letter || c == ':' || c == '.' || c == '_' || c == '-';
            CHAR_CLASSES[c] = (byte) ((hex ? HEX : 0) | (accountId ? ACCOUNT_ID : 0));
        }
    }

    private final ObjectMapper mapper = WardenJson.mapper();
    private final boolean failOnTrailingTokens = mapper.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final Duration maxFutureSkew;

    /** @param maxFutureSkew how far in the future (against the caller's clock) occurredAt may lie */
    public ActivityEventParser(Duration maxFutureSkew) {
        this.maxFutureSkew = maxFutureSkew;
    }

    public ParseResult parse(byte[] bytes, Instant now) {
        if (bytes == null || bytes.length == 0) {
            return new ParseResult.Rejected("empty record");
        }
        Fields fields = FlatJsonScanner.scan(bytes);
        if (fields == null) {
            fields = stream(bytes);
        }
        if (fields == null) {
            JsonNode node;
            try {
                node = mapper.readTree(bytes);
            } catch (JsonProcessingException e) {
                return new ParseResult.Rejected("not valid JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                return new ParseResult.Rejected("unreadable record: " + e.getMessage());
            }
            if (node == null || !node.isObject()) {
                return new ParseResult.Rejected("not a JSON object");
            }
            fields = Fields.of(node);
        }
        try {
            return new ParseResult.Accepted(read(fields, now));
        } catch (InvalidField e) {
            return new ParseResult.Rejected(e.getMessage());
        }
    }

    /** The fields of a well-formed JSON object with no repeated contract field, or null: read it as a tree. */
    private Fields stream(byte[] bytes) {
        try (JsonParser p = mapper.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Fields f = new Fields();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME) {
                    return null;
                }
                int field = Field.index(p.currentName());
                JsonToken value = p.nextToken();
                if (field < 0) {
                    p.skipChildren(); // unknown field: ignored, but still checked for well-formedness
                    continue;
                }
                if (f.kind[field] != Fields.ABSENT) {
                    return null; // repeated field: let the tree decide which one counts
                }
                switch (value) {
                    case VALUE_STRING -> f.set(field, Fields.TEXT).text[field] = p.getText();
                    case VALUE_NULL -> f.set(field, Fields.NULL);
                    case VALUE_TRUE, VALUE_FALSE -> f.set(field, Fields.BOOLEAN).bool[field] = value == JsonToken.VALUE_TRUE;
                    case VALUE_NUMBER_INT -> {
                        if (p.getNumberType() == JsonParser.NumberType.INT) {
                            f.set(field, Fields.INT).number[field] = p.getIntValue();
                        } else {
                            f.set(field, Fields.OTHER);
                        }
                    }
                    case VALUE_NUMBER_FLOAT -> f.set(field, Fields.OTHER);
                    case START_OBJECT, START_ARRAY -> {
                        p.skipChildren();
                        f.set(field, Fields.OTHER);
                    }
                    default -> {
                        return null;
                    }
                }
            }
            if (failOnTrailingTokens && p.nextToken() != null) {
                return null;
            }
            return f;
        } catch (IOException | RuntimeException e) {
            return null; // malformed: the tree reader words the reason
        }
    }

    private ActivityEvent read(Fields n, Instant now) {
        String eventId = requiredText(n, Field.EVENT_ID);
        if (!isEventId(eventId)) {
            throw new InvalidField("field 'eventId' is not a UUID");
        }
        String accountId = requiredText(n, Field.ACCOUNT_ID);
        if (!isAccountId(accountId)) {
            throw new InvalidField("field 'accountId' must be 1-128 characters of [A-Za-z0-9:._-]");
        }
        ActivityType type = requiredEnum(n, Field.TYPE, ACTIVITY_TYPES);
        Instant occurredAt = timestamp(requiredText(n, Field.OCCURRED_AT));
        if (occurredAt.isAfter(now.plus(maxFutureSkew))) {
            throw new InvalidField("field 'occurredAt' lies more than " + maxFutureSkew.toMinutes()
                    + " min in the future");
        }
        ActivityEvent.Builder b = ActivityEvent.builder(eventId, accountId, type, occurredAt)
                .accountType(optionalEnum(n, Field.ACCOUNT_TYPE, ACCOUNT_TYPES))
                .clientType(optionalEnum(n, Field.CLIENT_TYPE, CLIENT_TYPES))
                .contactEmail(optionalText(n, Field.CONTACT_EMAIL))
                .locale(optionalText(n, Field.LOCALE));
        String country = optionalText(n, Field.COUNTRY);
        if (country != null && !isCountry(country)) {
            throw new InvalidField("field 'country' must be an ISO 3166-1 alpha-2 code");
        }
        b.country(country);
        switch (type) {
            case MESSAGE_SENT -> readMessage(n, b);
            case USER_REPORT -> b.reporterAccountId(requiredText(n, Field.REPORTER_ACCOUNT_ID))
                    .reportReason(requiredEnum(n, Field.REPORT_REASON, REPORT_REASONS));
            case ACCOUNT_REGISTERED, PROFILE_UPDATED -> { }
        }
        return b.build();
    }

    private void readMessage(Fields n, ActivityEvent.Builder b) {
        int recipients = requiredInt(n, Field.RECIPIENT_COUNT, 1, MAX_RECIPIENTS);
        int inContacts = optionalInt(n, Field.RECIPIENTS_IN_CONTACTS, 0, recipients).orElse(0);
        String fingerprint = optionalText(n, Field.CONTENT_FINGERPRINT);
        if (fingerprint != null && !isFingerprint(fingerprint)) {
            throw new InvalidField("field 'contentFingerprint' must be a hex string");
        }
        byte reply = n.kind[Field.IS_REPLY];
        if (reply != Fields.ABSENT && reply != Fields.NULL && reply != Fields.BOOLEAN) {
            throw new InvalidField("field 'isReply' must be a boolean");
        }
        b.chatType(requiredEnum(n, Field.CHAT_TYPE, CHAT_TYPES))
                .recipientCount(recipients)
                .recipientsInContacts(inContacts)
                .contentFingerprint(fingerprint == null ? null : fingerprint.toLowerCase(Locale.ROOT))
                .forwardCount(optionalInt(n, Field.FORWARD_COUNT, 0, Integer.MAX_VALUE).orElse(0))
                .isReply(reply == Fields.BOOLEAN && n.bool[Field.IS_REPLY]);
    }

    private static Instant timestamp(String text) {
        Instant fast = rfc3339(text);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidField("field 'occurredAt' is not an RFC 3339 timestamp");
        }
    }

    /**
     * The common shape {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)} without the formatter machinery, or null
     * for anything else (then {@link OffsetDateTime#parse} decides). Accepts only what that accepts, with the
     * same instant: the calendar is checked here ({@code TimestampTest} holds it to {@link java.time.LocalDate}) and
     * the offset by {@link ZoneOffset}.
     */
    static Instant rfc3339(String t) {
        int len = t.length();
        if (len < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nano = 0;
        if (t.charAt(i) == '.') {
            int start = ++i;
            while (i < len && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                nano = nano * 10 + (t.charAt(i) - '0');
                i++;
            }
            int n = i - start;
            if (n == 0 || n > 9) {
                return null;
            }
            for (; n < 9; n++) {
                nano *= 10;
            }
        }
        try {
            ZoneOffset offset;
            if (i == len - 1 && t.charAt(i) == 'Z') {
                offset = ZoneOffset.UTC;
            } else if (i == len - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
                int oh = digits(t, i + 1, 2);
                int om = digits(t, i + 4, 2);
                if ((oh | om) < 0) {
                    return null;
                }
                int sign = t.charAt(i) == '-' ? -1 : 1;
                offset = ZoneOffset.ofHoursMinutes(sign * oh, sign * om);
            } else {
                return null;
            }
            if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year)) || hour > 23
                    || minute > 59 || second > 59) {
                return null;
            }
            return Instant.ofEpochSecond(epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second
                    - offset.getTotalSeconds(), nano);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@link java.time.LocalDate#toEpochDay()} for a valid date with a year of 0-9999. */
    private static long epochDay(int year, int month, int day) {
        long total = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
        total += (367L * month - 362) / 12 + day - 1;
        if (month > 2) {
            total -= Year.isLeap(year) ? 1 : 2;
        }
        return total - 719_528L; // days from 0000-01-01 to 1970-01-01
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String t, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** {@code [0-9a-fA-F-]{1,64}} */
    private static boolean isEventId(String s) {
        if (s.isEmpty() || s.length() > 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isHex(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code [A-Za-z0-9:._-]{1,128}} */
    private static boolean isAccountId(String s) {
        if (s.isEmpty() || s.length() > 128) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isAccountIdChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code [A-Z]{2}} */
    private static boolean isCountry(String s) {
        return s.length() == 2 && s.charAt(0) >= 'A' && s.charAt(0) <= 'Z' && s.charAt(1) >= 'A' && s.charAt(1) <= 'Z';
    }

    /** {@code [0-9a-fA-F]{1,128}} */
    private static boolean isFingerprint(String s) {
        if (s.isEmpty() || s.length() > 128) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isHex(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code [0-9a-fA-F]} */
    static boolean isHex(char c) {
        return c < 128 && (CHAR_CLASSES[c] & HEX) != 0;
    }

    /** {@code [A-Za-z0-9:._-]} */
    static boolean isAccountIdChar(char c) {
        return c < 128 && (CHAR_CLASSES[c] & ACCOUNT_ID) != 0;
    }

    private static String requiredText(Fields n, int field) {
        String s = optionalText(n, field);
        if (s == null) {
            throw new InvalidField("missing field '" + Field.NAMES[field] + "'");
        }
        return s;
    }

    /** The trimmed text, null if absent, null or blank. */
    private static String optionalText(Fields n, int field) {
        byte kind = n.kind[field];
        if (kind == Fields.ABSENT || kind == Fields.NULL) {
            return null;
        }
        if (kind != Fields.TEXT) {
            throw new InvalidField("field '" + Field.NAMES[field] + "' must be a string");
        }
        String s = n.text[field].trim();
        return s.isEmpty() ? null : s;
    }

    private static <E extends Enum<E>> E requiredEnum(Fields n, int field, E[] type) {
        E value = optionalEnum(n, field, type);
        if (value == null) {
            throw new InvalidField("missing field '" + Field.NAMES[field] + "'");
        }
        return value;
    }

    /**
     * The constant named exactly {@code text}, as {@link Enum#valueOf}, by comparing names: a handful of
     * constants, and no hash of a freshly read {@code String} to compute.
     */
    private static <E extends Enum<E>> E optionalEnum(Fields n, int field, E[] constants) {
        String text = optionalText(n, field);
        if (text == null) {
            return null;
        }
        for (E e : constants) {
            if (e.name().equals(text)) {
                return e;
            }
        }
        throw new InvalidField("unknown " + Field.NAMES[field] + " '" + abbreviate(text) + "'");
    }

    private static int requiredInt(Fields n, int field, int min, int max) {
        return optionalInt(n, field, min, max)
                .orElseThrow(() -> new InvalidField("missing field '" + Field.NAMES[field] + "'"));
    }

    private static Optional<Integer> optionalInt(Fields n, int field, int min, int max) {
        byte kind = n.kind[field];
        if (kind == Fields.ABSENT || kind == Fields.NULL) {
            return Optional.empty();
        }
        if (kind != Fields.INT) {
            throw new InvalidField("field '" + Field.NAMES[field] + "' must be an integer");
        }
        int i = n.number[field];
        if (i < min || i > max) {
            throw new InvalidField("field '" + Field.NAMES[field] + "' must be between " + min + " and " + max
                    + ", was " + i);
        }
        return Optional.of(i);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /** The contract's field names and their slots in {@link Fields}. */
    static final class Field {
        static final int EVENT_ID = 0;
        static final int ACCOUNT_ID = 1;
        static final int TYPE = 2;
        static final int OCCURRED_AT = 3;
        static final int ACCOUNT_TYPE = 4;
        static final int CLIENT_TYPE = 5;
        static final int CONTACT_EMAIL = 6;
        static final int LOCALE = 7;
        static final int COUNTRY = 8;
        static final int REPORTER_ACCOUNT_ID = 9;
        static final int REPORT_REASON = 10;
        static final int RECIPIENT_COUNT = 11;
        static final int RECIPIENTS_IN_CONTACTS = 12;
        static final int CONTENT_FINGERPRINT = 13;
        static final int IS_REPLY = 14;
        static final int CHAT_TYPE = 15;
        static final int FORWARD_COUNT = 16;
        static final String[] NAMES = {"eventId", "accountId", "type", "occurredAt", "accountType", "clientType",
            "contactEmail", "locale", "country", "reporterAccountId", "reportReason", "recipientCount",
            "recipientsInContacts", "contentFingerprint", "isReply", "chatType", "forwardCount"};

        /** By name length: the slots whose names have that length (a scanned name is matched without a String). */
        private static final int[][] BY_LENGTH = byLength();
        private static final byte[][] NAME_BYTES = Arrays.stream(NAMES)
                .map(n -> n.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);

        private static int[][] byLength() {
            int longest = Arrays.stream(NAMES).mapToInt(String::length).max().orElse(0);
            int[][] table = new int[longest + 1][];
            for (int len = 0; len <= longest; len++) {
                final int l = len;
                table[len] = IntStream.range(0, NAMES.length).filter(k -> NAMES[k].length() == l).toArray();
            }
            return table;
        }

        /** {@link #index(String)} of the ASCII name in {@code bytes[from, from + length)}. */
        static int index(byte[] bytes, int from, int length) {
            if (length >= BY_LENGTH.length) {
                return -1;
            }
            for (int k : BY_LENGTH[length]) {
                if (Arrays.equals(bytes, from, from + length, NAME_BYTES[k], 0, length)) {
                    return k;
                }
            }
            return -1;
        }

        static int index(String name) {
            return switch (name) {
                case "eventId" -> EVENT_ID;
                case "accountId" -> ACCOUNT_ID;
                case "type" -> TYPE;
                case "occurredAt" -> OCCURRED_AT;
                case "accountType" -> ACCOUNT_TYPE;
                case "clientType" -> CLIENT_TYPE;
                case "contactEmail" -> CONTACT_EMAIL;
                case "locale" -> LOCALE;
                case "country" -> COUNTRY;
                case "reporterAccountId" -> REPORTER_ACCOUNT_ID;
                case "reportReason" -> REPORT_REASON;
                case "recipientCount" -> RECIPIENT_COUNT;
                case "recipientsInContacts" -> RECIPIENTS_IN_CONTACTS;
                case "contentFingerprint" -> CONTENT_FINGERPRINT;
                case "isReply" -> IS_REPLY;
                case "chatType" -> CHAT_TYPE;
                case "forwardCount" -> FORWARD_COUNT;
                default -> -1;
            };
        }
    }

    /** The contract fields of one record as JSON kinds and values: what the tree's nodes would say. */
    static final class Fields {
        static final byte ABSENT = 0;
        static final byte NULL = 1;
        static final byte TEXT = 2;
        static final byte BOOLEAN = 3;
        /** an integral number that fits an int */
        static final byte INT = 4;
        /** anything else: a larger or fractional number, an object, an array */
        static final byte OTHER = 5;

        final byte[] kind = new byte[Field.NAMES.length];
        final String[] text = new String[Field.NAMES.length];
        final int[] number = new int[Field.NAMES.length];
        final boolean[] bool = new boolean[Field.NAMES.length];

        Fields set(int field, byte k) {
            kind[field] = k;
            return this;
        }

        static Fields of(JsonNode object) {
            Fields f = new Fields();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                int field = Field.index(e.getKey());
                if (field < 0) {
                    continue;
                }
                JsonNode v = e.getValue();
                if (v.isNull()) {
                    f.set(field, NULL);
                } else if (v.isTextual()) {
                    f.set(field, TEXT).text[field] = v.asText();
                } else if (v.isBoolean()) {
                    f.set(field, BOOLEAN).bool[field] = v.asBoolean(false);
                } else if (v.isIntegralNumber() && v.canConvertToInt()) {
                    f.set(field, INT).number[field] = v.intValue();
                } else {
                    f.set(field, OTHER);
                }
            }
            return f;
        }
    }

    private static final class InvalidField extends RuntimeException {
        InvalidField(String message) {
            super(message, null, false, false);
        }
    }
}
