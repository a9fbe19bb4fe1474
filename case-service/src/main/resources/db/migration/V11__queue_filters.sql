-- The queue filters on the account type without joining account: each case carries the type its
-- account had at the case's latest signal (PRIVATE when unknown, as in the policy). With it, the
-- common reviewer queues (status [+ violation | + account type]) read straight off an index in order.
ALTER TABLE enforcement_case ADD COLUMN account_type VARCHAR(16) NOT NULL DEFAULT 'PRIVATE';
UPDATE enforcement_case c SET account_type = a.account_type
  FROM account a WHERE a.id = c.account_id AND a.account_type IS NOT NULL AND a.account_type <> 'PRIVATE';

DROP INDEX enforcement_case_queue;
CREATE INDEX enforcement_case_queue ON enforcement_case (status, priority DESC, opened_at, id);
CREATE INDEX enforcement_case_queue_violation ON enforcement_case (status, primary_violation, priority DESC, opened_at, id);
CREATE INDEX enforcement_case_queue_account_type ON enforcement_case (status, account_type, priority DESC, opened_at, id);
