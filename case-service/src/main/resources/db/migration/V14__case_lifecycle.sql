-- A ban that waits for a second reviewer's confirmation (status PROPOSED), and who confirmed it.
ALTER TABLE enforcement_case ADD COLUMN proposed_by VARCHAR(128);
ALTER TABLE enforcement_case ADD COLUMN proposal_reason_code VARCHAR(64);
ALTER TABLE enforcement_case ADD COLUMN proposal_reason_text VARCHAR(2000);
ALTER TABLE decision ADD COLUMN confirmed_by VARCHAR(128);
-- legal-hold targets are compared as text: case ids in their canonical lower-case form
UPDATE legal_hold SET target_id = lower(target_id) WHERE scope = 'CASE';
