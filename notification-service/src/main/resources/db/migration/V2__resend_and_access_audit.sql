-- Resends are new rows pointing at the original: the original keeps its history, and the
-- "once per event, recipient and template" rule now applies to originals only.
ALTER TABLE delivery DROP CONSTRAINT delivery_once;
ALTER TABLE delivery ADD COLUMN resend_of UUID REFERENCES delivery (id);
ALTER TABLE delivery ADD COLUMN resend_key VARCHAR(128);
ALTER TABLE delivery ADD COLUMN requested_by VARCHAR(255);
CREATE UNIQUE INDEX delivery_once ON delivery (event_id, recipient, template) WHERE resend_of IS NULL;
-- One resend per idempotency key: a retried request finds the row it created the first time.
CREATE UNIQUE INDEX delivery_resend_key ON delivery (resend_key) WHERE resend_key IS NOT NULL;
CREATE INDEX delivery_case ON delivery (case_id, created_at);
CREATE INDEX delivery_created ON delivery (created_at);

-- Who read a delivery's content, and when: mails carry personal data.
CREATE TABLE delivery_access (
    id                  BIGSERIAL PRIMARY KEY,
    delivery_id         UUID         NOT NULL REFERENCES delivery (id),
    reader              VARCHAR(255) NOT NULL,
    roles               VARCHAR(255) NOT NULL,
    read_at             TIMESTAMPTZ  NOT NULL
);
CREATE INDEX delivery_access_delivery ON delivery_access (delivery_id, read_at);
