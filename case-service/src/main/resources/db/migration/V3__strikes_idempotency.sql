-- Strike history: every WARN/RESTRICT/BAN is a strike; an upheld appeal clears it (kept, never deleted).
CREATE TABLE strike (
    id                  UUID PRIMARY KEY,
    account_id          VARCHAR(128) NOT NULL REFERENCES account (id),
    decision_id         UUID         NOT NULL UNIQUE REFERENCES decision (id),
    case_id             UUID         NOT NULL REFERENCES enforcement_case (id),
    action              VARCHAR(32)  NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    cleared_at          TIMESTAMPTZ,
    cleared_reason      TEXT
);
CREATE INDEX strike_account ON strike (account_id, created_at);

-- Idempotency-Key records: the key is claimed in the same transaction as the change it protects,
-- so a key exists with its response iff the change committed.
CREATE TABLE idempotency_key (
    actor               VARCHAR(128) NOT NULL,
    idem_key            VARCHAR(128) NOT NULL,
    request_hash        VARCHAR(64)  NOT NULL,
    response_status     INT,
    response_body       TEXT,
    created_at          TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (actor, idem_key)
);

CREATE INDEX account_restriction_due ON account (restricted_until) WHERE status = 'RESTRICTED';
CREATE INDEX enforcement_case_assignee ON enforcement_case (assignee) WHERE assignee IS NOT NULL;
CREATE INDEX signal_received ON signal (received_at DESC);
CREATE INDEX decision_account ON decision (account_id, decided_at);
