package dev.warden.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.warden.contracts.activity.ActivityEventParser;
import dev.warden.contracts.activity.ParseResult;

class ActivityEventParserTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final String ID = "\"eventId\":\"0b8f6a3e-1f7a-4c1e-9a53-2f1b9d1c7e01\"";
    private final ActivityEventParser parser = new ActivityEventParser(Duration.ofMinutes(5));

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "not json at all | not valid JSON",
        "[1,2] | not a JSON object",
        "{\"accountId\":\"a\",\"type\":\"ACCOUNT_REGISTERED\",\"occurredAt\":\"2026-11-22T10:00:00Z\"} | missing field 'eventId'",
        "{ID,\"type\":\"ACCOUNT_REGISTERED\",\"occurredAt\":\"2026-11-22T10:00:00Z\"} | missing field 'accountId'",
        "{ID,\"accountId\":\"a\",\"occurredAt\":\"2026-11-22T10:00:00Z\"} | missing field 'type'",
        "{ID,\"accountId\":\"a\",\"type\":\"ACCOUNT_REGISTERED\"} | missing field 'occurredAt'",
        "{ID,\"accountId\":\"a b\",\"type\":\"ACCOUNT_REGISTERED\",\"occurredAt\":\"2026-11-22T10:00:00Z\"} | field 'accountId' must be 1-128",
        "{ID,\"accountId\":\"a\",\"type\":\"HACKED\",\"occurredAt\":\"2026-11-22T10:00:00Z\"} | unknown type 'HACKED'",
        "{ID,\"accountId\":\"a\",\"type\":\"ACCOUNT_REGISTERED\",\"occurredAt\":\"yesterday\"} | field 'occurredAt' is not an RFC 3339",
        "{ID,\"accountId\":\"a\",\"type\":\"ACCOUNT_REGISTERED\",\"occurredAt\":\"2027-01-01T00:00:00Z\"} | in the future",
        "{ID,\"accountId\":\"a\",\"type\":\"MESSAGE_SENT\",\"occurredAt\":\"2026-11-22T10:00:00Z\",\"chatType\":\"DIRECT\",\"recipientCount\":0} | field 'recipientCount' must be between 1",
        "{ID,\"accountId\":\"a\",\"type\":\"MESSAGE_SENT\",\"occurredAt\":\"2026-11-22T10:00:00Z\",\"chatType\":\"DIRECT\",\"recipientCount\":2,\"recipientsInContacts\":3} | field 'recipientsInContacts' must be between 0 and 2",
        "{ID,\"accountId\":\"a\",\"type\":\"MESSAGE_SENT\",\"occurredAt\":\"2026-11-22T10:00:00Z\",\"chatType\":\"DIRECT\",\"recipientCount\":2,\"forwardCount\":-1} | field 'forwardCount' must be between 0",
        "{ID,\"accountId\":\"a\",\"type\":\"MESSAGE_SENT\",\"occurredAt\":\"2026-11-22T10:00:00Z\",\"recipientCount\":2} | missing field 'chatType'",
        "{ID,\"accountId\":\"a\",\"type\":\"USER_REPORT\",\"occurredAt\":\"2026-11-22T10:00:00Z\",\"reporterAccountId\":\"b\"} | missing field 'reportReason'",
    })
    void rejectsWithAReasonThatNamesTheProblem(String json, String expectedReason) {
        ParseResult result = parser.parse(json.replace("ID", ID).getBytes(), NOW);

        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        assertThat(((ParseResult.Rejected) result).reason()).contains(expectedReason);
    }
}
