-- Accounts whose personal data case-service erased (warden.erasures.v1): their deliveries keep no address,
-- payload text or error text, and an enforcement event from before the erasure (a replay, or one that
-- crossed the erasure on the other topic) is planned without them.
CREATE TABLE erased_account (
    account_id          VARCHAR(128) PRIMARY KEY,
    erasure_id          UUID         NOT NULL,
    erased_at           TIMESTAMPTZ  NOT NULL,
    received_at         TIMESTAMPTZ  NOT NULL
);
