-- Submission of statements of reasons: a batch is claimed for a lease while it is sent (no lock is held
-- during the HTTP call), and a statement the Transparency Database keeps refusing is parked as failed.
ALTER TABLE dsa_statement ADD COLUMN submission_claimed_until TIMESTAMPTZ;
ALTER TABLE dsa_statement ADD COLUMN submission_failed_at TIMESTAMPTZ;
CREATE INDEX dsa_statement_failed ON dsa_statement (submission_failed_at) WHERE submission_failed_at IS NOT NULL;
