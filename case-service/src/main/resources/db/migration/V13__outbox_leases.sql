-- The relay claims events under a lease (owner, until) in a short transaction, publishes with no
-- transaction open and records each outcome in its own; an expired lease is claimed again.
ALTER TABLE outbox_event ADD COLUMN lease_owner VARCHAR(128);
ALTER TABLE outbox_event ADD COLUMN lease_until TIMESTAMPTZ;
-- a key with a live lease is not claimed: looked up per key among the unpublished events
CREATE INDEX outbox_event_unpublished_key ON outbox_event (event_key, id) WHERE published_at IS NULL;
