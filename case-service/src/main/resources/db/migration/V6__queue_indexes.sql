-- The queue without a status filter, and the unassigned-NEW lookup of claim-next, at 100k+ cases.
CREATE INDEX enforcement_case_priority ON enforcement_case (priority DESC, opened_at, id);
CREATE INDEX enforcement_case_claimable ON enforcement_case (priority DESC, opened_at) WHERE status = 'NEW' AND assignee IS NULL;
CREATE INDEX appeal_decision ON appeal (case_id);
