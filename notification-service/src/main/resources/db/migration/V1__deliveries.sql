-- An enforcement event is consumed exactly once: the row is written in the same transaction as its deliveries.
CREATE TABLE consumed_event (
    event_id            UUID PRIMARY KEY,
    action              VARCHAR(32)  NOT NULL,
    account_id          VARCHAR(128) NOT NULL,
    consumed_at         TIMESTAMPTZ  NOT NULL
);

-- One mail to send (or skipped): unique per event, recipient and template so a replay sends nothing twice.
CREATE TABLE delivery (
    id                  UUID PRIMARY KEY,
    event_id            UUID         NOT NULL REFERENCES consumed_event (event_id),
    account_id          VARCHAR(128) NOT NULL,
    case_id             VARCHAR(64),
    recipient           VARCHAR(320),
    template            VARCHAR(64)  NOT NULL,
    locale              VARCHAR(35)  NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    attempts            INT          NOT NULL DEFAULT 0,
    last_error          TEXT,
    next_attempt_at     TIMESTAMPTZ  NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    sent_at             TIMESTAMPTZ,
    subject             TEXT,
    smtp_message_id     VARCHAR(255),
    payload             TEXT         NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT delivery_once UNIQUE (event_id, recipient, template)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at, created_at) WHERE status IN ('PENDING', 'FAILED');
CREATE INDEX delivery_account ON delivery (account_id, created_at);
