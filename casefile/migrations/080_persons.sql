-- Payers and persons (package persons, written by persons/personsql).
-- 'coinsift trace payers' replaces the payer tables, 'coinsift persons'
-- the person tables; person_overrides is the investigator's and is only
-- appended to by 'coinsift persons override'.

CREATE TABLE payer_runs (
    created_at TIMESTAMP NOT NULL,
    settings   VARCHAR NOT NULL,   -- trace settings
    payments   BIGINT  NOT NULL,
    errors     BIGINT  NOT NULL
);

-- One row per traced payment (status verified, late, partial, amount_mismatch).
CREATE TABLE payment_payers (
    evidence_id       VARCHAR NOT NULL,
    src_table         VARCHAR NOT NULL,
    src_row           BIGINT  NOT NULL,
    account_key       VARCHAR,
    sats              BIGINT  NOT NULL,
    paying_cluster    UINTEGER,          -- cluster of the paying tx's first input address
    paying_address_id UINTEGER,
    direct            BOOLEAN NOT NULL,  -- an exchange paid the deposit address (hop 1)
    exchange          VARCHAR,           -- the largest exchange source
    withdrawal_txid   VARCHAR,           -- that exchange's transaction sending the money out
    hops              INTEGER,
    error             VARCHAR
);

CREATE TABLE payment_sources (
    evidence_id VARCHAR NOT NULL,
    src_table   VARCHAR NOT NULL,
    src_row     BIGINT  NOT NULL,
    entity      VARCHAR NOT NULL,
    category    VARCHAR,
    share       DOUBLE  NOT NULL,
    sats        BIGINT  NOT NULL,
    hops        INTEGER NOT NULL,
    txid        VARCHAR NOT NULL,
    height      INTEGER NOT NULL
);

CREATE TABLE account_payers (
    account_key     VARCHAR,
    payments        INTEGER NOT NULL,
    sats            BIGINT  NOT NULL,
    paying_clusters VARCHAR NOT NULL,  -- comma list, ascending
    direct_payments INTEGER NOT NULL,
    top_source      VARCHAR,
    top_share       DOUBLE
);

CREATE TABLE account_sources (
    account_key     VARCHAR,
    entity          VARCHAR NOT NULL,
    category        VARCHAR,
    sats            BIGINT  NOT NULL,
    share           DOUBLE  NOT NULL,  -- of the account's traced sats
    payments        INTEGER NOT NULL,
    min_hops        INTEGER NOT NULL,
    direct_payments INTEGER NOT NULL
);

CREATE TABLE persons (
    person_id   INTEGER NOT NULL,
    account_key VARCHAR NOT NULL
);

CREATE TABLE person_links (
    account_a VARCHAR NOT NULL,
    account_b VARCHAR NOT NULL,
    reason    VARCHAR NOT NULL,   -- paying_cluster, email, phone, btc_address, override
    detail    VARCHAR
);

-- Shared values that joined more accounts than the bound: not used.
CREATE TABLE person_dropped (
    kind     VARCHAR NOT NULL,
    value    VARCHAR NOT NULL,
    accounts INTEGER NOT NULL
);

CREATE TABLE person_overrides (
    account_a  VARCHAR NOT NULL,
    account_b  VARCHAR NOT NULL,
    action     VARCHAR NOT NULL,  -- merge, split
    note       VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL
);
