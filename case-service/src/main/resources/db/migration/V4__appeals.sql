CREATE TABLE appeal (
    id                  UUID PRIMARY KEY,
    decision_id         UUID         NOT NULL UNIQUE REFERENCES decision (id),  -- one appeal per decision
    case_id             UUID         NOT NULL REFERENCES enforcement_case (id),
    account_id          VARCHAR(128) NOT NULL REFERENCES account (id),
    text                TEXT         NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    filed_by            VARCHAR(128) NOT NULL,
    filed_at            TIMESTAMPTZ  NOT NULL,
    decided_by          VARCHAR(128),
    decided_at          TIMESTAMPTZ,
    decision_reason     TEXT,
    version             BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX appeal_queue ON appeal (status, filed_at);
