-- Issue 6: evidence ledger, chain of custody, legal escalations and holds, retention, DSA statements.

-- Append-only evidence ledger: one hash chain per case. canonical is exactly what was hashed.
CREATE TABLE evidence_item (
    id                  UUID PRIMARY KEY,
    case_id             UUID         NOT NULL,
    seq                 INT          NOT NULL,
    kind                VARCHAR(32)  NOT NULL,
    source_id           VARCHAR(128),
    recorded_at         TIMESTAMPTZ  NOT NULL,
    recorded_by         VARCHAR(128) NOT NULL,
    canonical           TEXT         NOT NULL,
    prev_hash           CHAR(64)     NOT NULL,
    hash                CHAR(64)     NOT NULL,
    capture             BYTEA,
    capture_sha256      CHAR(64),
    capture_media_type  VARCHAR(127),
    capture_size        INT,
    UNIQUE (case_id, seq)
);
-- a source (signal, note, decision) enters a case's ledger once, however often its event is replayed
CREATE UNIQUE INDEX evidence_item_source ON evidence_item (case_id, kind, source_id) WHERE source_id IS NOT NULL;

-- The head of each chain; its row lock serialises appends to one case.
CREATE TABLE evidence_chain_head (
    case_id             UUID PRIMARY KEY,
    seq                 INT          NOT NULL,
    hash                CHAR(64)     NOT NULL
);

-- The ledger is append-only: updates are refused, deletes only by the retention job (session flag).
CREATE FUNCTION evidence_item_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('warden.retention', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'evidence_item is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER evidence_item_append_only BEFORE UPDATE OR DELETE ON evidence_item
    FOR EACH ROW EXECUTE FUNCTION evidence_item_append_only();

-- Chain of custody: every view, export and verification of evidence.
CREATE TABLE custody_record (
    id                  BIGSERIAL PRIMARY KEY,
    case_id             UUID,
    actor               VARCHAR(128) NOT NULL,
    action              VARCHAR(32)  NOT NULL,
    detail              TEXT         NOT NULL,
    chain_head          CHAR(64),
    handed_out_sha256   CHAR(64),
    at                  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX custody_record_case ON custody_record (case_id, at);

CREATE TABLE legal_escalation (
    id                  UUID PRIMARY KEY,
    case_id             UUID         NOT NULL UNIQUE,
    account_id          VARCHAR(128) NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    escalated_by        VARCHAR(128) NOT NULL,
    reason              TEXT,
    received_at         TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX legal_escalation_queue ON legal_escalation (status, received_at);

CREATE TABLE legal_note (
    id                  UUID PRIMARY KEY,
    escalation_id       UUID         NOT NULL REFERENCES legal_escalation (id),
    author              VARCHAR(128) NOT NULL,
    text                TEXT         NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL
);

CREATE TABLE legal_hold (
    id                  UUID PRIMARY KEY,
    scope               VARCHAR(16)  NOT NULL,
    target_id           VARCHAR(128) NOT NULL,
    reason              TEXT         NOT NULL,
    placed_by           VARCHAR(128) NOT NULL,
    placed_at           TIMESTAMPTZ  NOT NULL,
    released_by         VARCHAR(128),
    released_at         TIMESTAMPTZ
);
CREATE INDEX legal_hold_active ON legal_hold (scope, target_id) WHERE released_at IS NULL;

-- Closed cases whose personal data the retention job erased (makes the job idempotent and auditable).
CREATE TABLE retention_erasure (
    case_id             UUID PRIMARY KEY,
    account_id          VARCHAR(128) NOT NULL,
    evidence_items      INT          NOT NULL,
    erased_at           TIMESTAMPTZ  NOT NULL
);

-- DSA statements of reasons, validated, one per restricting decision; puid is the platform unique id.
CREATE TABLE dsa_statement (
    puid                VARCHAR(500) PRIMARY KEY,
    decision_id         UUID         NOT NULL UNIQUE,
    case_id             UUID         NOT NULL,
    account_id          VARCHAR(128) NOT NULL,
    action              VARCHAR(32)  NOT NULL,
    violation           VARCHAR(32)  NOT NULL,
    account_type        VARCHAR(32),
    source_type         VARCHAR(32)  NOT NULL,
    automated_detection BOOLEAN      NOT NULL,
    automated_decision  BOOLEAN      NOT NULL,
    case_opened_at      TIMESTAMPTZ  NOT NULL,
    decided_at          TIMESTAMPTZ  NOT NULL,
    statement           TEXT         NOT NULL,
    submitted_at        TIMESTAMPTZ,
    submission_attempts INT          NOT NULL DEFAULT 0,
    last_error          TEXT
);
CREATE INDEX dsa_statement_period ON dsa_statement (decided_at, puid);
