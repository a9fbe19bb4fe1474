-- Append-only audit log: every state change and every read of case evidence.
CREATE TABLE audit_log (
    id                  BIGSERIAL PRIMARY KEY,
    occurred_at         TIMESTAMPTZ  NOT NULL,
    actor               VARCHAR(128) NOT NULL,
    client_id           VARCHAR(128),
    action              VARCHAR(64)  NOT NULL,
    case_id             UUID,
    account_id          VARCHAR(128),
    subject_id          VARCHAR(128),
    detail              TEXT
);
CREATE INDEX audit_log_actor ON audit_log (actor, occurred_at);
CREATE INDEX audit_log_case ON audit_log (case_id, occurred_at);
CREATE INDEX audit_log_account ON audit_log (account_id, occurred_at);
CREATE INDEX audit_log_time ON audit_log (occurred_at);

-- Append-only is enforced by the database, not only by the code.
CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
