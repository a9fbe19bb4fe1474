-- Final outcomes (SENT, DEAD) of mails about a case are reported on warden.notifications.v1 by
-- DeliveryReporter; reported_at marks a row as acknowledged by the broker. Rows that were final
-- before this migration are reported too: the case timeline gets their mails as well.
ALTER TABLE delivery ADD COLUMN reported_at TIMESTAMPTZ;
CREATE INDEX delivery_unreported ON delivery (created_at, id)
    WHERE reported_at IS NULL AND status IN ('SENT', 'DEAD') AND case_id IS NOT NULL;
