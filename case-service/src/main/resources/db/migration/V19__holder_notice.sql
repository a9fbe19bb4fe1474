-- Whether the account holder was told of a published decision (see HolderNotice); null for decisions
-- that publish nothing or that predate this column.
ALTER TABLE decision ADD COLUMN holder_notice VARCHAR(20);
CREATE INDEX decision_awaiting_address ON decision (account_id) WHERE holder_notice = 'AWAITING_ADDRESS';
