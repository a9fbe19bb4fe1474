package dev.warden.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityEventParser;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.activity.ParseResult;
import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.enforcement.StatementOfReasons;
import dev.warden.contracts.json.ContractReader;
import dev.warden.contracts.json.ContractViolation;
import dev.warden.contracts.erasure.ErasureEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.notification.NotificationEvent;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.contracts.signal.SignalIds;
import dev.warden.contracts.signal.Violation;

class SchemaConformanceTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final ActivityEventParser parser = new ActivityEventParser(Duration.ofMinutes(5));

    @ParameterizedTest
    @ValueSource(strings = {"account-registered", "message-sent", "user-report", "profile-updated"})
    void documentedExamplesParseAndValidate(String example) throws IOException {
        byte[] bytes = resource("/examples/" + example + ".json").readAllBytes();

        ParseResult result = parser.parse(bytes, NOW);

        assertThat(result).isInstanceOf(ParseResult.Accepted.class);
        ActivityEvent event = ((ParseResult.Accepted) result).event();
        assertThat(event.accountId()).isEqualTo("acc:4917012345678");
        assertThat(errors("activity", WardenJson.mapper().readTree(bytes))).isEmpty();
        // what we re-serialize still conforms: producers (the simulator) use the record
        assertThat(errors("activity", WardenJson.mapper().valueToTree(event))).isEmpty();
    }

    @Test
    void messageExampleKeepsEveryContractField() throws IOException {
        ActivityEvent e = ((ParseResult.Accepted) parser.parse(
                resource("/examples/message-sent.json").readAllBytes(), NOW)).event();

        assertThat(e.type()).isEqualTo(ActivityType.MESSAGE_SENT);
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-11-22T10:05:03.250Z"));
        assertThat(e.recipientCount()).isEqualTo(256);
        assertThat(e.recipientsInContacts()).isZero();
        assertThat(e.isReply()).isFalse();
        assertThat(e.contentFingerprint()).isEqualTo("9f86d081884c7d659a2feaa0c55ad015");
    }

    @Test
    void signalRecordSerializesToSchemaValidJson() throws IOException {
        Instant start = Instant.parse("2026-11-22T10:05:00Z");
        DetectionSignal signal = new DetectionSignal(SignalIds.of("acc:1", "bulk.registration-burst", start), "acc:1",
                Violation.BULK_MESSAGING, 0.99, "bulk.registration-burst", 1,
                new DetectionSignal.Window(start, start.plusSeconds(60)),
                Map.of("nonContactRecipients", 120.0, "accountAgeSeconds", 300.0),
                List.of(new DetectionSignal.Criterion("nonContactRecipients", ">=", 50, 120)),
                List.of("6d2a1c44-8b0e-4f59-b7a2-90c3e4f5a612"),
                new DetectionSignal.AccountContext("PRIVATE", "UNOFFICIAL_CLIENT", "DE", start, "h@example.org", "de"),
                "120 non-contact recipients within 60 s of a 5-minute-old account", start.plusSeconds(3), NOW);

        JsonNode json = WardenJson.mapper().valueToTree(signal);

        assertThat(errors("signal", json)).isEmpty();
        assertThat(WardenJson.read(json.toString(), DetectionSignal.class)).isEqualTo(signal);
    }

    @Test
    void enforcementRecordSerializesToSchemaValidJson() throws IOException {
        EnforcementEvent event = new EnforcementEvent("5a0e4c1b-6f2d-4b9a-8e7c-1d2f3a4b5c6d",
                "7b1f5d2c-0e3a-4c8b-9f6d-2e3a4b5c6d7e", "acc:1", EnforcementAction.BANNED, true, "BULK_MESSAGING",
                "BULK_AT_REGISTRATION", "Bulk messaging right after registration",
                new EnforcementEvent.PolicyRef("ban-conclusive-bulk", 1), statement("DECISION_ACCOUNT_TERMINATED"),
                "system:auto-enforcement", NOW, null, NOW.plus(Duration.ofDays(30)),
                new EnforcementEvent.Recipient("holder@example.org", "de"));

        JsonNode json = WardenJson.mapper().valueToTree(event);

        assertThat(errors("enforcement", json)).isEmpty();
        assertThat(json.has("restrictedUntil")).as("nulls are omitted").isFalse();
        assertThat(WardenJson.read(json.toString(), EnforcementEvent.class)).isEqualTo(event);
    }

    @Test
    void statementOfReasonsTravelsWithTheTransparencyDatabaseFieldNames() throws IOException {
        JsonNode json = WardenJson.mapper().valueToTree(statement("DECISION_ACCOUNT_SUSPENDED"));

        assertThat(json.path("decision_account").asText()).isEqualTo("DECISION_ACCOUNT_SUSPENDED");
        assertThat(json.path("category_specification").get(0).asText()).isEqualTo("KEYWORD_OTHER");
        assertThat(json.has("end_date_account_restriction")).as("nulls are omitted").isFalse();
        assertThat(errors("statement-of-reasons", json)).isEmpty();
    }

    @Test
    void enforcementEventWrittenWithAMapStatementStillReads() {
        // what the outbox held before the statement was a record: the same JSON, written from a map
        String old = WardenJson.write(Map.of("eventId", "5a0e4c1b-6f2d-4b9a-8e7c-1d2f3a4b5c6d",
                "caseId", "7b1f5d2c-0e3a-4c8b-9f6d-2e3a4b5c6d7e", "accountId", "acc:1", "action", "BANNED",
                "automated", true, "reason", "Bulk messaging", "actor", "system:auto-enforcement",
                "occurredAt", NOW.toString(), "statementOfReasons", Map.of("decision_account",
                        "DECISION_ACCOUNT_TERMINATED", "territorial_scope", List.of("DE"), "puid", "warden-1",
                        "decision_ground", "DECISION_GROUND_INCOMPATIBLE_CONTENT", "category",
                        "STATEMENT_CATEGORY_OTHER_VIOLATION_TC", "automated_detection", "Yes",
                        "automated_decision", "AUTOMATED_DECISION_FULLY")));

        EnforcementEvent e = ContractReader.of("enforcement.v1", EnforcementEvent.class).read(old);

        assertThat(e.statementOfReasons().decisionAccount()).isEqualTo("DECISION_ACCOUNT_TERMINATED");
        assertThat(e.statementOfReasons().territorialScope()).containsExactly("DE");
        assertThat(e.statementOfReasons().puid()).isEqualTo("warden-1");
    }

    @Test
    void readerRefusesAStatementOutsideTheDatabaseVocabularyNamingTheField() throws IOException {
        EnforcementEvent event = new EnforcementEvent("5a0e4c1b-6f2d-4b9a-8e7c-1d2f3a4b5c6d",
                "7b1f5d2c-0e3a-4c8b-9f6d-2e3a4b5c6d7e", "acc:1", EnforcementAction.BANNED, true, "BULK_MESSAGING",
                null, "Bulk messaging", null, statement("DECISION_ACCOUNT_DELETED"), "system:auto-enforcement", NOW,
                null, null, null);

        assertThatThrownBy(() -> ContractReader.of("enforcement.v1", EnforcementEvent.class)
                .read(WardenJson.write(event)))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("field 'statementOfReasons.decision_account'");
    }

    @Test
    void readerNamesEveryMissingFieldAndRefusesWhatIsNoObject() {
        ContractReader<NotificationEvent> reader = ContractReader.of("notification.v1", NotificationEvent.class);

        assertThatThrownBy(() -> reader.read("{\"deliveryId\":\"3c9d2e71-5a4b-4f0e-8d1c-6b7a8f9e0d21\"}"))
                .hasMessageContaining("field 'enforcementEventId'");
        assertThatThrownBy(() -> reader.read("[1]")).hasMessage("not a valid NotificationEvent: not a JSON object");
        assertThatThrownBy(() -> reader.read("{broken")).hasMessageStartingWith("not a valid NotificationEvent: ");
        assertThatThrownBy(() -> reader.read(" ")).hasMessage("empty record");
    }

    @Test
    void notificationRecordSerializesToSchemaValidJson() throws IOException {
        NotificationEvent event = new NotificationEvent("3c9d2e71-5a4b-4f0e-8d1c-6b7a8f9e0d21",
                "5a0e4c1b-6f2d-4b9a-8e7c-1d2f3a4b5c6d", "7b1f5d2c-0e3a-4c8b-9f6d-2e3a4b5c6d7e", "acc:1", "banned",
                NotificationEvent.Audience.ACCOUNT_HOLDER, "h***@example.org", "de", NotificationEvent.Status.DEAD, 8,
                NOW);

        JsonNode json = WardenJson.mapper().valueToTree(event);

        assertThat(errors("notification", json)).isEmpty();
        assertThat(WardenJson.read(json.toString(), NotificationEvent.class)).isEqualTo(event);
    }

    @Test
    void notificationExampleValidatesAndReads() throws IOException {
        byte[] bytes = resource("/examples/notification-sent.json").readAllBytes();

        assertThat(errors("notification", WardenJson.mapper().readTree(bytes))).isEmpty();
        NotificationEvent e = WardenJson.read(new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
                NotificationEvent.class);
        assertThat(e.status()).isEqualTo(NotificationEvent.Status.SENT);
        assertThat(e.audience()).isEqualTo(NotificationEvent.Audience.ACCOUNT_HOLDER);
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-11-22T10:15:02.417Z"));
    }

    @Test
    void notificationSchemaRefusesAFullAddress() throws IOException {
        JsonNode json = WardenJson.mapper().valueToTree(new NotificationEvent("3c9d2e71-5a4b-4f0e-8d1c-6b7a8f9e0d21",
                "5a0e4c1b-6f2d-4b9a-8e7c-1d2f3a4b5c6d", "7b1f5d2c-0e3a-4c8b-9f6d-2e3a4b5c6d7e", "acc:1", "banned",
                NotificationEvent.Audience.ACCOUNT_HOLDER, "holder@example.org", "de", NotificationEvent.Status.SENT,
                1, NOW));

        assertThat(errors("notification", json)).isNotEmpty();
    }

    @Test
    void erasureRecordAndExampleValidateAndCarryNoAddress() throws IOException {
        ErasureEvent event = new ErasureEvent("0f5e2a7c-9b1d-4c3e-8a6f-2d4b6c8e0a13", "acc:1",
                ErasureEvent.Cause.RETENTION, NOW);
        JsonNode json = WardenJson.mapper().valueToTree(event);
        byte[] example = resource("/examples/account-erased.json").readAllBytes();

        assertThat(errors("erasure", json)).isEmpty();
        assertThat(WardenJson.read(json.toString(), ErasureEvent.class)).isEqualTo(event);
        assertThat(errors("erasure", WardenJson.mapper().readTree(example))).isEmpty();
        // the schema admits no extra field: an address cannot ride along
        assertThat(errors("erasure", ((com.fasterxml.jackson.databind.node.ObjectNode) json.deepCopy())
                .put("email", "holder@example.org"))).isNotEmpty();
    }

    @Test
    void schemaRejectsWhatTheParserRejects() throws IOException {
        String unknownType = """
                {"eventId":"0b8f6a3e-1f7a-4c1e-9a53-2f1b9d1c7e01","accountId":"a1","type":"MESSAGE_DELETED",
                 "occurredAt":"2026-11-22T10:00:00Z"}""";

        assertThat(errors("activity", WardenJson.mapper().readTree(unknownType))).isNotEmpty();
        assertThat(parser.parse(unknownType.getBytes(), NOW))
                .isEqualTo(new ParseResult.Rejected("unknown type 'MESSAGE_DELETED'"));
    }

    private static List<String> errors(String schema, JsonNode json) {
        return ContractReader.of(schema + ".v1", Object.class).violations(json);
    }

    private static StatementOfReasons statement(String decisionAccount) {
        return StatementOfReasons.builder().decisionAccount(decisionAccount)
                .decisionGround("DECISION_GROUND_INCOMPATIBLE_CONTENT").incompatibleContentGround("ToS 4.2")
                .incompatibleContentExplanation("Bulk messaging").contentType(List.of("CONTENT_TYPE_TEXT"))
                .category("STATEMENT_CATEGORY_OTHER_VIOLATION_TC").categorySpecification(List.of("KEYWORD_OTHER"))
                .territorialScope(List.of("AT", "DE")).contentDate("2026-11-22").applicationDate("2026-11-22")
                .decisionFacts("120 non-contact recipients").sourceType("SOURCE_VOLUNTARY").automatedDetection("Yes")
                .automatedDecision("AUTOMATED_DECISION_FULLY").puid("warden-1").build();
    }

    private static InputStream resource(String path) {
        InputStream in = SchemaConformanceTest.class.getResourceAsStream(path);
        assertThat(in).as(path).isNotNull();
        return in;
    }
}
