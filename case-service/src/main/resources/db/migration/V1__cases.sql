-- Accounts as case-service knows them: enforcement state and where to tell the holder.
CREATE TABLE account (
    id                  VARCHAR(128) PRIMARY KEY,
    account_type        VARCHAR(16),
    contact_email       VARCHAR(320),
    locale              VARCHAR(35),
    status              VARCHAR(16)  NOT NULL,
    restricted_until    TIMESTAMPTZ,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE enforcement_case (
    id                  UUID PRIMARY KEY,
    account_id          VARCHAR(128) NOT NULL REFERENCES account (id),
    status              VARCHAR(16)  NOT NULL,
    priority            INT          NOT NULL,
    max_score           DOUBLE PRECISION NOT NULL,
    primary_violation   VARCHAR(32)  NOT NULL,
    assignee            VARCHAR(128),
    due_at              TIMESTAMPTZ,
    opened_at           TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    closed_at           TIMESTAMPTZ,
    version             BIGINT       NOT NULL DEFAULT 0
);
-- one open case per account collects its signals
CREATE UNIQUE INDEX enforcement_case_one_open ON enforcement_case (account_id) WHERE status <> 'CLOSED';
CREATE INDEX enforcement_case_queue ON enforcement_case (status, priority DESC, opened_at);

CREATE TABLE signal (
    id                  UUID PRIMARY KEY,          -- the detection signalId: replays collide here
    case_id             UUID         NOT NULL REFERENCES enforcement_case (id),
    account_id          VARCHAR(128) NOT NULL,
    violation           VARCHAR(32)  NOT NULL,
    score               DOUBLE PRECISION NOT NULL,
    rule_id             VARCHAR(128) NOT NULL,
    rule_version        INT          NOT NULL,
    summary             TEXT         NOT NULL,
    payload             JSONB        NOT NULL,     -- the signal as received, explanation included
    detected_at         TIMESTAMPTZ  NOT NULL,
    received_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX signal_case ON signal (case_id, detected_at);

CREATE TABLE decision (
    id                  UUID PRIMARY KEY,
    case_id             UUID         NOT NULL REFERENCES enforcement_case (id),
    account_id          VARCHAR(128) NOT NULL,
    action              VARCHAR(32)  NOT NULL,
    reason_code         VARCHAR(64)  NOT NULL,
    reason_text         TEXT         NOT NULL,
    automated           BOOLEAN      NOT NULL,
    actor               VARCHAR(128) NOT NULL,
    policy_rule_id      VARCHAR(128),
    policy_version      INT,
    restricted_until    TIMESTAMPTZ,
    decided_at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX decision_case ON decision (case_id, decided_at);

CREATE TABLE case_note (
    id                  UUID PRIMARY KEY,
    case_id             UUID         NOT NULL REFERENCES enforcement_case (id),
    author              VARCHAR(128) NOT NULL,
    text                TEXT         NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL
);

-- Transactional outbox: written in the decision's transaction, published by OutboxRelay in id order.
CREATE TABLE outbox_event (
    id                  BIGSERIAL PRIMARY KEY,
    event_id            UUID         NOT NULL UNIQUE,
    topic               VARCHAR(255) NOT NULL,
    event_key           VARCHAR(128) NOT NULL,
    event_type          VARCHAR(128) NOT NULL,
    payload             TEXT         NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    published_at        TIMESTAMPTZ,
    attempts            INT          NOT NULL DEFAULT 0,
    last_error          TEXT
);
CREATE INDEX outbox_event_unpublished ON outbox_event (id) WHERE published_at IS NULL;
