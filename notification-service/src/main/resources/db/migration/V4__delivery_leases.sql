-- Sending a mail and reporting its outcome each claim rows under a lease (owner, until) in a short
-- transaction, send with no transaction open and record each outcome in its own; an expired lease is
-- claimed again. Two leases: the dispatcher's (queued rows) and the reporter's (final rows).
ALTER TABLE delivery ADD COLUMN lease_owner VARCHAR(128);
ALTER TABLE delivery ADD COLUMN lease_until TIMESTAMPTZ;
ALTER TABLE delivery ADD COLUMN report_lease_owner VARCHAR(128);
ALTER TABLE delivery ADD COLUMN report_lease_until TIMESTAMPTZ;
CREATE INDEX delivery_queued_account ON delivery (account_id, created_at) WHERE status IN ('PENDING', 'FAILED');
CREATE INDEX delivery_unreported_account ON delivery (account_id, created_at)
    WHERE reported_at IS NULL AND status IN ('SENT', 'DEAD') AND case_id IS NOT NULL;
