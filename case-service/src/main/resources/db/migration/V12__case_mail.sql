-- Mails notification-service sent (or gave up on) about a case, from warden.notifications.v1, for the
-- case timeline. The delivery id is the primary key: a replayed report changes nothing. The recipient
-- arrives masked (j***@example.org) and is cleared when retention erases the case.
CREATE TABLE case_mail (
    delivery_id          UUID PRIMARY KEY,
    case_id              UUID         NOT NULL REFERENCES enforcement_case (id),
    account_id           VARCHAR(128) NOT NULL,
    enforcement_event_id UUID         NOT NULL,
    template             VARCHAR(64)  NOT NULL,
    audience             VARCHAR(16)  NOT NULL,
    recipient            VARCHAR(320),
    locale               VARCHAR(35),
    status               VARCHAR(8)   NOT NULL,
    attempts             INT          NOT NULL,
    occurred_at          TIMESTAMPTZ  NOT NULL,
    received_at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX case_mail_case ON case_mail (case_id, occurred_at);
