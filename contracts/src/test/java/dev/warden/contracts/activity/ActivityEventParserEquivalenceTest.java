package dev.warden.contracts.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The streaming parser must decide exactly as the tree parser it replaced: same events, same rejections,
 * same reasons. Differential test over valid records, each field set to every awkward JSON value, and
 * random corruptions (truncation, stray bytes, repeated fields, wrong roots).
 */
class ActivityEventParserEquivalenceTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final String[] FIELDS = {"eventId", "accountId", "type", "occurredAt", "accountType", "clientType",
        "contactEmail", "locale", "country", "reporterAccountId", "reportReason", "recipientCount",
        "recipientsInContacts", "contentFingerprint", "isReply", "chatType", "forwardCount", "somethingNew"};
    private static final String[] VALUES = {"null", "true", "false", "0", "1", "-1", "2", "3", "7", "1000000", "1000001",
        "2147483647", "2147483648", "-2147483649", "99999999999999999999", "1.0", "1.5", "1e2", "-0", "{}", "[]",
        "{\"a\":[1,{\"b\":null}]}", "[1,2,3]", "\"\"", "\"  \"", "\" x \"", "\"MESSAGE_SENT\"", "\"USER_REPORT\"",
        "\"ACCOUNT_REGISTERED\"", "\"PROFILE_UPDATED\"", "\"message_sent\"", "\"DIRECT\"", "\"GROUP\"", "\"BROADCAST\"",
        "\"PRIVATE\"", "\"BUSINESS\"", "\"OFFICIAL_APP\"", "\"BUSINESS_API\"", "\"UNOFFICIAL_CLIENT\"", "\"SPAM\"",
        "\"DE\"", "\"de\"", "\"DEU\"", "\"Ä\"", "\"deadBEEF\"", "\"xyz\"", "\"0b8f6a3e-1f7a-4c1e-9a53-2f1b9d1c7e01\"",
        "\"acc:1._-Z\"", "\"a b\"", "\"\\u00e9t\\u00e9\"", "\"\\ud83d\\ude00\"", "\"" + "a".repeat(128) + "\"",
        "\"" + "a".repeat(129) + "\"", "\"" + "f".repeat(64) + "\"", "\"" + "f".repeat(65) + "\"",
        "\"" + "x".repeat(50) + "\"", "\"true\"", "\"5\""};
    private static final String[] TIMESTAMPS = {"2026-11-22T10:00:00Z", "2026-11-22T10:00:00.1Z",
        "2026-11-22T10:00:00.123456789Z", "2026-11-22T10:00:00.1234567891Z", "2026-11-22T10:00:00.Z",
        "2026-11-22T10:00:00+01:00", "2026-11-22T10:00:00-05:30", "2026-11-22T10:00:00-00:00",
        "2026-11-22T10:00:00+18:00", "2026-11-22T10:00:00+18:30", "2026-11-22T10:00:00+19:00",
        "2026-11-22T10:00:00+01:60", "2026-11-22T10:00:00+0100", "2026-11-22T10:00:00+01", "2026-11-22T10:00:00+01:00:30",
        "2026-11-22t10:00:00z", "2026-11-22T10:00:00z", "2026-11-22T10:00Z", "2026-11-22T10:00:00", "2026-11-22",
        "2026-02-29T10:00:00Z", "2024-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-00-01T10:00:00Z",
        "2026-11-31T10:00:00Z", "2026-11-22T24:00:00Z", "2026-11-22T23:59:60Z", "2026-11-22T23:60:00Z",
        "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z", "2026-11-22 10:00:00Z",
        "2026-11-22T10:00:00.000Z", " 2026-11-22T10:00:00Z ", "2026-11-22T11:59:59Z", "2026-11-22T12:05:00Z",
        "2026-11-22T12:05:00.001Z", "2026-11-22T13:05:00+01:00", "2026-11-22T13:05:00.001+01:00",
        "2O26-11-22T10:00:00Z", "2026-11-22T10:00:00.12a4Z", "2026-11-22T10:00:00ZZ", "yesterday", "1763805600"};

    private final ActivityEventParser parser = new ActivityEventParser(Duration.ofMinutes(5));
    private final LegacyTreeParser legacy = new LegacyTreeParser(Duration.ofMinutes(5));

    private static Map<String, String> message() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("eventId", "\"" + UUID.nameUUIDFromBytes(new byte[] {1}) + "\"");
        m.put("accountId", "\"sim-42-17\"");
        m.put("type", "\"MESSAGE_SENT\"");
        m.put("occurredAt", "\"2026-11-22T10:05:03.250Z\"");
        m.put("accountType", "\"PRIVATE\"");
        m.put("clientType", "\"OFFICIAL_APP\"");
        m.put("country", "\"DE\"");
        m.put("contactEmail", "\"x@example.org\"");
        m.put("locale", "\"de-DE\"");
        m.put("chatType", "\"DIRECT\"");
        m.put("recipientCount", "3");
        m.put("recipientsInContacts", "1");
        m.put("contentFingerprint", "\"9F86D081884C7D65\"");
        m.put("forwardCount", "0");
        m.put("isReply", "false");
        return m;
    }

    private static Map<String, String> report() {
        Map<String, String> m = message();
        m.put("type", "\"USER_REPORT\"");
        m.put("reporterAccountId", "\"sim-42-18\"");
        m.put("reportReason", "\"SPAM\"");
        return m;
    }

    private static String json(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder("{");
        fields.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return sb.append('}').toString();
    }

    private void assertSame(String json) {
        assertSame(json.getBytes(StandardCharsets.UTF_8));
    }

    private void assertSame(byte[] bytes) {
        ParseResult expected = legacy.parse(bytes, NOW);
        assertThat(parser.parse(bytes, NOW)).as(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void everyFieldWithEveryAwkwardValueOrMissing() {
        int accepted = 0;
        for (Map<String, String> base : List.of(message(), report())) {
            assertSame(json(base));
            for (String field : FIELDS) {
                Map<String, String> without = new LinkedHashMap<>(base);
                without.remove(field);
                assertSame(json(without));
                List<String> values = new ArrayList<>(List.of(VALUES));
                if (field.equals("occurredAt")) {
                    for (String t : TIMESTAMPS) {
                        values.add("\"" + t + "\"");
                    }
                }
                for (String value : values) {
                    Map<String, String> m = new LinkedHashMap<>(base);
                    m.put(field, value);
                    assertSame(json(m));
                    if (parser.parse(json(m).getBytes(StandardCharsets.UTF_8), NOW) instanceof ParseResult.Accepted) {
                        accepted++;
                    }
                }
            }
            for (String type : new String[] {"\"ACCOUNT_REGISTERED\"", "\"PROFILE_UPDATED\""}) {
                Map<String, String> m = new LinkedHashMap<>(base);
                m.put("type", type);
                assertSame(json(m));
            }
        }
        assertThat(accepted).as("the comparison covers accepted records too").isGreaterThan(50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "null", "1", "\"x\"", "[]", "[1,2]", "[{}]", "{}", "{", "}", "{\"eventId\"}",
        "{\"eventId\":}", "{\"eventId\":\"a\",}", "{'eventId':'a'}", "{eventId:1}", "not json at all", "{} trailing",
        "{\"a\":1}{\"b\":2}", "{\"eventId\":\"a\"} [", "\uFEFF{}", "{\"eventId\":NaN}", "{\"eventId\":\"a\\q\"}",
        "{\"recipientCount\":01}", "{/*c*/}", "{\"eventId\":\"x\",\"eventId\":\"y\"}",
        // the flat scanner's edges: each must end as Jackson decides
        " { \"eventId\" : \"a\" } ", "{\"recipientCount\":-}", "{\"recipientCount\":1.}", "{\"recipientCount\":-01}",
        "{\"recipientCount\":123456789}", "{\"recipientCount\":1234567890}", "{\"isReply\":tru}",
        "{\"isReply\":truex}", "{\"isReply\":nul}", "{\"isReply\":false ", "{\"x\":\"\u007f\"}", "{\"a\":1}\t\n ",
        "{\"a\":1,}", "{,\"a\":1}", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "{\"ev\u0065ntId\":\"x\",\"eventId\":\"y\"}",
        "{\"eventId\":\"x\",\"ev\u0065ntId\":\"y\"}", "{\"a\":\"\u00e9\"}", "{\"a\":\"é\"}", "{\"a\":\"\t\"}"})
    void oddDocuments(String json) {
        assertSame(json);
    }

    @Test
    void theUsualRecordIsReadWithoutJacksonAndAnEscapeIsLeftToIt() {
        byte[] usual = json(message()).getBytes(StandardCharsets.UTF_8);
        assertThat(FlatJsonScanner.scan(usual)).as("the fast path is taken").isNotNull();
        assertThat(FlatJsonScanner.scan(json(report()).getBytes(StandardCharsets.UTF_8))).isNotNull();
        Map<String, String> escaped = message();
        escaped.put("locale", "\"d\\u0065\"");
        assertThat(FlatJsonScanner.scan(json(escaped).getBytes(StandardCharsets.UTF_8))).isNull();
        assertSame(json(escaped));
    }

    @Test
    void whitespaceAroundNamesAndValuesDecidesLikeTheTree() {
        for (Map<String, String> base : List.of(message(), report())) {
            for (String[] layout : new String[][] {{" ", " "}, {"\n  ", " : "}, {"\t", ":\t"}, {"\r\n", ": "}}) {
                StringBuilder sb = new StringBuilder("{");
                base.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append(layout[0]).append('"').append(k)
                        .append('"').append(layout[1].contains(":") ? layout[1] : ":").append(v).append(layout[0]));
                assertSame(sb.append("}").toString());
            }
        }
    }

    @Test
    void repeatedFieldsDecideLikeTheTree() {
        Map<String, String> m = message();
        String base = json(m);
        for (String field : FIELDS) {
            for (String value : new String[] {"null", "\"MESSAGE_SENT\"", "5", "\"\"", "{}", "\"2026-11-22T10:00:00Z\""}) {
                assertSame(base.substring(0, base.length() - 1) + ",\"" + field + "\":" + value + "}");
                assertSame("{\"" + field + "\":" + value + "," + base.substring(1));
            }
        }
    }

    @Test
    void randomCorruptions() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Map<String, String> m = random.nextBoolean() ? message() : report();
            if (random.nextInt(3) == 0) {
                m.put(FIELDS[random.nextInt(FIELDS.length)], VALUES[random.nextInt(VALUES.length)]);
            }
            if (random.nextInt(4) == 0) {
                m.put("occurredAt", "\"" + TIMESTAMPS[random.nextInt(TIMESTAMPS.length)] + "\"");
            }
            if (random.nextInt(4) == 0) {
                m.put("occurredAt", "\"" + OffsetDateTime.parse("2026-11-22T12:00:00Z")
                        .plusSeconds(random.nextInt(1200) - 900).plusNanos(random.nextInt(1_000_000_000)) + "\"");
            }
            byte[] bytes = json(m).getBytes(StandardCharsets.UTF_8);
            switch (random.nextInt(5)) {
                case 0 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
                case 1 -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                case 2 -> {
                    String noise = " {}[],:\"\\0-tfn";
                    bytes[random.nextInt(bytes.length)] = (byte) noise.charAt(random.nextInt(noise.length()));
                }
                default -> { }
            }
            assertSame(bytes);
        }
    }
}
