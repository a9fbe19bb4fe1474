-- Erasure of an account's personal data (on request, or by retention once its last case was due):
-- one row per erasure, the source of the warden.erasures.v1 event written with it.
CREATE TABLE account_erasure (
    id                  UUID PRIMARY KEY,
    account_id          VARCHAR(128) NOT NULL,
    cause               VARCHAR(16)  NOT NULL,
    requested_by        VARCHAR(128) NOT NULL,
    erased_at           TIMESTAMPTZ  NOT NULL
);
CREATE INDEX account_erasure_account ON account_erasure (account_id, erased_at);

-- A platform event from before the erasure (a replay) brings no contact data back.
ALTER TABLE account ADD COLUMN erased_at TIMESTAMPTZ;

-- The audit log stays append-only, except that an erasure (session flag warden.erasure) may overwrite
-- the free text in detail; every other column of the row stays as it was.
CREATE FUNCTION audit_log_detail_erasure() RETURNS trigger AS $$
BEGIN
    IF current_setting('warden.erasure', true) = 'on'
            AND (NEW.id, NEW.occurred_at, NEW.actor, NEW.client_id, NEW.action, NEW.case_id, NEW.account_id, NEW.subject_id)
                IS NOT DISTINCT FROM
                (OLD.id, OLD.occurred_at, OLD.actor, OLD.client_id, OLD.action, OLD.case_id, OLD.account_id, OLD.subject_id) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER audit_log_no_update ON audit_log;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_detail_erasure();
