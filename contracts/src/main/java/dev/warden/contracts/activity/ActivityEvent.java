package dev.warden.contracts.activity;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One record of {@code warden.activity.v1}: account-activity metadata, never message content.
 * Fields that do not apply to an event's {@link #type()} are null. Use {@link ActivityEventParser}
 * to read untrusted bytes: it applies the contract's validation rules.
 */
public record ActivityEvent(
        String eventId,
        String accountId,
        ActivityType type,
        Instant occurredAt,
        AccountType accountType,
        ClientType clientType,
        String country,
        String contactEmail,
        String locale,
        ChatType chatType,
        Integer recipientCount,
        Integer recipientsInContacts,
        String contentFingerprint,
        Integer forwardCount,
        @JsonProperty("isReply") Boolean isReply,
        String reporterAccountId,
        ReportReason reportReason) {

    public static Builder builder(String eventId, String accountId, ActivityType type, Instant occurredAt) {
        return new Builder(eventId, accountId, type, occurredAt);
    }

    /** Fluent construction for producers (simulator, tests); the record stays immutable. */
    public static final class Builder {
        private final String eventId;
        private final String accountId;
        private final ActivityType type;
        private final Instant occurredAt;
        private AccountType accountType;
        private ClientType clientType;
        private String country;
        private String contactEmail;
        private String locale;
        private ChatType chatType;
        private Integer recipientCount;
        private Integer recipientsInContacts;
        private String contentFingerprint;
        private Integer forwardCount;
        private Boolean isReply;
        private String reporterAccountId;
        private ReportReason reportReason;

        private Builder(String eventId, String accountId, ActivityType type, Instant occurredAt) {
            this.eventId = eventId;
            this.accountId = accountId;
            this.type = type;
            this.occurredAt = occurredAt;
        }

        public Builder accountType(AccountType v) { this.accountType = v; return this; }
        public Builder clientType(ClientType v) { this.clientType = v; return this; }
        public Builder country(String v) { this.country = v; return this; }
        public Builder contactEmail(String v) { this.contactEmail = v; return this; }
        public Builder locale(String v) { this.locale = v; return this; }
        public Builder chatType(ChatType v) { this.chatType = v; return this; }
        public Builder recipientCount(Integer v) { this.recipientCount = v; return this; }
        public Builder recipientsInContacts(Integer v) { this.recipientsInContacts = v; return this; }
        public Builder contentFingerprint(String v) { this.contentFingerprint = v; return this; }
        public Builder forwardCount(Integer v) { this.forwardCount = v; return this; }
        public Builder isReply(Boolean v) { this.isReply = v; return this; }
        public Builder reporterAccountId(String v) { this.reporterAccountId = v; return this; }
        public Builder reportReason(ReportReason v) { this.reportReason = v; return this; }

        public ActivityEvent build() {
            return new ActivityEvent(eventId, accountId, type, occurredAt, accountType, clientType, country,
                    contactEmail, locale, chatType, recipientCount, recipientsInContacts, contentFingerprint,
                    forwardCount, isReply, reporterAccountId, reportReason);
        }
    }
}
